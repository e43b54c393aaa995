package clusterlab.runtime.cli;

import clusterlab.kernel.Time;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.ConnectCallback;
import clusterlab.kernel.net.ConnectFailure;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpRequest;
import clusterlab.runtime.daemon.Dockerd;
import clusterlab.runtime.engine.Engine;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the client reaches a daemon: the local unix socket, or {@code tcp://HOST:PORT} over the
 * simulated network (a {@code GET /_ping}, answered by the remote dockerd with its engine).
 */
public final class DaemonConnection {
    /** Docker's client gives up connecting after about 30 s. */
    private static final long CONNECT_TIMEOUT_NANOS = 30 * Time.SECOND;

    private DaemonConnection() {}

    /** Calls {@code reached} with the engine at {@code host}, or {@code failed} when none answers. */
    public static void connect(ProcessContext ctx, String host, Consumer<Engine> reached, Runnable failed) {
        if (host.startsWith("unix://")) {
            Object daemon = ctx.os().unixSocket(host.substring("unix://".length()));
            if (daemon instanceof Engine engine) {
                reached.accept(engine);
            } else {
                failed.run();
            }
            return;
        }
        String address = host.startsWith("tcp://") ? host.substring("tcp://".length()) : host;
        int colon = address.lastIndexOf(':');
        String hostName = colon > 0 ? address.substring(0, colon) : address;
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(address.substring(colon + 1)) : 2375;
        } catch (NumberFormatException e) {
            failed.run();
            return;
        }
        Ipv4 ip = ctx.net().resolve(hostName);
        if (ip == null || port < 1 || port > 65535) {
            failed.run();
            return;
        }
        ctx.net().connect(ip, port, CONNECT_TIMEOUT_NANOS, new ConnectCallback() {
            @Override
            public void connected(Connection c) {
                boolean[] done = {false};
                c.setHandler(ctx.net().handler(new ConnectionHandler() {
                    @Override
                    public void onMessage(Connection conn, Object message) {
                        if (message instanceof Dockerd.Endpoint endpoint && !done[0]) {
                            done[0] = true;
                            conn.close();
                            if (endpoint.engine() instanceof Engine engine) {
                                reached.accept(engine);
                            } else {
                                failed.run();
                            }
                        }
                    }

                    @Override
                    public void onClose(Connection conn, CloseReason reason) {
                        if (!done[0]) {
                            done[0] = true;
                            failed.run();
                        }
                    }
                }));
                HttpRequest ping = new HttpRequest("GET", "/_ping", "HTTP/1.1",
                        List.of(new HttpHeader("Host", address), new HttpHeader("User-Agent", "Docker-Client/18.09.4 (linux)")),
                        "");
                c.send(ping, ping.wireBytes());
            }

            @Override
            public void failed(ConnectFailure failure) {
                failed.run();
            }
        });
    }
}
