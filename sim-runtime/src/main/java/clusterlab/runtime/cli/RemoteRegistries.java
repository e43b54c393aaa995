package clusterlab.runtime.cli;

import clusterlab.kernel.Time;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.ConnectCallback;
import clusterlab.kernel.net.ConnectFailure;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.HostStack;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpRequest;
import clusterlab.runtime.daemon.RegistryServer;
import clusterlab.runtime.engine.Engine;
import clusterlab.runtime.image.ImageReference;
import clusterlab.runtime.registry.Registry;
import clusterlab.runtime.registry.TransferSettings;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reaching a private registry ({@code localhost:5000/app}) the way the daemon does: an HTTP
 * request to {@code /v2/} over the simulated network from the daemon's machine. Like Docker,
 * only registries on the loopback are spoken to over plain HTTP; any other address needs TLS,
 * which the lab's registries don't offer. The CLI's pulls and swarm agents' pulls use it.
 */
public final class RemoteRegistries {
    private static final long CONNECT_TIMEOUT_NANOS = 30 * Time.SECOND;

    private RemoteRegistries() {}

    /** A private registry on the local network: 1 Gbit/s, sub-millisecond round trips. */
    public static TransferSettings lan() {
        return TransferSettings.hub().withBandwidth(1_000_000_000L).withLatency(Time.MILLISECOND);
    }

    /**
     * Connects to the registry of {@code ref} and hands it to {@code reached}; {@code failed}
     * gets the daemon's error text (without the "Error response from daemon: " prefix).
     */
    public static void reach(Engine engine, ImageReference ref, Consumer<Registry> reached, Consumer<String> failed) {
        String domain = ref.domain();
        int colon = domain.lastIndexOf(':');
        String hostName = colon > 0 ? domain.substring(0, colon) : domain;
        int port;
        try {
            port = colon > 0 ? Integer.parseInt(domain.substring(colon + 1)) : 443;
        } catch (NumberFormatException e) {
            failed.accept("invalid registry address: " + domain);
            return;
        }
        boolean loopback = hostName.equals("localhost") || hostName.startsWith("127.");
        String scheme = loopback ? "http" : "https";
        String url = scheme + "://" + domain + "/v2/";
        Ipv4 address;
        if (loopback) {
            address = Ipv4.LOOPBACK;
        } else {
            try {
                address = Ipv4.parse(hostName);
            } catch (IllegalArgumentException e) {
                failed.accept("Get " + url + ": dial tcp: lookup " + hostName + ": no such host");
                return;
            }
        }
        HostStack daemonStack = engine.host().cluster().transport().stack(engine.host().machine());
        String dialed = address + ":" + port;
        daemonStack.connect(address, port, CONNECT_TIMEOUT_NANOS, new ConnectCallback() {
            @Override
            public void connected(Connection c) {
                if (!loopback) {
                    c.close();
                    failed.accept("Get " + url + ": http: server gave HTTP response to HTTPS client");
                    return;
                }
                boolean[] done = {false};
                c.setHandler(new ConnectionHandler() {
                    @Override
                    public void onMessage(Connection conn, Object message) {
                        if (message instanceof RegistryServer.Endpoint endpoint && !done[0]) {
                            done[0] = true;
                            conn.close();
                            reached.accept(endpoint.registry());
                        }
                    }

                    @Override
                    public void onClose(Connection conn, CloseReason reason) {
                        if (!done[0]) {
                            done[0] = true;
                            failed.accept("Get " + url + ": EOF");
                        }
                    }
                });
                HttpRequest get = new HttpRequest("GET", "/v2/", "HTTP/1.1",
                        List.of(new HttpHeader("Host", domain), new HttpHeader("User-Agent", "docker/18.09.4 go/go1.10.8")),
                        "");
                c.send(get, get.wireBytes());
            }

            @Override
            public void failed(ConnectFailure failure) {
                String why = switch (failure) {
                    case REFUSED -> "connect: connection refused";
                    case TIMED_OUT -> "i/o timeout";
                    case UNREACHABLE -> "connect: no route to host";
                };
                failed.accept("Get " + url + ": dial tcp " + dialed + ": " + why);
            }
        });
    }
}
