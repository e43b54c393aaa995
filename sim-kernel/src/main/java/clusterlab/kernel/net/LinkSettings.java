package clusterlab.kernel.net;

import clusterlab.kernel.Time;
import java.math.BigInteger;

/**
 * How a link behaves: propagation latency, bandwidth, and the probabilities that a packet is lost
 * or duplicated on it. Immutable; change one setting with a wither.
 *
 * <p>The defaults are a switched gigabit LAN: 500 us plus up to 100 us of jitter per hop, 1 Gbit/s,
 * no loss, no duplication.
 */
public record LinkSettings(LatencyModel latency, long bandwidthBitsPerSecond, double lossProbability,
                           double duplicateProbability) {

    public static final LinkSettings DEFAULT = new LinkSettings(
            LatencyModel.uniformJitter(500 * Time.MICROSECOND, 100 * Time.MICROSECOND), 1_000_000_000L, 0.0, 0.0);

    public LinkSettings {
        if (latency == null) {
            throw new IllegalArgumentException("link latency model is missing");
        }
        if (bandwidthBitsPerSecond <= 0) {
            throw new IllegalArgumentException("bandwidth must be positive, was " + bandwidthBitsPerSecond + " bit/s");
        }
        checkProbability("loss", lossProbability);
        checkProbability("duplication", duplicateProbability);
    }

    private static void checkProbability(String what, double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(what + " probability must be within 0..1, was " + p);
        }
    }

    public LinkSettings withLatency(LatencyModel model) {
        return new LinkSettings(model, bandwidthBitsPerSecond, lossProbability, duplicateProbability);
    }

    public LinkSettings withBandwidth(long bitsPerSecond) {
        return new LinkSettings(latency, bitsPerSecond, lossProbability, duplicateProbability);
    }

    public LinkSettings withLoss(double probability) {
        return new LinkSettings(latency, bandwidthBitsPerSecond, probability, duplicateProbability);
    }

    public LinkSettings withDuplication(double probability) {
        return new LinkSettings(latency, bandwidthBitsPerSecond, lossProbability, probability);
    }

    /** Time to put {@code sizeBytes} on the wire at this bandwidth, rounded up to whole nanoseconds. */
    public long transmissionNanos(long sizeBytes) {
        long bits = Math.multiplyExact(sizeBytes, 8L);
        long whole = bits / bandwidthBitsPerSecond;
        long rest = bits % bandwidthBitsPerSecond;
        long restNanos;
        if (rest <= Long.MAX_VALUE / Time.SECOND) {
            restNanos = (rest * Time.SECOND + bandwidthBitsPerSecond - 1) / bandwidthBitsPerSecond;
        } else {
            // Only for bandwidths above ~9 Gbit/s with large remainders; exact either way.
            BigInteger bw = BigInteger.valueOf(bandwidthBitsPerSecond);
            restNanos = BigInteger.valueOf(rest).multiply(BigInteger.valueOf(Time.SECOND))
                    .add(bw).subtract(BigInteger.ONE).divide(bw).longValueExact();
        }
        return Math.addExact(Math.multiplyExact(whole, Time.SECOND), restNanos);
    }
}
