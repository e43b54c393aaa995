package clusterlab.kernel.programs.servers;

import clusterlab.kernel.Time;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.programs.http.Http;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpRequest;
import clusterlab.kernel.programs.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flask 1.0's {@code app.run()}: the startup banner, then Werkzeug 0.15's development server
 * (HTTP/1.0, one request per connection) with its request log on stderr. Ctrl-C (SIGINT) stops it
 * with status 0; SIGTERM keeps its default action, so as a container's pid 1 it is ignored.
 */
final class FlaskServer {
    static final String SERVER_HEADER = "Werkzeug/0.15.4 Python/" + Python.VERSION;
    private static final long CPU_PER_REQUEST_NANOS = 600 * Time.MICROSECOND;
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter ERROR_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);

    private final ProcessContext ctx;
    private final PyInterpreter interpreter;
    private final PyInterpreter.Run run;
    private final String file;
    private final String source;

    FlaskServer(ProcessContext ctx, PyInterpreter interpreter, PyInterpreter.Run run, String file, String source) {
        this.ctx = ctx;
        this.interpreter = interpreter;
        this.run = run;
        this.file = file;
        this.source = source;
    }

    void start() {
        ctx.allocate(14L << 20);
        String base = file.contains("/") ? file.substring(file.lastIndexOf('/') + 1) : file;
        String appName = base.endsWith(".py") ? base.substring(0, base.length() - 3) : base;
        ctx.print(" * Serving Flask app \"" + appName + "\" (lazy loading)\n"
                + " * Environment: production\n"
                + "   WARNING: Do not use the development server in a production environment.\n"
                + "   Use a production WSGI server instead.\n"
                + " * Debug mode: off\n");
        boolean loopbackOnly = run.host().equals("127.0.0.1") || run.host().equals("localhost");
        try {
            ctx.net().listen(run.port(), c -> accepted(c, loopbackOnly));
        } catch (OsException inUse) {
            ctx.eprint("Traceback (most recent call last):\n  File \"" + file + "\", line " + runLine() + ", in <module>\n"
                    + "    " + sourceLine(runLine()) + "\n"
                    + "OSError: [Errno 98] Address already in use\n");
            ctx.exit(1);
            return;
        }
        ctx.eprint(" * Running on http://" + run.host() + ":" + run.port() + "/ (Press CTRL+C to quit)\n");
        ctx.onSignal(Signal.SIGINT, s -> ctx.exit(0));
    }

    private int runLine() {
        String[] lines = source.split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].contains(".run(")) {
                return i + 1;
            }
        }
        return 1;
    }

    private String sourceLine(int n) {
        String[] lines = source.split("\n", -1);
        return n >= 1 && n <= lines.length ? lines[n - 1].strip() : "";
    }

    private void accepted(Connection c, boolean loopbackOnly) {
        if (loopbackOnly && !c.localAddress().isLoopback()) {
            // bound to 127.0.0.1: nothing listens on the address this connection came to
            c.close();
            return;
        }
        c.setHandler(ctx.net().handler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection conn, Object message) {
                ctx.compute(CPU_PER_REQUEST_NANOS, () -> serve(conn, message));
            }

            @Override
            public void onClose(Connection conn, CloseReason reason) {
                // one request per connection; nothing to clean up
            }
        }));
    }

    private void serve(Connection c, Object message) {
        if (!(message instanceof HttpRequest request)) {
            c.close();
            return;
        }
        HttpResponse response = respond(request);
        HttpResponse sent = request.method().equals("HEAD")
                ? new HttpResponse(response.version(), response.status(), response.reason(), response.headers(), "")
                : response;
        c.send(sent, sent.wireBytes());
        ctx.eprint(c.remoteAddress() + " - - [" + LOG_TIME.format(Time.wallClockUtc(ctx.now())) + "] \""
                + request.requestLine() + "\" " + response.status() + " -\n");
        c.close();
    }

    private HttpResponse respond(HttpRequest request) {
        FlaskApp.Route route = run.app().route(request.path());
        if (route == null) {
            return error(404, "Not Found", "The requested URL was not found on the server. If you entered the URL "
                    + "manually please check your spelling and try again.", List.of());
        }
        List<String> allowed = new ArrayList<>(route.methods());
        if (allowed.contains("GET") && !allowed.contains("HEAD")) {
            allowed.add("HEAD");
        }
        if (!allowed.contains("OPTIONS")) {
            allowed.add("OPTIONS");
        }
        allowed.sort(null);
        String allow = String.join(", ", allowed);
        if (!allowed.contains(request.method())) {
            return error(405, "Method Not Allowed", "The method is not allowed for the requested URL.",
                    List.of(new HttpHeader("Allow", allow)));
        }
        if (request.method().equals("OPTIONS")) {
            return response(200, "OK", "text/html; charset=utf-8", "", List.of(new HttpHeader("Allow", allow)));
        }
        Object value;
        try {
            value = interpreter.callView(route.view());
        } catch (PyValues.PyException e) {
            logException(request, Python.traceback(file, source, interpreter.traceback, e));
            return internalError();
        }
        if (!(value instanceof String body)) {
            String why = value == PyValues.NONE
                    ? "The view function did not return a valid response. The function either returned None or ended "
                    + "without a return statement."
                    : "The view function did not return a valid response. The return type must be a string, tuple, "
                    + "Response instance, or WSGI callable, but it was a " + PyValues.typeName(value) + ".";
            logException(request, "Traceback (most recent call last):\nTypeError: " + why + "\n");
            return internalError();
        }
        return response(200, "OK", "text/html; charset=utf-8", body, List.of());
    }

    private void logException(HttpRequest request, String traceback) {
        ctx.eprint("[" + ERROR_TIME.format(Time.wallClockUtc(ctx.now())) + "] ERROR in app: Exception on "
                + request.path() + " [" + request.method() + "]\n" + traceback);
    }

    private HttpResponse internalError() {
        return error(500, "Internal Server Error", "The server encountered an internal error and was unable to "
                + "complete your request. Either the server is overloaded or there is an error in the application.",
                List.of());
    }

    /** Werkzeug's HTTPException page. */
    private HttpResponse error(int code, String name, String description, List<HttpHeader> extra) {
        String body = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<title>" + code + " " + name
                + "</title>\n<h1>" + name + "</h1>\n<p>" + description + "</p>\n";
        return response(code, name, "text/html", body, extra);
    }

    private HttpResponse response(int code, String reason, String type, String body, List<HttpHeader> extra) {
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("Content-Type", type));
        headers.add(new HttpHeader("Content-Length", String.valueOf(Http.utf8Length(body))));
        headers.addAll(extra);
        headers.add(new HttpHeader("Server", SERVER_HEADER));
        headers.add(new HttpHeader("Date", Http.date(ctx.now())));
        return new HttpResponse("HTTP/1.0", code, reason, headers, body);
    }
}
