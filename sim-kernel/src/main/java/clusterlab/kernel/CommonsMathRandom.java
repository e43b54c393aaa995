package clusterlab.kernel;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Lets Commons Math distributions draw from a {@link SimRandom} stream. Re-seeding is refused:
 * a stream's seed comes from the simulation's root seed and its name, nowhere else.
 */
final class CommonsMathRandom implements RandomGenerator {
    private final SimRandom stream;

    CommonsMathRandom(SimRandom stream) {
        this.stream = stream;
    }

    @Override
    public void setSeed(int seed) {
        throw reseed();
    }

    @Override
    public void setSeed(int[] seed) {
        throw reseed();
    }

    @Override
    public void setSeed(long seed) {
        throw reseed();
    }

    private UnsupportedOperationException reseed() {
        return new UnsupportedOperationException("stream " + stream.name() + " is seeded by the simulation");
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i += 8) {
            long bits = stream.nextLong();
            for (int j = 0; j < 8 && i + j < bytes.length; j++) {
                bytes[i + j] = (byte) (bits >>> (8 * j));
            }
        }
    }

    @Override
    public int nextInt() {
        return stream.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return stream.nextInt(n);
    }

    @Override
    public long nextLong() {
        return stream.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return stream.nextLong() < 0;
    }

    @Override
    public float nextFloat() {
        return (stream.nextLong() >>> 40) * 0x1.0p-24f;
    }

    @Override
    public double nextDouble() {
        return stream.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return stream.normal(0, 1);
    }
}
