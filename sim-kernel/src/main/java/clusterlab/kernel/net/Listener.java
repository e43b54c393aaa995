package clusterlab.kernel.net;

/** A listening TCP port on one host; closing it stops new connections, not the accepted ones. */
public final class Listener {
    private final HostStack stack;
    private final int port;
    private final Acceptor acceptor;
    /** Connections whose handshake is under way (the SYN queue), bounded by the backlog. */
    private int pendingHandshakes;
    private boolean open = true;

    Listener(HostStack stack, int port, Acceptor acceptor) {
        this.stack = stack;
        this.port = port;
        this.acceptor = acceptor;
    }

    public int port() {
        return port;
    }

    public boolean isOpen() {
        return open;
    }

    /** Stops listening; half-open handshakes are reset when they complete. */
    public void close() {
        if (open) {
            open = false;
            stack.removeListener(this);
        }
    }

    Acceptor acceptor() {
        return acceptor;
    }

    int pendingHandshakes() {
        return pendingHandshakes;
    }

    void handshakeStarted() {
        pendingHandshakes++;
    }

    void handshakeEnded() {
        pendingHandshakes--;
    }

    /** The host's stack was wiped (crash): the listener is gone without ceremony. */
    void discard() {
        open = false;
    }

    @Override
    public String toString() {
        return stack.name() + " listening on " + port + "/tcp" + (open ? "" : " (closed)");
    }
}
