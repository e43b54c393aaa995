package clusterlab.kernel.fs;

import java.util.function.BiConsumer;

/** Depth-first, name-ordered walks over any {@link Filesystem}, not following symlinks. */
public final class FsWalk {
    /** Deeper than any real tree; bounds the recursion. PATH_MAX/2 segments is the most a path can have. */
    static final int MAX_DEPTH = FsPath.MAX_PATH_CHARS / 2;

    private FsWalk() {}

    /** Visits {@code start} and every entry below it, parents before children, siblings by name. */
    public static void walk(Filesystem fs, FsPath start, BiConsumer<FsPath, FileStat> visitor) {
        FileStat stat = fs.lstat(start.toString());
        walk(fs, start, stat, visitor, 0);
    }

    private static void walk(Filesystem fs, FsPath path, FileStat stat, BiConsumer<FsPath, FileStat> visitor, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("tree deeper than " + MAX_DEPTH + " at " + path);
        }
        visitor.accept(path, stat);
        if (stat.isDirectory()) {
            for (String name : fs.list(path.toString())) {
                FsPath child = path.child(name);
                walk(fs, child, fs.lstat(child.toString()), visitor, depth + 1);
            }
        }
    }

    static long treeSizeBytes(Filesystem fs, FsPath start) {
        long[] total = {0};
        walk(fs, start, (path, stat) -> {
            if (!stat.isDirectory()) {
                total[0] += stat.sizeBytes();
            }
        });
        return total[0];
    }
}
