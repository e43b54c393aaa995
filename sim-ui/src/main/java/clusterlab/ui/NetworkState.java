package clusterlab.ui;

/**
 * The network's fault settings at one instant (simulation thread to FX thread).
 *
 * @param loss the probability that a packet is dropped, 0..1
 * @param latencyNanos the mean one-way delay of a link
 * @param partitioned whether a partition is in force
 * @param blocks one-way blocks in force, as "a->b"
 */
public record NetworkState(double loss, long latencyNanos, boolean partitioned, java.util.List<String> blocks) {
    public static final NetworkState NONE = new NetworkState(0, 0, false, java.util.List.of());

    public NetworkState {
        blocks = java.util.List.copyOf(blocks);
    }
}
