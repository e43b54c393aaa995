package clusterlab.kernel.net;

/** Why a connect did not succeed, as the errno a real client would see. */
public enum ConnectFailure {
    /** ECONNREFUSED: the SYN arrived and nothing listened on the port; an RST came back. */
    REFUSED,
    /** ETIMEDOUT: neither the SYNs nor their answers made it before the connect timeout. */
    TIMED_OUT,
    /** EHOSTUNREACH: no route leads to the address. */
    UNREACHABLE
}
