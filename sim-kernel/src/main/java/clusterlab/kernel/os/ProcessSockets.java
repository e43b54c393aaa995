package clusterlab.kernel.os;

import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.net.Acceptor;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.ConnectCallback;
import clusterlab.kernel.net.ConnectFailure;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.DatagramHandler;
import clusterlab.kernel.net.HostStack;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Listener;
import java.util.Locale;

/**
 * The socket calls of one process, on the stack of its network namespace. Everything it opens is
 * owned by the process and closed when it dies (as its file descriptors would be), and every
 * callback runs as the process, and not at all once it is gone.
 */
public final class ProcessSockets {
    private final Process process;

    ProcessSockets(Process process) {
        this.process = process;
    }

    private HostStack stack() {
        HostStack stack = process.namespaces().net().stack();
        if (stack == null) {
            throw new OsException(Errno.EHOSTUNREACH, "network is unreachable");
        }
        return stack;
    }

    /** Listens on a TCP port of all the namespace's addresses; EADDRINUSE if taken. */
    public Listener listen(int port, Acceptor acceptor) {
        Listener listener;
        try {
            listener = stack().listen(port, connection -> {
                if (process.isAlive()) {
                    process.own(connection::close);
                    process.runAsCurrent(() -> acceptor.accept(connection));
                } else {
                    connection.close();
                }
            });
        } catch (IllegalStateException inUse) {
            throw new OsException(Errno.EADDRINUSE, "bind");
        }
        process.own(listener::close);
        return listener;
    }

    /** Connects; the callback runs as this process, with the connection or why it failed. */
    public void connect(Ipv4 to, int port, long timeoutNanos, ConnectCallback callback) {
        stack().connect(to, port, timeoutNanos, new ConnectCallback() {
            @Override
            public void connected(Connection connection) {
                if (!process.isAlive()) {
                    connection.close();
                    return;
                }
                process.own(connection::close);
                process.runAsCurrent(() -> callback.connected(connection));
            }

            @Override
            public void failed(ConnectFailure failure) {
                if (process.isAlive()) {
                    process.runAsCurrent(() -> callback.failed(failure));
                }
            }
        });
    }

    /** Wraps a handler so its callbacks run as this process and stop when it dies. */
    public ConnectionHandler handler(ConnectionHandler inner) {
        return new ConnectionHandler() {
            @Override
            public void onMessage(Connection connection, Object message) {
                if (process.isAlive()) {
                    process.runAsCurrent(() -> inner.onMessage(connection, message));
                }
            }

            @Override
            public void onClose(Connection connection, CloseReason reason) {
                if (process.isAlive()) {
                    process.runAsCurrent(() -> inner.onClose(connection, reason));
                }
            }
        };
    }

    public void bindUdp(int port, DatagramHandler handler) {
        try {
            stack().bindUdp(port, d -> {
                if (process.isAlive()) {
                    process.runAsCurrent(() -> handler.onDatagram(d));
                }
            });
        } catch (IllegalStateException inUse) {
            throw new OsException(Errno.EADDRINUSE, "bind");
        }
        HostStack stack = stack();
        process.own(() -> stack.unbindUdp(port));
    }

    public void sendDatagram(int srcPort, Ipv4 dst, int dstPort, Object payload, int sizeBytes) {
        stack().sendDatagram(srcPort, dst, dstPort, payload, sizeBytes);
    }

    /** This namespace's primary address (what the machine's peers see). */
    public Ipv4 localAddress() {
        return process.namespaces().net().primaryAddress();
    }

    /**
     * Resolves a host name the way glibc does without DNS: a dotted quad as is, then
     * {@code /etc/hosts} of the process's filesystem ({@code localhost} is there on every image).
     * Returns null when the name is unknown.
     */
    public Ipv4 resolve(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            try {
                return Ipv4.parse(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String hosts;
        try {
            hosts = process.namespaces().mnt().root().readString("/etc/hosts");
        } catch (FsException e) {
            hosts = "";
        }
        for (String line : hosts.split("\n", 10_000)) {
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            String[] fields = content.trim().split("\\s+");
            if (fields.length < 2 || !fields[0].matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                continue;
            }
            for (int i = 1; i < fields.length; i++) {
                if (fields[i].equalsIgnoreCase(name)) {
                    try {
                        return Ipv4.parse(fields[0]);
                    } catch (IllegalArgumentException e) {
                        break;
                    }
                }
            }
        }
        return name.equals("localhost") ? Ipv4.LOOPBACK : null;
    }
}
