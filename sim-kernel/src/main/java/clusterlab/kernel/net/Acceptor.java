package clusterlab.kernel.net;

/** A listening server's side of a new connection; it usually sets the connection's handler. */
@FunctionalInterface
public interface Acceptor {
    void accept(Connection connection);
}
