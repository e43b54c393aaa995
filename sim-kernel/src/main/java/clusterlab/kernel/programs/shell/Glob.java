package clusterlab.kernel.programs.shell;

import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pathname expansion of unquoted {@code * ? [...]} against the process's filesystem. Patterns
 * arrive with quoted glob characters escaped by a backslash. Results are sorted per directory
 * (Filesystem.list is sorted), dot files match only a pattern starting with a dot.
 */
final class Glob {
    /** Bound on the names one pattern expands to. */
    static final int MAX_MATCHES = 10_000;

    private final Filesystem fs;
    private final String cwd;

    Glob(Filesystem fs, String cwd) {
        this.fs = fs;
        this.cwd = cwd;
    }

    /** The paths matching {@code pattern}, or an empty list (the caller keeps the word as it is). */
    List<String> expand(String pattern) {
        boolean absolute = pattern.startsWith("/");
        String[] components = pattern.split("/+", -1);
        List<String> paths = new ArrayList<>();
        paths.add(absolute ? "/" : "");
        for (int i = 0; i < components.length; i++) {
            String comp = components[i];
            if (comp.isEmpty()) {
                continue;
            }
            boolean lastComponent = i == components.length - 1;
            List<String> next = new ArrayList<>();
            for (String base : paths) {
                String dir = base.isEmpty() ? cwd : base.startsWith("/") ? base : cwd + "/" + base;
                if (!hasMagic(comp)) {
                    next.add(join(base, unescape(comp)));
                    continue;
                }
                Pattern regex = toRegex(comp);
                List<String> names;
                try {
                    names = fs.list(dir.isEmpty() ? "/" : dir);
                } catch (FsException | IllegalArgumentException e) {
                    continue;
                }
                for (String name : names) {
                    if (name.startsWith(".") && !comp.startsWith(".")) {
                        continue;
                    }
                    if (regex.matcher(name).matches() && next.size() < MAX_MATCHES) {
                        String path = join(base, name);
                        if (lastComponent || isDirectory(resolve(path))) {
                            next.add(path);
                        }
                    }
                }
            }
            paths = next;
            if (paths.isEmpty()) {
                return List.of();
            }
        }
        List<String> existing = new ArrayList<>();
        for (String p : paths) {
            if (exists(resolve(p))) {
                existing.add(pattern.endsWith("/") ? p + "/" : p);
            }
        }
        return existing;
    }

    static boolean hasMagic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static String join(String base, String name) {
        return base.isEmpty() ? name : base.endsWith("/") ? base + name : base + "/" + name;
    }

    private String resolve(String path) {
        return path.startsWith("/") ? path : cwd + "/" + path;
    }

    private boolean exists(String path) {
        try {
            return fs.exists(path);
        } catch (FsException | IllegalArgumentException e) {
            return false;
        }
    }

    private boolean isDirectory(String path) {
        try {
            return fs.stat(path).isDirectory();
        } catch (FsException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    re.append("\\[");
                    continue;
                }
                String set = glob.substring(i + 1, end);
                boolean negate = set.startsWith("!") || set.startsWith("^");
                if (negate) {
                    set = set.substring(1);
                }
                StringBuilder cls = new StringBuilder();
                for (char sc : set.toCharArray()) {
                    cls.append(sc == '-' ? "-" : Pattern.quote(String.valueOf(sc)).replace("\\Q", "").replace("\\E", "")
                            .replaceAll("([\\\\\\[\\]^&])", "\\\\$1"));
                }
                re.append('[').append(negate ? "^" : "").append(cls).append(']');
                i = end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
