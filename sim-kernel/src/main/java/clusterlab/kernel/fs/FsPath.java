package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An absolute, lexically normalized path: starts with {@code /}, no empty, {@code .} or
 * {@code ..} segments, no trailing slash (except the root itself).
 *
 * <p>Normalization here is lexical ({@code /a/b/../c} is {@code /a/c}); the filesystems resolve
 * the paths callers hand them physically, following symlinks before {@code ..} as the kernel
 * does. Paths order segment by segment ({@code /etc} and everything under it sorts before
 * {@code /etc-x}), the order {@code filepath.Walk} and therefore {@code docker diff} use.
 */
public final class FsPath implements Comparable<FsPath> {
    public static final FsPath ROOT = new FsPath("/", List.of());

    /** Linux's PATH_MAX; longer texts are rejected so that every loop over a path is bounded. */
    public static final int MAX_PATH_CHARS = 4096;

    private final String text;
    private final List<String> segments;

    private FsPath(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    /**
     * Parses and normalizes an absolute path.
     *
     * @throws IllegalArgumentException if the text is not absolute or is longer than PATH_MAX
     */
    public static FsPath of(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: \"" + path + "\"");
        }
        checkLength(path);
        List<String> out = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                // ".." at the root stays at the root, as in the kernel: a path never escapes "/".
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(segment);
        }
        return fromSegments(out);
    }

    /** {@code path} if absolute, else {@code path} taken relative to {@code cwd}; normalized. */
    public static FsPath resolve(FsPath cwd, String path) {
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(path, "path");
        if (path.startsWith("/")) {
            return of(path);
        }
        checkLength(path);
        return of(cwd.text + "/" + path);
    }

    /** The normalized text of an absolute path, e.g. {@code "//a/./b/.."} gives {@code "/a"}. */
    public static String normalize(String path) {
        return of(path).text;
    }

    /** Whether {@code name} can be one segment of a path: not empty, not . or .., no slash. */
    public static boolean isValidName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }

    private static void checkLength(String path) {
        if (path.length() > MAX_PATH_CHARS) {
            throw new IllegalArgumentException("path longer than " + MAX_PATH_CHARS + " characters");
        }
    }

    private static FsPath fromSegments(List<String> segments) {
        if (segments.isEmpty()) {
            return ROOT;
        }
        return new FsPath("/" + String.join("/", segments), Collections.unmodifiableList(new ArrayList<>(segments)));
    }

    public boolean isRoot() { return segments.isEmpty(); }

    /** The parent directory; the root's parent is the root. */
    public FsPath parent() {
        return segments.size() <= 1 ? ROOT : fromSegments(segments.subList(0, segments.size() - 1));
    }

    /** The last segment; empty for the root. */
    public String name() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    public FsPath child(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("not a file name: \"" + name + "\"");
        }
        List<String> out = new ArrayList<>(segments.size() + 1);
        out.addAll(segments);
        out.add(name);
        return new FsPath(isRoot() ? "/" + name : text + "/" + name, Collections.unmodifiableList(out));
    }

    /** The segments from the root down, e.g. [etc, nginx] for /etc/nginx. */
    public List<String> segments() { return segments; }

    public int depth() { return segments.size(); }

    /** Whether this path is {@code ancestor} or lies under it. */
    public boolean startsWith(FsPath ancestor) {
        return ancestor.segments.size() <= segments.size()
                && segments.subList(0, ancestor.segments.size()).equals(ancestor.segments);
    }

    /** This path seen from inside {@code ancestor}: /a/b/c relative to /a is /b/c. */
    public FsPath relativeTo(FsPath ancestor) {
        if (!startsWith(ancestor)) {
            throw new IllegalArgumentException(text + " is not under " + ancestor);
        }
        return fromSegments(segments.subList(ancestor.segments.size(), segments.size()));
    }

    /** {@code relative} (an absolute path inside this directory) placed under this path. */
    public FsPath append(FsPath relative) {
        List<String> out = new ArrayList<>(segments);
        out.addAll(relative.segments);
        return fromSegments(out);
    }

    @Override
    public int compareTo(FsPath other) {
        int common = Math.min(segments.size(), other.segments.size());
        for (int i = 0; i < common; i++) {
            int c = segments.get(i).compareTo(other.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(segments.size(), other.segments.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FsPath p && p.text.equals(text);
    }

    @Override
    public int hashCode() { return text.hashCode(); }

    @Override
    public String toString() { return text; }
}
