package clusterlab.kernel;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A named, seeded stream of random numbers: SplitMix64.
 *
 * <p>Every stream derives from one root seed and its own path name ({@code "raft/node2"}), never
 * from the order in which streams were created, so adding a component does not shift the numbers
 * any other component draws. {@code root.stream("a").stream("b")} is the same stream as
 * {@code root.stream("a/b")}.
 *
 * <p>Transcendental functions go through {@link StrictMath}, whose results are specified bit for
 * bit, so draws are identical on every JVM and CPU.
 */
public final class SimRandom {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private final long rootSeed;
    private final String path;
    private long state;

    private SimRandom(long rootSeed, String path, long state) {
        this.rootSeed = rootSeed;
        this.path = path;
        this.state = state;
    }

    /** The root stream of a simulation with this seed. */
    public static SimRandom root(long seed) {
        return new SimRandom(seed, "", mix64(seed));
    }

    /** An independent stream for a component, stable for a given root seed and name. */
    public SimRandom stream(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("stream name is empty");
        }
        String full = path.isEmpty() ? name : path + "/" + name;
        return new SimRandom(rootSeed, full, mix64(rootSeed ^ mix64(fnv1a64(full))));
    }

    public String name() {
        return path.isEmpty() ? "<root>" : path;
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in [0, bound). */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        // Lemire-style rejection on the top bits keeps the draw unbiased for any bound.
        long r = nextLong() >>> 1;
        long m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        long u = r;
        while (u - (r = u % bound) + m < 0) {
            u = nextLong() >>> 1;
        }
        return r;
    }

    /**
     * Advances the stream exactly as {@code count} calls of {@link #nextLong(long)} with this
     * bound would, without their results: for a caller that knows no draw can matter but must
     * keep every later draw the same.
     */
    public void skipBounded(long count, long bound) {
        for (long i = 0; i < count; i++) {
            nextLong(bound);
        }
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in [lo, hi). */
    public long uniform(long lo, long hi) {
        if (hi <= lo) {
            throw new IllegalArgumentException("empty range [" + lo + ", " + hi + ")");
        }
        return lo + nextLong(hi - lo);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        if (p <= 0) {
            return false;
        }
        return p >= 1 || nextDouble() < p;
    }

    /** An exponential draw with the given mean. */
    public double exponential(double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    /** A normal draw (Box–Muller; one value per call keeps the stream stateless beyond its counter). */
    public double normal(double mean, double stddev) {
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        double z = StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
        return mean + stddev * z;
    }

    /** A uniformly chosen element. */
    public <T> T pick(List<T> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("cannot pick from an empty list");
        }
        return items.get(nextInt(items.size()));
    }

    /** Shuffles in place (Fisher–Yates). */
    public <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T tmp = items.get(i);
            items.set(i, items.get(j));
            items.set(j, tmp);
        }
    }

    /** {@code chars} lowercase hexadecimal digits, as in container and layer ids. */
    public String hex(int chars) {
        StringBuilder out = new StringBuilder(chars);
        while (out.length() < chars) {
            long bits = nextLong();
            for (int i = 0; i < 16 && out.length() < chars; i++) {
                out.append(Character.forDigit((int) ((bits >>> (60 - 4 * i)) & 0xF), 16));
            }
        }
        return out.toString();
    }

    /** This stream seen as a Commons Math generator, so its distributions draw from it. */
    public org.apache.commons.math3.random.RandomGenerator asCommonsMath() {
        return new CommonsMathRandom(this);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long fnv1a64(String s) {
        long h = FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xFF);
            h *= FNV_PRIME;
        }
        return h;
    }
}
