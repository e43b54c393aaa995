package clusterlab.kernel.programs.servers;

import java.util.Locale;

/**
 * A URL as curl reads it from its command line: an optional scheme (http by default), a host,
 * an optional port and a path ({@code /} when absent).
 */
record CurlUrl(String scheme, String host, int port, String path, boolean explicitPort) {
    /** Longest URL accepted; curl's own limit is far higher, this only bounds the parse. */
    private static final int MAX_URL = 8192;

    /** Parses {@code text}, or returns null when curl would say "URL using bad/illegal format". */
    static CurlUrl parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_URL) {
            return null;
        }
        String rest = text;
        String scheme = "http";
        int sep = rest.indexOf("://");
        if (sep >= 0) {
            scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = rest.substring(sep + 3);
            if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
                return null;
            }
        }
        int slash = firstOf(rest, "/?#");
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        if (path.startsWith("?")) {
            path = "/" + path;
        }
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host = authority;
        int port = defaultPort(scheme);
        boolean explicitPort = false;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            if (!p.isEmpty()) {
                if (!p.matches("\\d{1,5}") || Integer.parseInt(p) > 65535) {
                    return null;
                }
                port = Integer.parseInt(p);
                explicitPort = true;
            }
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._-]+")) {
            return null;
        }
        return new CurlUrl(scheme, host, port, path, explicitPort);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https" -> 443;
            case "ftp" -> 21;
            default -> 80;
        };
    }

    /** The Host header: the port only when it is not the scheme's default. */
    String hostHeader() {
        return port == defaultPort(scheme) ? host : host + ":" + port;
    }
}
