package clusterlab.kernel.net;

/** Why the network did not deliver a packet; each is counted and appears in the trace. */
public enum DropReason {
    /** Random loss on a link (its loss probability). */
    LOSS("loss"),
    /** Source and destination are in different groups of a symmetric partition. */
    PARTITION("partition"),
    /** A one-way block from the source to the destination. */
    BLOCKED("blocked"),
    /** The source was not running when sending, or the destination was not running on arrival. */
    CRASHED("crashed"),
    /** No machine has the destination address, or no path of working links leads to it. */
    NO_ROUTE("no-route"),
    /** A link on the path went down while the packet was travelling. */
    LINK_DOWN("link-down"),
    /** A link direction already had more queued than it may hold (a switch's tail drop). */
    QUEUE_FULL("queue-full"),
    /** The destination machine has no network stack registered to take packets. */
    NO_RECEIVER("no-receiver");

    private final String label;

    DropReason(String label) {
        this.label = label;
    }

    /** The name used in the trace. */
    public String label() {
        return label;
    }
}
