package clusterlab.kernel.net;

/** The transport protocol of a packet. */
public enum Protocol {
    TCP,
    UDP;

    /** Lower-case, as in {@code 80/tcp}. */
    public String label() {
        return this == TCP ? "tcp" : "udp";
    }
}
