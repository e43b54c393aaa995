package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The mounts of one mount namespace: which filesystem appears at which path. There is always a
 * root mount. Targets are paths as the namespace sees them, already free of symlinks.
 */
public final class MountTable {
    private final TreeMap<FsPath, Mount> mounts = new TreeMap<>();

    /** A table with {@code root} mounted read-write at {@code /}. */
    public MountTable(Filesystem root) {
        mounts.put(FsPath.ROOT, new Mount(FsPath.ROOT, Objects.requireNonNull(root, "root"), false));
    }

    private MountTable(MountTable original) {
        mounts.putAll(original.mounts);
    }

    /** An independent table with the same mounts: what {@code unshare(CLONE_NEWNS)} gives a new namespace. */
    public MountTable copy() {
        return new MountTable(this);
    }

    /**
     * Mounts {@code fs} at {@code target}; {@code /} may be replaced (a container's rootfs).
     *
     * @throws FsException EBUSY if something other than the root is already mounted there
     */
    public void mount(String target, Filesystem fs, boolean readOnly) {
        FsPath t = FsPath.of(target);
        if (!t.isRoot() && mounts.containsKey(t)) {
            throw new FsException(Errno.EBUSY, target);
        }
        mounts.put(t, new Mount(t, fs, readOnly));
    }

    /** @throws FsException EINVAL if nothing is mounted there (as {@code umount} says "not mounted"), EBUSY for / */
    public void unmount(String target) {
        FsPath t = FsPath.of(target);
        if (t.isRoot()) {
            throw new FsException(Errno.EBUSY, target);
        }
        if (!mounts.containsKey(t)) {
            throw new FsException(Errno.EINVAL, target);
        }
        for (FsPath other : mounts.keySet()) {
            if (other.startsWith(t) && !other.equals(t)) {
                // Linux refuses to unmount a mount that has mounts below it.
                throw new FsException(Errno.EBUSY, target);
            }
        }
        mounts.remove(t);
    }

    /** The mount whose target is the longest prefix of {@code path}. */
    public Mount find(FsPath path) {
        FsPath p = path;
        // One step per segment, so depth + 1 iterations at most.
        for (int i = 0; i <= path.depth(); i++) {
            Mount m = mounts.get(p);
            if (m != null) {
                return m;
            }
            p = p.parent();
        }
        return mounts.get(FsPath.ROOT);
    }

    /** All mounts, sorted by target (so parents before the mounts inside them), as {@code /proc/mounts} lists them. */
    public List<Mount> mounts() {
        return List.copyOf(new ArrayList<>(mounts.values()));
    }

    /** Whether some mount's target is {@code path} or lies below it. */
    public boolean hasMountAtOrBelow(FsPath path) {
        for (FsPath target : mounts.keySet()) {
            if (target.startsWith(path)) {
                return true;
            }
        }
        return false;
    }
}
