package clusterlab.kernel.programs.servers;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Listener;
import clusterlab.kernel.os.Credentials;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.programs.http.Http;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpHeaders;
import clusterlab.kernel.programs.http.HttpRequest;
import clusterlab.kernel.programs.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An nginx worker process: listens on the configured ports, serves static files from the root
 * with index files, writes the access log (the image's {@code main} format) to stdout and the
 * error log to stderr, and keeps idle connections open for {@code keepalive_timeout} (65 s).
 */
final class NginxWorker {
    static final long KEEPALIVE_NANOS = 65 * Time.SECOND;
    /** CPU for parsing a request and building a response, plus copying the body. */
    static final long CPU_PER_REQUEST_NANOS = 40 * Time.MICROSECOND;
    static final long CPU_PER_KIB_NANOS = 500;
    private static final DateTimeFormatter ACCESS_LOG_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final String PADDING_LINE = "<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n";

    private final ProcessContext ctx;
    private NginxConfig config;
    private String version;
    private final List<Listener> listeners = new ArrayList<>();
    private final Map<Connection, EventHandle> idle = new LinkedHashMap<>();
    private int busy;
    private long connectionCounter;
    private boolean quitting;

    NginxWorker(ProcessContext ctx) {
        this.ctx = ctx;
    }

    /** The worker runs as the {@code nginx} user when the image has one, as {@code user nginx;} says. */
    static Credentials workerCredentials(Filesystem fs) {
        try {
            for (String line : fs.readString("/etc/passwd").split("\n", 1000)) {
                String[] f = line.split(":", 7);
                if (f.length >= 4 && f[0].equals("nginx") && f[2].matches("\\d{1,9}") && f[3].matches("\\d{1,9}")) {
                    return new Credentials(Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                }
            }
        } catch (FsException noPasswd) {
            // no /etc/passwd: stay root
        }
        return Credentials.ROOT;
    }

    void start() {
        ctx.allocate(2L << 20);
        ctx.setVirtualMemory(32L << 20);
        version = Nginx.version(ctx);
        try {
            String fallback = NginxFiles.NGINX_CONF;
            if (!ctx.fs().exists(NginxFiles.DEFAULT_CONF_PATH)) {
                fallback = fallback.replace("include /etc/nginx/conf.d/*.conf;", NginxFiles.DEFAULT_CONF);
            }
            config = NginxConfig.load(ctx.fs(), NginxFiles.NGINX_CONF_PATH, "", fallback, 1);
        } catch (NginxConfig.ConfigException e) {
            ctx.exit(2);
            return;
        }
        ctx.onSignal(Signal.SIGTERM, s -> ctx.exit(0));
        ctx.onSignal(Signal.SIGINT, s -> ctx.exit(0));
        ctx.onSignal(Signal.SIGQUIT, s -> quit());
        ctx.ignore(Signal.SIGHUP);
        ctx.ignore(Signal.SIGPIPE);
        for (int port : config.ports()) {
            try {
                listeners.add(ctx.net().listen(port, c -> accepted(c, port)));
            } catch (OsException busyPort) {
                ctx.eprintln(Nginx.errorLogTime(ctx.now()) + " [emerg] " + ctx.pid() + "#" + ctx.pid()
                        + ": bind() to 0.0.0.0:" + port + " failed (98: Address already in use)");
                ctx.exit(2);
                return;
            }
        }
    }

    /** Graceful: stop accepting, close idle keep-alive connections, finish what is in progress. */
    private void quit() {
        quitting = true;
        for (Listener l : listeners) {
            l.close();
        }
        for (Map.Entry<Connection, EventHandle> e : new ArrayList<>(idle.entrySet())) {
            e.getValue().cancel();
            e.getKey().close();
        }
        idle.clear();
        if (busy == 0) {
            ctx.exit(0);
        }
    }

    private void accepted(Connection c, int port) {
        long number = ++connectionCounter;
        c.setHandler(ctx.net().handler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection conn, Object message) {
                EventHandle timer = idle.remove(conn);
                if (timer != null) {
                    timer.cancel();
                }
                busy++;
                int size = message instanceof HttpRequest r ? r.wireBytes() : 0;
                ctx.compute(CPU_PER_REQUEST_NANOS + CPU_PER_KIB_NANOS * (size / 1024), () -> {
                    busy--;
                    serve(conn, port, number, message);
                    if (quitting && busy == 0) {
                        ctx.exit(0);
                    }
                });
            }

            @Override
            public void onClose(Connection conn, CloseReason reason) {
                EventHandle timer = idle.remove(conn);
                if (timer != null) {
                    timer.cancel();
                }
            }
        }));
        keepIdle(c);
    }

    private void keepIdle(Connection c) {
        if (quitting) {
            c.close();
            return;
        }
        idle.put(c, ctx.schedule(KEEPALIVE_NANOS, () -> {
            idle.remove(c);
            c.close();
        }));
    }

    private void serve(Connection c, int port, long number, Object message) {
        if (!(message instanceof HttpRequest request)) {
            HttpResponse bad = errorResponse(400, "", false, List.of());
            c.send(bad, bad.wireBytes());
            c.close();
            return;
        }
        NginxConfig.Server server = config.serverFor(port);
        HttpResponse response = respond(request, server, number, c);
        boolean head = request.method().equals("HEAD");
        HttpResponse sent = head ? new HttpResponse(response.version(), response.status(), response.reason(),
                response.headers(), "") : response;
        c.send(sent, sent.wireBytes());
        accessLog(c, request, sent);
        if (response.closesConnection()) {
            c.close();
        } else {
            keepIdle(c);
        }
    }

    private HttpResponse respond(HttpRequest request, NginxConfig.Server server, long number, Connection c) {
        boolean close = HttpHeaders.connectionHas(request.headers(), "close") || request.version().equals("HTTP/1.0");
        String ua = request.header("User-Agent");
        boolean pad = ua != null && (ua.contains("MSIE ") || ua.contains("Chrome/"));
        String uri = normalize(Http.percentDecode(request.path()));
        if (uri == null || server == null) {
            return errorResponse(400, "", true, List.of());
        }
        NginxConfig.Location location = server.locationFor(uri);
        String root = location != null ? location.root() : server.root();
        List<String> index = location != null ? location.index() : server.index();
        if (!root.startsWith("/")) {
            root = "/etc/nginx/" + root;
        }
        if (location != null && location.returnCode() > 0) {
            int code = location.returnCode();
            if (code >= 300 && code < 400) {
                return errorResponse(code, "", close, List.of(new HttpHeader("Location", location.returnText())), pad);
            }
            return text(code, location.returnText(), close);
        }
        boolean getOrHead = request.method().equals("GET") || request.method().equals("HEAD");
        if (!getOrHead && !request.method().equals("POST")) {
            return errorResponse(405, "", close, List.of(), pad);
        }
        Filesystem fs = ctx.fs();
        String file;
        if (uri.endsWith("/")) {
            file = null;
            for (String name : index) {
                String candidate = root + uri + name;
                if (isFile(fs, candidate)) {
                    file = candidate;
                    break;
                }
            }
            if (file == null) {
                String dir = root + uri;
                FileStat st = statOrNull(fs, dir);
                if (st != null && st.isDirectory()) {
                    errorLog(number, "directory index of \"" + dir + "\" is forbidden", c, request, server);
                    return errorResponse(403, "", close, List.of(), pad);
                }
                errorLog(number, "\"" + root + uri + index.get(0) + "\" is not found (2: No such file or directory)",
                        c, request, server);
                return errorResponse(404, "", close, List.of(), pad);
            }
        } else {
            file = root + uri;
        }
        FileStat st;
        try {
            st = fs.stat(file);
        } catch (FsException e) {
            Errno errno = e.errno() == Errno.ENOTDIR ? Errno.ENOTDIR : Errno.ENOENT;
            errorLog(number, "open() \"" + file + "\" failed (" + errno.number() + ": " + errno.text() + ")",
                    c, request, server);
            return errorResponse(404, "", close, List.of(), pad);
        }
        if (st.isDirectory()) {
            String host = request.header("Host");
            String hostName = host == null ? server.serverName() : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
            String location2 = "http://" + hostName + (port(server) == 80 ? "" : ":" + port(server)) + uri + "/";
            return errorResponse(301, "", close, List.of(new HttpHeader("Location", location2)), pad);
        }
        if (!getOrHead) {
            return errorResponse(405, "", close, List.of(), pad);
        }
        String body;
        try {
            body = fs.readString(file);
        } catch (FsException e) {
            errorLog(number, "open() \"" + file + "\" failed (13: Permission denied)", c, request, server);
            return errorResponse(403, "", close, List.of(), pad);
        }
        long mtimeSeconds = Time.EPOCH_UNIX_SECONDS + st.mtimeNanos() / Time.SECOND;
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("Server", "nginx/" + version));
        headers.add(new HttpHeader("Date", Http.date(ctx.now())));
        headers.add(new HttpHeader("Content-Type", MimeTypes.of(config.mimeTypes, file, config.defaultType)));
        headers.add(new HttpHeader("Content-Length", String.valueOf(st.sizeBytes())));
        headers.add(new HttpHeader("Last-Modified", Http.date(st.mtimeNanos())));
        headers.add(new HttpHeader("Connection", close ? "close" : "keep-alive"));
        headers.add(new HttpHeader("ETag", "\"" + Long.toHexString(mtimeSeconds) + "-" + Long.toHexString(st.sizeBytes()) + "\""));
        headers.add(new HttpHeader("Accept-Ranges", "bytes"));
        return new HttpResponse("HTTP/1.1", 200, "OK", headers, body);
    }

    private static int port(NginxConfig.Server server) {
        return server.port();
    }

    private HttpResponse text(int code, String body, boolean close) {
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("Server", "nginx/" + version));
        headers.add(new HttpHeader("Date", Http.date(ctx.now())));
        headers.add(new HttpHeader("Content-Type", config.defaultType));
        headers.add(new HttpHeader("Content-Length", String.valueOf(Http.utf8Length(body))));
        headers.add(new HttpHeader("Connection", close ? "close" : "keep-alive"));
        return new HttpResponse("HTTP/1.1", code, reason(code), headers, body);
    }

    private HttpResponse errorResponse(int code, String unused, boolean close, List<HttpHeader> extra) {
        return errorResponse(code, unused, close, extra, false);
    }

    /** nginx's built-in error page (ngx_http_special_response.c), padded for MSIE and Chrome. */
    private HttpResponse errorResponse(int code, String unused, boolean close, List<HttpHeader> extra, boolean pad) {
        String title = code + " " + reason(code);
        StringBuilder body = new StringBuilder()
                .append("<html>\r\n<head><title>").append(title).append("</title></head>\r\n")
                .append("<body bgcolor=\"white\">\r\n<center><h1>").append(title).append("</h1></center>\r\n")
                .append("<hr><center>nginx/").append(version).append("</center>\r\n</body>\r\n</html>\r\n");
        if (pad && code >= 400) {
            body.append(PADDING_LINE.repeat(6));
        }
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("Server", "nginx/" + version));
        headers.add(new HttpHeader("Date", Http.date(ctx.now())));
        headers.add(new HttpHeader("Content-Type", "text/html"));
        headers.add(new HttpHeader("Content-Length", String.valueOf(body.length())));
        headers.addAll(extra);
        headers.add(new HttpHeader("Connection", close || code == 400 ? "close" : "keep-alive"));
        return new HttpResponse("HTTP/1.1", code, reason(code), headers, body.toString());
    }

    /** nginx's own status texts (it says "Not Allowed" where RFC 7231 says "Method Not Allowed"). */
    static String reason(int code) {
        return switch (code) {
            case 405 -> "Not Allowed";
            case 302 -> "Moved Temporarily";
            default -> Http.reason(code);
        };
    }

    private static boolean isFile(Filesystem fs, String path) {
        FileStat st = statOrNull(fs, path);
        return st != null && !st.isDirectory();
    }

    private static FileStat statOrNull(Filesystem fs, String path) {
        try {
            return fs.stat(path);
        } catch (FsException e) {
            return null;
        }
    }

    /** Resolves dot segments; null when the path climbs above the root or is not absolute. */
    static String normalize(String uri) {
        if (!uri.startsWith("/")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        String[] segs = uri.split("/", 4096);
        for (int i = 1; i < segs.length; i++) {
            String s = segs[i];
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!s.equals(".") && !(s.isEmpty() && i < segs.length - 1)) {
                parts.add(s);
            }
        }
        String joined = "/" + String.join("/", parts);
        return uri.endsWith("/") && !joined.endsWith("/") ? joined + "/" : joined;
    }

    /** The image's log_format main, with $http_x_forwarded_for last. */
    private void accessLog(Connection c, HttpRequest request, HttpResponse sent) {
        String referer = request.header("Referer");
        String ua = request.header("User-Agent");
        String xff = request.header("X-Forwarded-For");
        ctx.print(c.remoteAddress() + " - - [" + ACCESS_LOG_TIME.format(Time.wallClockUtc(ctx.now())) + "] \""
                + request.requestLine() + "\" " + sent.status() + " " + Http.utf8Length(sent.body()) + " \""
                + (referer == null ? "-" : referer) + "\" \"" + (ua == null ? "-" : ua) + "\" \""
                + (xff == null ? "-" : xff) + "\"\n");
    }

    private void errorLog(long number, String text, Connection c, HttpRequest request, NginxConfig.Server server) {
        String host = request.header("Host");
        String referer = request.header("Referer");
        ctx.eprint(Nginx.errorLogTime(ctx.now()) + " [error] " + ctx.pid() + "#" + ctx.pid() + ": *" + number + " "
                + text + ", client: " + c.remoteAddress() + ", server: " + server.serverName() + ", request: \""
                + request.requestLine() + "\"" + (host == null ? "" : ", host: \"" + host + "\"")
                + (referer == null ? "" : ", referrer: \"" + referer + "\"") + "\n");
    }
}
