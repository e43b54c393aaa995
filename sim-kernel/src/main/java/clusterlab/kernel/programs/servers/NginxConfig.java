package clusterlab.kernel.programs.servers;

import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of nginx's configuration the simulated nginx acts on, read the way nginx reads it:
 * directives end with {@code ;}, blocks are braced, {@code #} starts a comment, {@code include}
 * pulls in files (with a {@code *} glob). Errors carry nginx's own {@code [emerg]} text.
 */
final class NginxConfig {
    /** Bounds on what one configuration may hold, so a hostile file cannot exhaust the model. */
    private static final int MAX_TOKENS = 100_000;
    private static final int MAX_INCLUDE_DEPTH = 8;

    /** A configuration error, with nginx's message (without the {@code nginx: [emerg] } prefix). */
    static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message);
        }
    }

    record Location(String path, boolean exact, String root, List<String> index, int returnCode, String returnText) {}

    record Server(int port, String serverName, String root, List<String> index, List<Location> locations) {
        /** The location serving {@code uri}: an exact match first, else the longest prefix. */
        Location locationFor(String uri) {
            Location best = null;
            for (Location l : locations) {
                if (l.exact() && l.path().equals(uri)) {
                    return l;
                }
                if (!l.exact() && uri.startsWith(l.path()) && (best == null || l.path().length() > best.path().length())) {
                    best = l;
                }
            }
            return best;
        }
    }

    private record Directive(String name, List<String> args, List<Directive> block, String file, int line) {}

    private static final Set<String> KNOWN = Set.of("user", "worker_processes", "error_log", "pid", "events",
            "worker_connections", "use", "multi_accept", "http", "include", "default_type", "log_format",
            "access_log", "sendfile", "tcp_nopush", "tcp_nodelay", "keepalive_timeout", "gzip", "server", "listen",
            "server_name", "location", "root", "index", "error_page", "charset", "return", "types", "autoindex",
            "server_tokens", "client_max_body_size", "add_header", "expires", "try_files", "proxy_pass",
            "proxy_set_header", "daemon", "master_process", "worker_rlimit_nofile", "types_hash_max_size",
            "deny", "allow", "alias", "upstream");

    final int workerProcesses;
    final List<Server> servers;
    final Map<String, String> mimeTypes;
    final String defaultType;
    final boolean daemon;

    private NginxConfig(int workerProcesses, List<Server> servers, Map<String, String> mimeTypes, String defaultType,
            boolean daemon) {
        this.workerProcesses = workerProcesses;
        this.servers = servers;
        this.mimeTypes = mimeTypes;
        this.defaultType = defaultType;
        this.daemon = daemon;
    }

    /** The server for a port: nginx's default server is the first one listening there. */
    Server serverFor(int port) {
        for (Server s : servers) {
            if (s.port() == port) {
                return s;
            }
        }
        return null;
    }

    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        for (Server s : servers) {
            if (!ports.contains(s.port())) {
                ports.add(s.port());
            }
        }
        return ports;
    }

    /**
     * Reads {@code mainFile} (and its includes) plus the {@code -g} directives.
     *
     * @param fallbackWhenAbsent the text to use when the main file does not exist (the image's)
     */
    static NginxConfig load(Filesystem fs, String mainFile, String globalDirectives, String fallbackWhenAbsent,
            int cores) {
        List<Directive> top;
        if (fs.exists(mainFile)) {
            top = new Parser(fs, mainFile, read(fs, mainFile, null), 0).parseBlock(false);
        } else {
            top = new Parser(fs, mainFile, fallbackWhenAbsent, 0).parseBlock(false);
        }
        if (globalDirectives != null && !globalDirectives.isBlank()) {
            top = new ArrayList<>(top);
            top.addAll(new Parser(fs, "command line", globalDirectives, 0).parseBlock(false));
        }
        return build(top, cores);
    }

    private static String read(Filesystem fs, String path, Directive from) {
        try {
            return fs.readString(path);
        } catch (FsException e) {
            throw new ConfigException("open() \"" + path + "\" failed (" + e.errno().number() + ": " + e.errno().text()
                    + ")" + (from == null ? "" : " in " + from.file() + ":" + from.line()));
        }
    }

    private static NginxConfig build(List<Directive> top, int cores) {
        int workers = 1;
        boolean daemon = true;
        List<Server> servers = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        String defaultType = "text/plain";
        for (Directive d : top) {
            switch (d.name()) {
                case "worker_processes" -> workers = d.args().get(0).equals("auto") ? cores : positive(d);
                case "daemon" -> daemon = !d.args().get(0).equals("off");
                case "http" -> {
                    for (Directive h : d.block()) {
                        switch (h.name()) {
                            case "default_type" -> defaultType = h.args().get(0);
                            case "types" -> readTypes(h, types);
                            case "server" -> servers.add(server(h));
                            default -> { }
                        }
                    }
                }
                default -> { }
            }
        }
        if (types.isEmpty()) {
            types.putAll(MimeTypes.DEFAULTS);
        }
        return new NginxConfig(Math.min(workers, 64), List.copyOf(servers), types, defaultType, daemon);
    }

    private static int positive(Directive d) {
        String v = d.args().get(0);
        if (!v.matches("\\d{1,4}") || Integer.parseInt(v) == 0) {
            throw new ConfigException("invalid value \"" + v + "\" in " + d.file() + ":" + d.line());
        }
        return Integer.parseInt(v);
    }

    private static void readTypes(Directive d, Map<String, String> types) {
        for (Directive t : d.block()) {
            for (String ext : t.args()) {
                types.put(ext, t.name());
            }
        }
    }

    private static Server server(Directive d) {
        int port = 80;
        String name = "";
        String root = "html";
        List<String> index = List.of("index.html");
        List<Location> locations = new ArrayList<>();
        for (Directive s : d.block()) {
            switch (s.name()) {
                case "listen" -> {
                    String a = s.args().get(0);
                    if (a.startsWith("[")) {
                        continue; // IPv6 listens: the simulated network is IPv4 only
                    }
                    String p = a.contains(":") ? a.substring(a.lastIndexOf(':') + 1) : a;
                    if (!p.matches("\\d{1,5}") || Integer.parseInt(p) > 65535) {
                        throw new ConfigException("invalid port in \"" + a + "\" of the \"listen\" directive in "
                                + s.file() + ":" + s.line());
                    }
                    port = Integer.parseInt(p);
                }
                case "server_name" -> name = s.args().get(0);
                case "root" -> root = s.args().get(0);
                case "index" -> index = List.copyOf(s.args());
                case "location" -> locations.add(location(s, root, index));
                default -> { }
            }
        }
        // Locations without their own root inherit the server's, whichever order they came in.
        List<Location> resolved = new ArrayList<>();
        for (Location l : locations) {
            resolved.add(new Location(l.path(), l.exact(), l.root() != null ? l.root() : root,
                    l.index() != null ? l.index() : index, l.returnCode(), l.returnText()));
        }
        return new Server(port, name, root, index, List.copyOf(resolved));
    }

    private static Location location(Directive d, String serverRoot, List<String> serverIndex) {
        boolean exact = d.args().size() == 2 && d.args().get(0).equals("=");
        String path = d.args().get(d.args().size() - 1);
        String root = null;
        List<String> index = null;
        int returnCode = 0;
        String returnText = null;
        for (Directive l : d.block()) {
            switch (l.name()) {
                case "root" -> root = l.args().get(0);
                case "index" -> index = List.copyOf(l.args());
                case "return" -> {
                    String code = l.args().get(0);
                    if (!code.matches("\\d{3}")) {
                        throw new ConfigException("invalid return code \"" + code + "\" in " + l.file() + ":" + l.line());
                    }
                    returnCode = Integer.parseInt(code);
                    returnText = l.args().size() > 1 ? l.args().get(1) : "";
                }
                default -> { }
            }
        }
        return new Location(path, exact, root, index, returnCode, returnText);
    }

    /** A recursive-descent reader over nginx's token syntax. */
    private static final class Parser {
        private final Filesystem fs;
        private final String file;
        private final String text;
        private final int depth;
        private int pos;
        private int line = 1;
        private int tokens;

        Parser(Filesystem fs, String file, String text, int depth) {
            this.fs = fs;
            this.file = file;
            this.text = text;
            this.depth = depth;
        }

        List<Directive> parseBlock(boolean inBraces) {
            List<Directive> out = new ArrayList<>();
            List<String> words = new ArrayList<>();
            int startLine = line;
            while (true) {
                String tok = next();
                if (tok == null) {
                    if (!words.isEmpty()) {
                        throw new ConfigException("unexpected end of file, expecting \";\" or \"}\" in " + file + ":" + line);
                    }
                    if (inBraces) {
                        throw new ConfigException("unexpected end of file, expecting \"}\" in " + file + ":" + line);
                    }
                    return out;
                }
                if (words.isEmpty()) {
                    startLine = line;
                }
                switch (tok) {
                    case ";" -> {
                        if (words.isEmpty()) {
                            throw new ConfigException("unexpected \";\" in " + file + ":" + line);
                        }
                        out.addAll(directive(words, List.of(), startLine));
                        words = new ArrayList<>();
                    }
                    case "{" -> {
                        if (words.isEmpty()) {
                            throw new ConfigException("unexpected \"{\" in " + file + ":" + line);
                        }
                        List<Directive> block = parseBlock(true);
                        out.addAll(directive(words, block, startLine));
                        words = new ArrayList<>();
                    }
                    case "}" -> {
                        if (!inBraces || !words.isEmpty()) {
                            throw new ConfigException("unexpected \"}\" in " + file + ":" + line);
                        }
                        return out;
                    }
                    default -> words.add(tok);
                }
            }
        }

        private List<Directive> directive(List<String> words, List<Directive> block, int at) {
            String name = words.get(0);
            List<String> args = List.copyOf(words.subList(1, words.size()));
            if (!KNOWN.contains(name) && !name.contains("/")) { // "text/html html;" lines of a types block
                throw new ConfigException("unknown directive \"" + name + "\" in " + file + ":" + at);
            }
            if (args.isEmpty() && !name.contains("/") && !name.equals("events") && !name.equals("http")
                    && !name.equals("server") && !name.equals("types")) {
                throw new ConfigException("invalid number of arguments in \"" + name + "\" directive in " + file + ":" + at);
            }
            Directive d = new Directive(name, args, block, file, at);
            if (name.equals("include")) {
                return include(d);
            }
            return List.of(d);
        }

        private List<Directive> include(Directive d) {
            if (depth >= MAX_INCLUDE_DEPTH) {
                throw new ConfigException("include nesting too deep in " + d.file() + ":" + d.line());
            }
            String pattern = d.args().get(0);
            String path = pattern.startsWith("/") ? pattern : "/etc/nginx/" + pattern;
            List<Directive> out = new ArrayList<>();
            if (path.contains("*")) {
                String dir = path.substring(0, path.lastIndexOf('/'));
                String glob = path.substring(path.lastIndexOf('/') + 1);
                if (!fs.exists(dir)) {
                    return out;
                }
                for (String name : fs.list(dir)) {
                    String full = dir + "/" + name;
                    if (matches(glob, name) && fs.stat(full).isRegularFile()) {
                        out.addAll(new Parser(fs, full, read(fs, full, d), depth + 1).parseBlock(false));
                    }
                }
                return out;
            }
            if (path.equals("/etc/nginx/mime.types") && !fs.exists(path)) {
                return out; // built-in types stand in for an image without mime.types
            }
            return new Parser(fs, path, read(fs, path, d), depth + 1).parseBlock(false);
        }

        private static boolean matches(String glob, String name) {
            int star = glob.indexOf('*');
            String prefix = glob.substring(0, star);
            String suffix = glob.substring(star + 1);
            return name.length() >= prefix.length() + suffix.length() && name.startsWith(prefix) && name.endsWith(suffix);
        }

        /** The next token, or null at the end of the text. */
        private String next() {
            if (++tokens > MAX_TOKENS) {
                throw new ConfigException("too many tokens in " + file);
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    line++;
                    pos++;
                } else if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    break;
                }
            }
            if (pos >= text.length()) {
                return null;
            }
            char c = text.charAt(pos);
            if (c == ';' || c == '{' || c == '}') {
                pos++;
                return String.valueOf(c);
            }
            if (c == '"' || c == '\'') {
                int end = text.indexOf(c, pos + 1);
                if (end < 0) {
                    throw new ConfigException("unexpected end of file, expecting \";\" or \"}\" in " + file + ":" + line);
                }
                String s = text.substring(pos + 1, end);
                line += (int) s.chars().filter(ch -> ch == '\n').count();
                pos = end + 1;
                return s;
            }
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && ";{}".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            return text.substring(start, pos);
        }
    }
}
