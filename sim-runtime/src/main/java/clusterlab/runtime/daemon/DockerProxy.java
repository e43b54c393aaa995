package clusterlab.runtime.daemon;

import clusterlab.kernel.Time;
import clusterlab.kernel.net.ConnectCallback;
import clusterlab.kernel.net.ConnectFailure;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Splice;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import java.util.List;

/**
 * {@code docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2
 * -container-port 80}: Docker's userland proxy for a published port. It listens on the host port
 * and, for each connection, opens one to the container and relays messages both ways, so the
 * container sees the bridge gateway (172.17.0.1) as its client, as with the real proxy.
 */
public final class DockerProxy implements Program {
    private static final long CONNECT_TIMEOUT_NANOS = 30 * Time.SECOND;

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(2L << 20);
        ctx.setVirtualMemory(400L << 20);
        ctx.onSignal(Signal.SIGTERM, s -> ctx.exit(0));
        int hostPort = 0;
        int containerPort = 0;
        String containerIp = null;
        List<String> args = ctx.args();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "-host-port" -> hostPort = Integer.parseInt(args.get(i + 1));
                case "-container-port" -> containerPort = Integer.parseInt(args.get(i + 1));
                case "-container-ip" -> containerIp = args.get(i + 1);
                default -> { }
            }
        }
        if (hostPort == 0 || containerPort == 0 || containerIp == null) {
            ctx.eprintln("docker-proxy: missing -host-port, -container-ip or -container-port");
            ctx.exit(1);
            return;
        }
        Ipv4 backend = Ipv4.parse(containerIp);
        int port = containerPort;
        ctx.net().listen(hostPort, client -> relay(ctx, client, backend, port));
    }

    private void relay(ProcessContext ctx, Connection client, Ipv4 backendIp, int backendPort) {
        Splice splice = new Splice(client, handler -> ctx.net().handler(handler));
        ctx.net().connect(backendIp, backendPort, CONNECT_TIMEOUT_NANOS, new ConnectCallback() {
            @Override
            public void connected(Connection server) {
                splice.connected(server);
            }

            @Override
            public void failed(ConnectFailure failure) {
                splice.failed(); // the client sees the connection reset, as with a dead backend
            }
        });
    }
}
