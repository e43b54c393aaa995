package clusterlab.kernel.net;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Joins a client connection to a backend connection that is still being opened: what the client
 * sends meanwhile is held (up to {@link #MAX_PENDING} messages), then everything is relayed both
 * ways, and closing either side closes the other. docker-proxy relays a published port this way,
 * and so does the routing mesh.
 */
public final class Splice {
    /** Messages held for a backend that is still connecting. */
    static final int MAX_PENDING = 1024;

    private final Connection client;
    private final List<Object> pending = new ArrayList<>();
    private Connection backend;
    private boolean clientClosed;

    private final UnaryOperator<ConnectionHandler> wrap;

    /** Splices {@code client}; handlers are installed through {@code wrap} (a process's socket accounting). */
    public Splice(Connection client, UnaryOperator<ConnectionHandler> wrap) {
        this.client = client;
        this.wrap = wrap;
        client.setHandler(wrap.apply(new ConnectionHandler() {
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
        }));
    }

    public Splice(Connection client) {
        this(client, UnaryOperator.identity());
    }

    /** The backend is connected: what was held goes first, then everything flows both ways. */
    public void connected(Connection server) {
        backend = server;
        server.setHandler(wrap.apply(new ConnectionHandler() {
            @Override
            public void onMessage(Connection c, Object message) {
                client.send(message, sizeOf(message));
            }

            @Override
            public void onClose(Connection c, CloseReason reason) {
                client.close();
            }
        }));
        for (Object m : pending) {
            server.send(m, sizeOf(m));
        }
        pending.clear();
        if (clientClosed) {
            server.close();
        }
    }

    /** No backend: the client sees its connection reset, as with IPVS and a dead real server. */
    public void failed() {
        client.close();
    }

    /** Relayed messages keep their wire size when they declare one. */
    public static int sizeOf(Object message) {
        if (message instanceof Sized s) {
            return s.sizeBytes();
        }
        return message instanceof String text ? text.length() : 64;
    }
}
