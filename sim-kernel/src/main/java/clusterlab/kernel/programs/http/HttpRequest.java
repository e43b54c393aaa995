package clusterlab.kernel.programs.http;

import java.util.List;

/**
 * An HTTP/1.x request as it travels over a simulated connection: an immutable message whose
 * {@link #wireBytes()} is what the real bytes would weigh (request line, headers, blank line, body).
 *
 * @param target the request-target as sent ({@code /index.html?x=1})
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 */
public record HttpRequest(String method, String target, String version, List<HttpHeader> headers, String body) implements clusterlab.kernel.net.Sized {
    public HttpRequest {
        if (method == null || method.isEmpty() || target == null || version == null) {
            throw new IllegalArgumentException("incomplete request line");
        }
        headers = List.copyOf(headers);
        body = body == null ? "" : body;
    }

    /** {@code GET / HTTP/1.1}: what access logs quote as the request. */
    public String requestLine() {
        return method + " " + target + " " + version;
    }

    public String header(String name) {
        return HttpHeaders.first(headers, name);
    }

    /** The path part of the target, without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Relays forward the message at its real size. */
    @Override
    public int sizeBytes() {
        return wireBytes();
    }

    public int wireBytes() {
        return Http.utf8Length(requestLine()) + 2 + HttpHeaders.wireBytes(headers) + 2 + Http.utf8Length(body);
    }

    /** The head as sent: request line and headers, CRLF-terminated, with the blank line. */
    public String head() {
        StringBuilder b = new StringBuilder(requestLine()).append("\r\n");
        for (HttpHeader h : headers) {
            b.append(h.line()).append("\r\n");
        }
        return b.append("\r\n").toString();
    }
}
