package clusterlab.kernel.net;

/** The outcome of a connect; exactly one of the two methods is called, later, from an event. */
public interface ConnectCallback {
    void connected(Connection connection);

    void failed(ConnectFailure failure);
}
