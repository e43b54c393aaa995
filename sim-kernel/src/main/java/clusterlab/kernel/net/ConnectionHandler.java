package clusterlab.kernel.net;

/** Receives what happens on a connection: its messages in order, then at most one close. */
public interface ConnectionHandler {
    void onMessage(Connection connection, Object message);

    /** The connection ended for a reason other than this side's own {@link Connection#close()}. */
    void onClose(Connection connection, CloseReason reason);
}
