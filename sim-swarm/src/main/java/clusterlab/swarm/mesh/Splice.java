package clusterlab.swarm.mesh;

import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Sized;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins a client connection to a backend connection that is still being opened: what the client
 * sends meanwhile is held (up to {@link #MAX_PENDING} messages), then everything is relayed both
 * ways, and closing either side closes the other.
 */
final class Splice {
    /** Messages held for a backend that is still connecting. */
    static final int MAX_PENDING = 1024;

    private final Connection client;
    private final List<Object> pending = new ArrayList<>();
    private Connection backend;
    private boolean clientClosed;

    Splice(Connection client) {
        this.client = client;
        client.setHandler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection c, Object message) {
                if (backend != null) {
                    backend.send(message, sizeOf(message));
                } else if (pending.size() < MAX_PENDING) {
                    pending.add(message);
                }
            }

            @Override
            public void onClose(Connection c, CloseReason reason) {
                clientClosed = true;
                if (backend != null) {
                    backend.close();
                }
            }
        });
    }

    /** Messages the client sent before the backend was there (the tunnel endpoint reads its header from them). */
    List<Object> pending() {
        return pending;
    }

    void connected(Connection server) {
        backend = server;
        server.setHandler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection c, Object message) {
                client.send(message, sizeOf(message));
            }

            @Override
            public void onClose(Connection c, CloseReason reason) {
                client.close();
            }
        });
        for (Object m : pending) {
            server.send(m, sizeOf(m));
        }
        pending.clear();
        if (clientClosed) {
            server.close();
        }
    }

    /** No backend: the client sees its connection reset, as with IPVS and a dead real server. */
    void failed() {
        client.close();
    }

    static int sizeOf(Object message) {
        if (message instanceof Sized s) {
            return s.sizeBytes();
        }
        return message instanceof String text ? text.length() : 64;
    }
}
