package clusterlab.kernel.net;

import clusterlab.kernel.SimRandom;
import clusterlab.kernel.Time;

/**
 * The one-way propagation delay of a link, drawn per packet and hop. Jitter is what reorders
 * packets: two packets sent back to back can draw delays that cross.
 */
public sealed interface LatencyModel {

    /** A delay for one packet, never negative. */
    long sampleNanos(SimRandom random);

    /** The expected delay (for the normal model: before clamping at zero). */
    long meanNanos();

    /** Always the same delay. */
    static LatencyModel constant(long nanos) {
        return new Constant(nanos);
    }

    /** {@code baseNanos} plus a jitter drawn uniformly from [0, maxJitterNanos]. */
    static LatencyModel uniformJitter(long baseNanos, long maxJitterNanos) {
        return new UniformJitter(baseNanos, maxJitterNanos);
    }

    /** {@code baseNanos} plus a normal jitter with mean 0 and the given deviation, clamped at 0. */
    static LatencyModel normalJitter(long baseNanos, long stddevNanos) {
        return new NormalJitter(baseNanos, stddevNanos);
    }

    record Constant(long nanos) implements LatencyModel {
        public Constant {
            requireNonNegative("latency", nanos);
        }

        @Override
        public long sampleNanos(SimRandom random) {
            return nanos;
        }

        @Override
        public long meanNanos() {
            return nanos;
        }

        @Override
        public String toString() {
            return Time.format(nanos);
        }
    }

    record UniformJitter(long baseNanos, long maxJitterNanos) implements LatencyModel {
        public UniformJitter {
            requireNonNegative("base latency", baseNanos);
            requireNonNegative("jitter", maxJitterNanos);
        }

        @Override
        public long sampleNanos(SimRandom random) {
            return maxJitterNanos == 0 ? baseNanos : baseNanos + random.nextLong(maxJitterNanos + 1);
        }

        @Override
        public long meanNanos() {
            return baseNanos + maxJitterNanos / 2;
        }

        @Override
        public String toString() {
            return Time.format(baseNanos) + " + uniform(0.." + Time.format(maxJitterNanos) + ")";
        }
    }

    record NormalJitter(long baseNanos, long stddevNanos) implements LatencyModel {
        public NormalJitter {
            requireNonNegative("base latency", baseNanos);
            requireNonNegative("jitter deviation", stddevNanos);
        }

        @Override
        public long sampleNanos(SimRandom random) {
            if (stddevNanos == 0) {
                return baseNanos;
            }
            // Math.round is exact integer arithmetic on a strict double, so the same on every JVM.
            long drawn = Math.round(random.normal(baseNanos, stddevNanos));
            return Math.max(0, drawn);
        }

        @Override
        public long meanNanos() {
            return baseNanos;
        }

        @Override
        public String toString() {
            return Time.format(baseNanos) + " + normal(sd " + Time.format(stddevNanos) + ")";
        }
    }

    private static void requireNonNegative(String what, long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException(what + " must not be negative, was " + nanos + " ns");
        }
    }
}
