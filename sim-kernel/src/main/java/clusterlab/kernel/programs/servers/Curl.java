package clusterlab.kernel.programs.servers;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.ConnectCallback;
import clusterlab.kernel.net.ConnectFailure;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.programs.http.HttpHeader;
import clusterlab.kernel.programs.http.HttpRequest;
import clusterlab.kernel.programs.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code curl [options] URL}: curl 7.64.0 (the version the course's nginx logs show) fetching one
 * URL over HTTP/1.1, with its verbose lines, its error texts and exit codes.
 *
 * <p>Options: {@code -s -S -i -v -I -f -X -d -H -o -A -m --connect-timeout --version}.
 */
public final class Curl implements Program {
    /** curl's default connect timeout (CURLOPT_CONNECTTIMEOUT unset). */
    static final long DEFAULT_CONNECT_TIMEOUT_NANOS = 300 * Time.SECOND;
    /**
     * Linux gives up a connect after tcp_syn_retries = 6 resends: 1+2+4+8+16+32+64 s. Past that
     * the kernel's ETIMEDOUT wins over curl's own, longer, timeout.
     */
    static final long KERNEL_SYN_TIMEOUT_NANOS = 127 * Time.SECOND;
    private static final String TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

    private ProcessContext ctx;
    private CurlOptions opts;
    private CurlUrl url;
    private long startNanos;
    private EventHandle maxTimer;
    private boolean connected;
    private boolean done;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        ctx.allocate(3L << 20);
        ctx.setVirtualMemory(12L << 20);
        opts = CurlOptions.parse(ctx.args());
        if (opts.error != null) {
            ctx.eprint(opts.error + "\n" + TRY_HELP);
            ctx.exit(2);
            return;
        }
        if (opts.version) {
            ctx.print("curl 7.64.0 (x86_64-alpine-linux-musl) libcurl/7.64.0 OpenSSL/1.1.1b zlib/1.2.11 nghttp2/1.35.1\n"
                    + "Release-Date: 2019-02-06\n"
                    + "Protocols: dict file ftp ftps gopher http https imap imaps pop3 pop3s rtsp smb smbs smtp smtps telnet tftp \n"
                    + "Features: AsynchDNS IPv6 Largefile NTLM NTLM_WB SSL libz TLS-SRP HTTP2 UnixSockets HTTPS-proxy \n");
            ctx.exit(0);
            return;
        }
        if (opts.urls.isEmpty()) {
            ctx.eprint("curl: no URL specified!\n" + TRY_HELP);
            ctx.exit(2);
            return;
        }
        url = CurlUrl.parse(opts.urls.get(0));
        if (url == null) {
            fail(3, "URL using bad/illegal format or missing URL", false);
            return;
        }
        if (!url.scheme().equals("http") && !url.scheme().equals("https")) {
            fail(1, "Protocol \"" + url.scheme() + "\" not supported or disabled in libcurl", false);
            return;
        }
        startNanos = ctx.now();
        Ipv4 ip = ctx.net().resolve(url.host());
        if (ip == null) {
            fail(6, "Could not resolve host: " + url.host(), true);
            return;
        }
        verbose("*   Trying " + ip + "...");
        verbose("* TCP_NODELAY set");
        long curlTimeout = opts.connectTimeoutNanos > 0 ? opts.connectTimeoutNanos : DEFAULT_CONNECT_TIMEOUT_NANOS;
        if (opts.maxTimeNanos > 0) {
            curlTimeout = Math.min(curlTimeout, opts.maxTimeNanos);
            maxTimer = ctx.schedule(opts.maxTimeNanos, this::maxTimeReached);
        }
        boolean curlTimesOutFirst = curlTimeout < KERNEL_SYN_TIMEOUT_NANOS;
        ctx.net().connect(ip, url.port(), Math.min(curlTimeout, KERNEL_SYN_TIMEOUT_NANOS), new ConnectCallback() {
            @Override
            public void connected(Connection connection) {
                onConnected(connection, ip);
            }

            @Override
            public void failed(ConnectFailure failure) {
                onConnectFailed(failure, ip, curlTimesOutFirst);
            }
        });
    }

    private void onConnectFailed(ConnectFailure failure, Ipv4 ip, boolean curlTimedOut) {
        if (done) {
            return;
        }
        if (failure == ConnectFailure.TIMED_OUT && curlTimedOut) {
            fail(28, "Connection timed out after " + elapsedMillis() + " milliseconds", true);
            return;
        }
        String why = switch (failure) {
            case REFUSED -> "Connection refused";
            case TIMED_OUT -> "Connection timed out";
            case UNREACHABLE -> "No route to host";
        };
        verbose("* connect to " + ip + " port " + url.port() + " failed: " + why);
        verbose("* Failed to connect to " + url.host() + " port " + url.port() + ": " + why);
        fail(7, "Failed to connect to " + url.host() + " port " + url.port() + ": " + why, true);
    }

    private void onConnected(Connection connection, Ipv4 ip) {
        if (done) {
            connection.close();
            return;
        }
        connected = true;
        verbose("* Connected to " + url.host() + " (" + ip + ") port " + url.port() + " (#0)");
        if (url.scheme().equals("https")) {
            // No simulated server speaks TLS: a plain HTTP answer to a ClientHello is what it gets.
            fail(35, "error:1408F10B:SSL routines:ssl3_get_record:wrong version number", true);
            return;
        }
        HttpRequest request = buildRequest();
        for (String line : headLines(request.head())) {
            verbose("> " + line);
        }
        if (!request.body().isEmpty()) {
            int n = request.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            verbose("* upload completely sent off: " + n + " out of " + n + " bytes");
        }
        connection.setHandler(ctx.net().handler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection c, Object message) {
                if (message instanceof HttpResponse response) {
                    onResponse(c, response);
                } else {
                    fail(8, "Weird server reply", true);
                }
            }

            @Override
            public void onClose(Connection c, CloseReason reason) {
                switch (reason) {
                    case PEER_CLOSED -> fail(52, "Empty reply from server", true);
                    case RESET -> fail(56, "Recv failure: Connection reset by peer", true);
                    case TIMEOUT -> fail(56, "Recv failure: Connection timed out", true);
                }
            }
        }));
        connection.send(request, request.wireBytes());
    }

    /** The lines of a message head as verbose output shows them: each header, then one empty line. */
    private static String[] headLines(String head) {
        return head.substring(0, head.length() - 2).split("\r\n", -1);
    }

    private HttpRequest buildRequest() {
        String method = opts.method != null ? opts.method : opts.head ? "HEAD" : opts.data != null ? "POST" : "GET";
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("Host", url.hostHeader()));
        if (!opts.userAgent.isEmpty()) {
            headers.add(new HttpHeader("User-Agent", opts.userAgent));
        }
        headers.add(new HttpHeader("Accept", "*/*"));
        for (String h : opts.headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).strip();
            String value = h.substring(colon + 1).strip();
            int existing = indexOf(headers, name);
            if (value.isEmpty()) {
                if (existing >= 0) {
                    headers.remove(existing); // "-H 'Accept:'" removes a header curl would send
                }
            } else if (existing >= 0) {
                headers.set(existing, new HttpHeader(headers.get(existing).name().equals("Host") ? "Host" : name, value));
            } else {
                headers.add(new HttpHeader(name, value));
            }
        }
        String body = opts.data == null ? "" : readData(opts.data);
        if (opts.data != null) {
            headers.add(new HttpHeader("Content-Length",
                    String.valueOf(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)));
            if (indexOf(headers, "Content-Type") < 0) {
                headers.add(new HttpHeader("Content-Type", "application/x-www-form-urlencoded"));
            }
        }
        return new HttpRequest(method, url.path(), "HTTP/1.1", headers, body);
    }

    private String readData(String data) {
        if (!data.startsWith("@")) {
            return data;
        }
        String file = data.substring(1);
        try {
            // curl -d @file strips carriage returns and newlines
            return ctx.fs().readString(ctx.resolve(file)).replace("\r", "").replace("\n", "");
        } catch (FsException e) {
            ctx.eprint("Warning: Couldn't read data from file \"" + file + "\", this makes an empty \nWarning: POST.\n");
            return "";
        }
    }

    private static int indexOf(List<HttpHeader> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private void onResponse(Connection connection, HttpResponse response) {
        if (done) {
            return;
        }
        if (response.version().equals("HTTP/1.0")) {
            verbose("* HTTP 1.0, assume close after body");
        }
        for (String line : headLines(response.head())) {
            verbose("< " + line);
        }
        if (opts.fail && response.status() >= 400) {
            fail(22, "The requested URL returned error: " + response.status() + " " + response.reason(), true);
            return;
        }
        boolean headOnly = opts.head || "HEAD".equals(opts.method);
        String body = headOnly ? "" : response.body();
        String shown = (opts.include || opts.head ? response.head() : "") + body;
        if (showProgress()) {
            ctx.eprint(CurlProgress.HEADER);
        }
        if (opts.output != null) {
            String path = ctx.resolve(opts.output);
            try {
                ctx.fs().writeString(path, shown);
            } catch (FsException e) {
                if (showProgress()) {
                    ctx.eprint(CurlProgress.finalLine(-1, 0, ctx.now() - startNanos));
                }
                if (!opts.silent) {
                    ctx.eprint("Warning: Failed to create the file " + opts.output + ": " + e.errno().text() + "\n");
                }
                fail(23, "Failed writing body (0 != " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + ")", true);
                return;
            }
        } else {
            ctx.print(shown);
        }
        if (showProgress()) {
            long size = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            ctx.eprint(CurlProgress.finalLine(size, size, ctx.now() - startNanos));
        }
        verbose(response.closesConnection() ? "* Closing connection 0"
                : "* Connection #0 to host " + url.host() + " left intact");
        finish(0);
    }

    private boolean showProgress() {
        return !opts.silent && !opts.verbose && (opts.output != null || !ctx.isTty());
    }

    private void maxTimeReached() {
        if (done) {
            return;
        }
        if (!connected) {
            fail(28, "Connection timed out after " + elapsedMillis() + " milliseconds", true);
        } else {
            fail(28, "Operation timed out after " + elapsedMillis() + " milliseconds with 0 bytes received", true);
        }
    }

    private long elapsedMillis() {
        return (ctx.now() - startNanos) / Time.MILLISECOND;
    }

    private void verbose(String line) {
        if (opts.verbose) {
            ctx.eprint(line + "\n");
        }
    }

    /** curl's failf: the message on stderr (unless -s without -S) and its CURLcode as exit status. */
    private void fail(int code, String message, boolean closing) {
        if (done) {
            return;
        }
        if (closing) {
            if (code == 6 || code == 28 || code >= 52) {
                verbose("* " + message);
            }
            verbose("* Closing connection 0");
        }
        if (!opts.silent || opts.showError) {
            ctx.eprint("curl: (" + code + ") " + message + "\n");
        }
        finish(code);
    }

    private void finish(int status) {
        done = true;
        if (maxTimer != null) {
            maxTimer.cancel();
        }
        ctx.exit(status);
    }
}
