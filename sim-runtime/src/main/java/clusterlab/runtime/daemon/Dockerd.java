package clusterlab.runtime.daemon;

import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Sized;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpRequest;
import clusterlab.kernel.programs.http.HttpResponse;
import java.util.List;

/**
 * {@code dockerd -H unix:///var/run/docker.sock -H tcp://0.0.0.0:2375}: the daemon's process.
 * The engine itself lives in Java objects and answers on the unix socket; with a {@code tcp://}
 * host the daemon also listens on the network, so a client elsewhere ({@code docker -H
 * tcp://192.168.0.11:2375 ps}, or {@code DOCKER_HOST}) reaches this engine over the simulated
 * network. The remote API is plain HTTP without TLS (the lab's simplification).
 */
public final class Dockerd implements Program {
    /** What a remote client gets after its {@code GET /_ping}: the engine it reached. */
    public record Endpoint(Object engine) implements Sized {
        @Override
        public int sizeBytes() {
            return 0;
        }
    }

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(80L << 20);
        ctx.setVirtualMemory(1200L << 20);
        ctx.onSignal(Signal.SIGTERM, s -> ctx.exit(0));
        ctx.onSignal(Signal.SIGINT, s -> ctx.exit(0));
        List<String> args = ctx.args();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-H") && args.get(i + 1).startsWith("tcp://")) {
                String hostPort = args.get(i + 1).substring("tcp://".length());
                int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
                listen(ctx, port);
            }
        }
    }

    private static void listen(ProcessContext ctx, int port) {
        try {
            ctx.net().listen(port, conn -> conn.setHandler(ctx.net().handler(new ConnectionHandler() {
                @Override
                public void onMessage(Connection c, Object message) {
                    if (message instanceof HttpRequest) {
                        HttpResponse ok = new HttpResponse("HTTP/1.1", 200, "OK",
                                List.of(new HttpHeader("Api-Version", "1.39"), new HttpHeader("Docker-Experimental",
                                        "false"), new HttpHeader("Ostype", "linux"),
                                        new HttpHeader("Server", "Docker/18.09.4 (linux)")), "OK");
                        c.send(ok, ok.wireBytes());
                        c.send(new Endpoint(ctx.os().unixSocket("/var/run/docker.sock")), 0);
                    }
                }

                @Override
                public void onClose(Connection c, CloseReason reason) {}
            })));
        } catch (OsException inUse) {
            ctx.eprintln("failed to load listeners: listen tcp 0.0.0.0:" + port + ": bind: address already in use");
            ctx.exit(1);
        }
    }
}
