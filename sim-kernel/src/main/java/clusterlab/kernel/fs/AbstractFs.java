package clusterlab.kernel.fs;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The system-call semantics every filesystem shares: path resolution (symlinks, {@code ..},
 * ELOOP), the errno of each failure, and which calls follow a final symlink. Subclasses supply a
 * handful of primitives that only ever see canonical paths: every directory component already
 * exists as a real directory (no symlinks), and the preconditions named on each primitive hold.
 *
 * <p>Every mutating call asks {@link #checkWritable} first, so a read-only filesystem or mount
 * refuses with EROFS before anything is touched.
 */
public abstract class AbstractFs implements Filesystem {
    /** Linux's MAXSYMLINKS: the 41st link followed in one lookup fails with ELOOP. */
    public static final int MAX_SYMLINK_FOLLOWS = 40;
    /** Every symlink followed adds at most a path's worth of segments, so this bounds a lookup. */
    private static final int MAX_RESOLVE_STEPS = (MAX_SYMLINK_FOLLOWS + 1) * FsPath.MAX_PATH_CHARS;

    /** A resolved path; {@code stat} is null when the last component does not exist (its parent does). */
    protected record Resolved(FsPath path, FileStat stat) {}

    // ---- primitives ------------------------------------------------------------------------

    /** The entry at a canonical path, or null if absent. {@code path} may be the root. */
    protected abstract FileStat lookup(FsPath path);

    /** The target of the symlink at {@code path}. */
    protected abstract String readSymlink(FsPath path);

    /** The content of the regular file at {@code path}. */
    protected abstract Blob readContent(FsPath path);

    /** Sorted names in the directory at {@code path}. */
    protected abstract List<String> listNames(FsPath path);

    /** Stores content at {@code path}, which is absent (create with defaults) or a regular file (keep its metadata). */
    protected abstract void putContent(FsPath path, Blob content);

    /** Creates a directory at the absent {@code path} with mode 0755. */
    protected abstract void makeDirectory(FsPath path);

    /** Creates a symlink at the absent {@code path}. */
    protected abstract void makeSymlink(FsPath path, String target);

    /** Removes the entry at {@code path} and, for a directory, everything below it. Never the root. */
    protected abstract void removeEntry(FsPath path);

    /** Replaces mode, owner and mtime of the existing entry at {@code path}. */
    protected abstract void setAttributes(FsPath path, int mode, int uid, int gid, long mtimeNanos);

    /**
     * Moves the entry at {@code from} to {@code to}; {@code to} is absent, or compatible and
     * (for a directory) empty, and is replaced. {@code to} is not under {@code from}.
     */
    protected abstract void moveEntry(FsPath from, FsPath to);

    /** Throws EROFS (naming {@code shownPath}) if {@code path} may not be changed. */
    protected abstract void checkWritable(FsPath path, String shownPath);

    // ---- resolution ------------------------------------------------------------------------

    /**
     * Resolves {@code shown} physically: each symlink met is replaced by its target (absolute
     * ones restart at the root) and {@code ..} steps to the parent of the resolved directory.
     *
     * @param followLast whether a symlink in the last component is followed too
     */
    protected final Resolved resolve(String shown, boolean followLast) {
        if (shown.isEmpty()) {
            throw new FsException(Errno.ENOENT, shown);
        }
        if (!shown.startsWith("/") || shown.length() > FsPath.MAX_PATH_CHARS) {
            throw new FsException(Errno.EINVAL, shown);
        }
        ArrayDeque<String> pending = new ArrayDeque<>();
        pushFront(pending, shown);
        FsPath current = FsPath.ROOT;
        FileStat currentStat = lookup(FsPath.ROOT);
        int follows = 0;
        int steps = 0;
        while (!pending.isEmpty()) {
            if (++steps > MAX_RESOLVE_STEPS) {
                throw new FsException(Errno.ELOOP, shown);
            }
            String name = pending.pollFirst();
            if (!currentStat.isDirectory()) {
                throw new FsException(Errno.ENOTDIR, shown);
            }
            if (name.equals("..")) {
                current = current.parent();
                currentStat = lookup(current);
                continue;
            }
            FsPath next = current.child(name);
            FileStat nextStat = lookup(next);
            if (nextStat == null) {
                if (pending.isEmpty()) {
                    return new Resolved(next, null);
                }
                throw new FsException(Errno.ENOENT, shown);
            }
            if (nextStat.isSymlink() && (followLast || !pending.isEmpty())) {
                if (++follows > MAX_SYMLINK_FOLLOWS) {
                    throw new FsException(Errno.ELOOP, shown);
                }
                String target = readSymlink(next);
                if (target.isEmpty()) {
                    throw new FsException(Errno.ENOENT, shown);
                }
                pushFront(pending, target);
                if (target.startsWith("/")) {
                    current = FsPath.ROOT;
                    currentStat = lookup(FsPath.ROOT);
                }
                continue;
            }
            current = next;
            currentStat = nextStat;
        }
        return new Resolved(current, currentStat);
    }

    private static void pushFront(ArrayDeque<String> pending, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                pending.addFirst(parts[i]);
            }
        }
    }

    private Resolved existing(String shown, boolean followLast) {
        Resolved r = resolve(shown, followLast);
        if (r.stat() == null) {
            throw new FsException(Errno.ENOENT, shown);
        }
        return r;
    }

    // ---- the Filesystem calls ---------------------------------------------------------------

    @Override
    public FileStat stat(String path) { return existing(path, true).stat(); }

    @Override
    public FileStat lstat(String path) { return existing(path, false).stat(); }

    @Override
    public FileStat lstatOrNull(String path) {
        try {
            return resolve(path, false).stat();
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT || e.errno() == Errno.ENOTDIR) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String path) {
        try {
            return resolve(path, true).stat() != null;
        } catch (FsException e) {
            return false;
        }
    }

    @Override
    public Blob content(String path) {
        Resolved r = existing(path, true);
        if (r.stat().isDirectory()) {
            throw new FsException(Errno.EISDIR, path);
        }
        return readContent(r.path());
    }

    @Override
    public void writeContent(String path, Blob content) {
        Resolved r = resolve(path, true);
        if (r.stat() != null && r.stat().isDirectory()) {
            throw new FsException(Errno.EISDIR, path);
        }
        checkWritable(r.path(), path);
        putContent(r.path(), content);
    }

    @Override
    public void mkdir(String path) {
        Resolved r = resolve(path, false);
        if (r.stat() != null) {
            throw new FsException(Errno.EEXIST, path);
        }
        checkWritable(r.path(), path);
        makeDirectory(r.path());
    }

    @Override
    public void mkdirs(String path) {
        FsPath target = FsPath.of(path);
        FsPath prefix = FsPath.ROOT;
        for (String segment : target.segments()) {
            prefix = prefix.child(segment);
            Resolved r = resolve(prefix.toString(), true);
            if (r.stat() == null) {
                checkWritable(r.path(), path);
                makeDirectory(r.path());
            } else if (!r.stat().isDirectory()) {
                throw new FsException(prefix.equals(target) ? Errno.EEXIST : Errno.ENOTDIR, path);
            }
        }
    }

    @Override
    public List<String> list(String directory) {
        Resolved r = existing(directory, true);
        if (!r.stat().isDirectory()) {
            throw new FsException(Errno.ENOTDIR, directory);
        }
        return List.copyOf(listNames(r.path()));
    }

    @Override
    public void unlink(String path) {
        Resolved r = existing(path, false);
        if (r.stat().isDirectory()) {
            throw new FsException(Errno.EISDIR, path);
        }
        checkWritable(r.path(), path);
        removeEntry(r.path());
    }

    @Override
    public void rmdir(String path) {
        Resolved r = existing(path, false);
        if (!r.stat().isDirectory()) {
            throw new FsException(Errno.ENOTDIR, path);
        }
        if (r.path().isRoot()) {
            throw new FsException(Errno.EBUSY, path);
        }
        if (!listNames(r.path()).isEmpty()) {
            throw new FsException(Errno.ENOTEMPTY, path);
        }
        checkWritable(r.path(), path);
        removeEntry(r.path());
    }

    @Override
    public void removeRecursive(String path) {
        Resolved r = existing(path, false);
        if (r.path().isRoot()) {
            throw new FsException(Errno.EBUSY, path);
        }
        checkWritable(r.path(), path);
        removeEntry(r.path());
    }

    @Override
    public void rename(String from, String to) {
        Resolved source = existing(from, false);
        Resolved target = resolve(to, false);
        if (source.path().equals(target.path())) {
            return;
        }
        if (source.path().isRoot() || target.path().isRoot()) {
            throw new FsException(Errno.EBUSY, source.path().isRoot() ? from : to);
        }
        if (target.path().startsWith(source.path())) {
            throw new FsException(Errno.EINVAL, to);
        }
        if (target.stat() != null) {
            boolean sourceIsDir = source.stat().isDirectory();
            if (sourceIsDir && !target.stat().isDirectory()) {
                throw new FsException(Errno.ENOTDIR, to);
            }
            if (!sourceIsDir && target.stat().isDirectory()) {
                throw new FsException(Errno.EISDIR, to);
            }
            if (sourceIsDir && !listNames(target.path()).isEmpty()) {
                throw new FsException(Errno.ENOTEMPTY, to);
            }
        }
        checkWritable(source.path(), from);
        checkWritable(target.path(), to);
        moveEntry(source.path(), target.path());
    }

    @Override
    public void symlink(String target, String linkPath) {
        Resolved r = resolve(linkPath, false);
        if (r.stat() != null) {
            throw new FsException(Errno.EEXIST, linkPath);
        }
        checkWritable(r.path(), linkPath);
        makeSymlink(r.path(), target);
    }

    @Override
    public String readlink(String path) {
        Resolved r = existing(path, false);
        if (!r.stat().isSymlink()) {
            throw new FsException(Errno.EINVAL, path);
        }
        return readSymlink(r.path());
    }

    @Override
    public void chmod(String path, int mode) {
        Resolved r = existing(path, true);
        checkWritable(r.path(), path);
        FileStat s = r.stat();
        setAttributes(r.path(), mode & FileStat.PERMISSION_MASK, s.uid(), s.gid(), s.mtimeNanos());
    }

    @Override
    public void chown(String path, int uid, int gid) { changeOwner(path, true, uid, gid); }

    @Override
    public void lchown(String path, int uid, int gid) { changeOwner(path, false, uid, gid); }

    private void changeOwner(String path, boolean follow, int uid, int gid) {
        Resolved r = existing(path, follow);
        checkWritable(r.path(), path);
        FileStat s = r.stat();
        setAttributes(r.path(), s.mode(), uid, gid, s.mtimeNanos());
    }

    @Override
    public void setMtime(String path, long mtimeNanos) { changeMtime(path, true, mtimeNanos); }

    @Override
    public void lsetMtime(String path, long mtimeNanos) { changeMtime(path, false, mtimeNanos); }

    private void changeMtime(String path, boolean follow, long mtimeNanos) {
        Resolved r = existing(path, follow);
        checkWritable(r.path(), path);
        FileStat s = r.stat();
        setAttributes(r.path(), s.mode(), s.uid(), s.gid(), mtimeNanos);
    }

    @Override
    public String realpath(String path) {
        return existing(path, true).path().toString();
    }
}
