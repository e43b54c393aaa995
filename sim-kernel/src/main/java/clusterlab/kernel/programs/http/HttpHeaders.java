package clusterlab.kernel.programs.http;

import java.util.List;
import java.util.Locale;

/** Lookups on an ordered header list (field names are case-insensitive, RFC 7230 3.2). */
public final class HttpHeaders {
    private HttpHeaders() {}

    /** The first value of {@code name}, or null. */
    public static String first(List<HttpHeader> headers, String name) {
        for (HttpHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** Bytes of the header block: each {@code Name: value\r\n}. */
    public static int wireBytes(List<HttpHeader> headers) {
        int n = 0;
        for (HttpHeader h : headers) {
            n += Http.utf8Length(h.line()) + 2;
        }
        return n;
    }

    /** True if a {@code Connection} header lists {@code token} (e.g. close, keep-alive). */
    public static boolean connectionHas(List<HttpHeader> headers, String token) {
        for (HttpHeader h : headers) {
            if (h.name().equalsIgnoreCase("Connection")) {
                for (String t : h.value().split(",", 16)) {
                    if (t.strip().toLowerCase(Locale.ROOT).equals(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
