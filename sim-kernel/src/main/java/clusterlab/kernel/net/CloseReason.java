package clusterlab.kernel.net;

/** Why an established connection ended, as its owner learns it. */
public enum CloseReason {
    /** The peer closed its end (its FIN arrived, after all the data it sent). */
    PEER_CLOSED,
    /** Retransmissions went unanswered too long: the peer crashed, or the path is gone. */
    TIMEOUT,
    /** The peer answered with an RST: it no longer knows the connection (it restarted, say). */
    RESET
}
