package clusterlab.kernel.net;

/**
 * A cable between two nodes (machines or switches), full duplex: each direction has its own
 * transmitter, which sends one packet at a time in FIFO order. A direction is busy until its last
 * packet is on the wire; later packets wait behind it, which is where queueing delay comes from.
 */
public final class Link {
    /** Direction index for packets travelling from {@link #a()} to {@link #b()}. */
    public static final int A_TO_B = 0;
    /** Direction index for packets travelling from {@link #b()} to {@link #a()}. */
    public static final int B_TO_A = 1;

    private final String a;
    private final String b;
    private LinkSettings settings;
    private boolean up = true;
    private final long[] busyUntilNanos = new long[2];

    Link(String a, String b, LinkSettings settings) {
        this.a = a;
        this.b = b;
        this.settings = settings;
    }

    public String a() {
        return a;
    }

    public String b() {
        return b;
    }

    public LinkSettings settings() {
        return settings;
    }

    void setSettings(LinkSettings settings) {
        this.settings = settings;
    }

    public boolean isUp() {
        return up;
    }

    void setUp(boolean up) {
        this.up = up;
    }

    /** The direction a packet leaving {@code node} over this link travels in. */
    int directionFrom(String node) {
        return node.equals(a) ? A_TO_B : B_TO_A;
    }

    /** The node at the other end from {@code node}. */
    String otherEnd(String node) {
        return node.equals(a) ? b : a;
    }

    /** Virtual time until which the transmitter of this direction is busy. */
    public long busyUntilNanos(int direction) {
        return busyUntilNanos[direction];
    }

    /**
     * Queues a packet that needs {@code transmissionNanos} on the wire behind the ones already
     * waiting; returns when its last bit leaves.
     */
    long reserve(int direction, long nowNanos, long transmissionNanos) {
        long start = Math.max(nowNanos, busyUntilNanos[direction]);
        busyUntilNanos[direction] = start + transmissionNanos;
        return busyUntilNanos[direction];
    }

    @Override
    public String toString() {
        return a + " <-> " + b + (up ? "" : " (down)");
    }
}
