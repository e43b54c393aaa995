package clusterlab.kernel.programs.http;

import java.util.List;

/**
 * An HTTP/1.x response as an immutable message; {@link #wireBytes()} counts the status line, the
 * headers, the blank line and the body as the real bytes would.
 *
 * @param body the entity body (empty for HEAD, whatever Content-Length says)
 */
public record HttpResponse(String version, int status, String reason, List<HttpHeader> headers, String body) implements clusterlab.kernel.net.Sized {
    public HttpResponse {
        if (version == null || reason == null || status < 100 || status > 999) {
            throw new IllegalArgumentException("bad status line");
        }
        headers = List.copyOf(headers);
        body = body == null ? "" : body;
    }

    public String statusLine() {
        return version + " " + status + " " + reason;
    }

    public String header(String name) {
        return HttpHeaders.first(headers, name);
    }

    /** Relays forward the message at its real size. */
    @Override
    public int sizeBytes() {
        return wireBytes();
    }

    public int wireBytes() {
        return Http.utf8Length(statusLine()) + 2 + HttpHeaders.wireBytes(headers) + 2 + Http.utf8Length(body);
    }

    /** Status line and headers, CRLF-terminated, with the blank line (what {@code curl -i} shows). */
    public String head() {
        StringBuilder b = new StringBuilder(statusLine()).append("\r\n");
        for (HttpHeader h : headers) {
            b.append(h.line()).append("\r\n");
        }
        return b.append("\r\n").toString();
    }

    /** True when the server will close after this response (HTTP/1.0 or {@code Connection: close}). */
    public boolean closesConnection() {
        if (HttpHeaders.connectionHas(headers, "close")) {
            return true;
        }
        return version.equals("HTTP/1.0") && !HttpHeaders.connectionHas(headers, "keep-alive");
    }
}
