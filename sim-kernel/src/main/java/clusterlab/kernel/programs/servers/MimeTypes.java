package clusterlab.kernel.programs.servers;

import java.util.Map;

/** The common entries of nginx's mime.types, used when the image has no such file. */
final class MimeTypes {
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("shtml", "text/html"),
            Map.entry("css", "text/css"), Map.entry("xml", "text/xml"), Map.entry("gif", "image/gif"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("jpg", "image/jpeg"), Map.entry("js", "application/javascript"),
            Map.entry("txt", "text/plain"), Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("json", "application/json"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("woff", "font/woff"), Map.entry("mp4", "video/mp4"));

    private MimeTypes() {}

    /** The type for a file name, by its extension, or {@code fallback}. */
    static String of(Map<String, String> types, String fileName, String fallback) {
        int dot = fileName.lastIndexOf('.');
        int slash = fileName.lastIndexOf('/');
        if (dot <= slash + 0 || dot == fileName.length() - 1) {
            return fallback;
        }
        String t = types.get(fileName.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
        return t == null ? fallback : t;
    }
}
