package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The single tree a process sees through its mount namespace: each path goes to the mount with
 * the longest matching target (a container's root overlay, a volume at /data/db, the host's
 * /etc/hostname bound read-only onto nginx's index.html). Symlinks are resolved here, in the
 * namespace, so an absolute link inside a volume points into the container, not the host.
 *
 * <p>Writes under a read-only mount fail with EROFS; removing or renaming a mount point fails
 * with EBUSY; renaming across mounts fails with EXDEV. A mount point shows in its parent's
 * listing, and missing directories on the way to one appear as empty 0755 directories (Docker
 * creates mount points in the container's init layer; here they need not exist below).
 */
public final class MountedFs extends DelegatingFs {
    private final MountTable table;

    /** A live view: later mounts and unmounts in {@code table} show at once. */
    public MountedFs(MountTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    public MountTable table() { return table; }

    @Override
    Target target(FsPath path) {
        Mount m = table.find(path);
        return new Target(m.fs(), path.relativeTo(m.target()).toString(), m.readOnly());
    }

    @Override
    protected FileStat lookup(FsPath path) {
        FileStat stat = super.lookup(path);
        if (stat == null && table.hasMountAtOrBelow(path)) {
            return new FileStat(FileType.DIRECTORY, FsDefaults.DIRECTORY_MODE, FsDefaults.ROOT_UID,
                    FsDefaults.ROOT_GID, FileStat.DIRECTORY_SIZE_BYTES, 0);
        }
        return stat;
    }

    @Override
    protected List<String> listNames(FsPath path) {
        TreeSet<String> names = new TreeSet<>();
        FileStat below = super.lookup(path);
        if (below != null && below.isDirectory()) {
            names.addAll(super.listNames(path));
        }
        for (Mount m : table.mounts()) {
            if (!m.target().isRoot() && m.target().parent().startsWith(path)
                    && m.target().depth() > path.depth()) {
                names.add(m.target().segments().get(path.depth()));
            }
        }
        return new ArrayList<>(names);
    }

    /** A mount point is busy before it is non-empty: the VFS checks mounts before asking the filesystem. */
    @Override
    public void rmdir(String path) {
        Resolved r = resolve(path, false);
        if (r.stat() != null && r.stat().isDirectory() && table.hasMountAtOrBelow(r.path()) && !r.path().isRoot()) {
            throw new FsException(Errno.EBUSY, path);
        }
        super.rmdir(path);
    }

    @Override
    protected void removeEntry(FsPath path) {
        if (table.hasMountAtOrBelow(path)) {
            throw new FsException(Errno.EBUSY, path.toString());
        }
        super.removeEntry(path);
    }

    @Override
    protected void moveEntry(FsPath from, FsPath to) {
        if (table.hasMountAtOrBelow(from) || table.hasMountAtOrBelow(to)) {
            throw new FsException(Errno.EBUSY, from.toString());
        }
        super.moveEntry(from, to);
    }
}
