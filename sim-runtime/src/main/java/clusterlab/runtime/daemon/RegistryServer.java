package clusterlab.runtime.daemon;

import clusterlab.kernel.Time;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Sized;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpRequest;
import clusterlab.kernel.programs.http.HttpResponse;
import clusterlab.runtime.registry.Registry;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code registry serve /etc/docker/registry/config.yml}: the Docker registry of the
 * {@code registry:2} image, listening on port 5000. It answers the API's version check over the
 * simulated network, and hands the daemon that checked it the registry's content to pull from
 * and push to (the blobs themselves are timed by the transfer model, not sent as packets).
 */
public final class RegistryServer implements Program {
    public static final int PORT = 5000;
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'");
    private static final String SUFFIX = " go.version=go1.11.2 instance.id=%s service=registry version=v2.7.1 ";

    /** What a daemon gets after {@code GET /v2/}: the registry it reached. */
    public record Endpoint(Registry registry) implements Sized {
        @Override
        public int sizeBytes() {
            return 0;
        }
    }

    private final Registry registry = new Registry("localhost:5000", false);

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(8L << 20);
        ctx.setVirtualMemory(120L << 20);
        ctx.onSignal(Signal.SIGTERM, s -> ctx.exit(0));
        ctx.onSignal(Signal.SIGINT, s -> ctx.exit(0));
        String instance = ctx.random().hex(8) + "-" + ctx.random().hex(4) + "-" + ctx.random().hex(4) + "-"
                + ctx.random().hex(4) + "-" + ctx.random().hex(12);
        log(ctx, "warning", "No HTTP secret provided - generated random secret. This may cause problems with uploads if "
                + "multiple registries are behind a load-balancer. To provide a shared secret, fill in http.secret in "
                + "the configuration file or set the REGISTRY_HTTP_SECRET environment variable.", instance);
        log(ctx, "info", "redis not configured", instance);
        log(ctx, "info", "Starting upload purge in 20m0s", instance);
        log(ctx, "info", "using inmemory blob descriptor cache", instance);
        ctx.net().listen(PORT, conn -> conn.setHandler(ctx.net().handler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection c, Object message) {
                if (message instanceof HttpRequest req) {
                    answer(ctx, c, req, instance);
                }
            }

            @Override
            public void onClose(Connection c, CloseReason reason) {}
        })));
        log(ctx, "info", "listening on [::]:" + PORT, instance);
    }

    private void answer(ProcessContext ctx, Connection c, HttpRequest req, String instance) {
        boolean versionCheck = req.target().equals("/v2/") || req.target().equals("/v2");
        HttpResponse resp = new HttpResponse("HTTP/1.1", versionCheck ? 200 : 404, versionCheck ? "OK" : "Not Found",
                List.of(new HttpHeader("Content-Type", "application/json; charset=utf-8"),
                        new HttpHeader("Docker-Distribution-Api-Version", "registry/2.0")),
                versionCheck ? "{}" : "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"not found\"}]}");
        c.send(resp, resp.wireBytes());
        if (versionCheck) {
            c.send(new Endpoint(registry), 0);
        }
        ctx.println(c.remoteAddress() + " - - [" + clusterlab.kernel.Time.wallClockUtc(ctx.now()).format(
                DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", java.util.Locale.ENGLISH)) + "] \""
                + req.method() + " " + req.target() + " HTTP/1.1\" " + resp.status() + " " + resp.body().length()
                + " \"\" \"docker/18.09.4 go/go1.10.8\"");
    }

    private static void log(ProcessContext ctx, String level, String msg, String instance) {
        ctx.eprintln("time=\"" + LOG_TIME.format(Time.wallClockUtc(ctx.now())) + "\" level=" + level + " msg=\""
                + msg + "\"" + String.format(SUFFIX, instance));
    }
}
