package clusterlab.kernel.fs;

import java.util.Objects;

/**
 * One entry of a layer's change set, as a Docker layer tarball would carry it: a directory
 * (possibly opaque), a regular file, a symlink, or a whiteout deleting the path in the layers below.
 *
 * @param mode permission bits; 0 for a whiteout, 0777 for a symlink
 * @param content the bytes of a regular file; null otherwise
 * @param symlinkTarget the target of a symlink; null otherwise
 * @param opaque for a directory: it replaces, rather than merges with, the same directory below
 */
public record LayerEntry(FsPath path, EntryKind kind, int mode, int uid, int gid, long mtimeNanos,
                         Blob content, String symlinkTarget, boolean opaque) {

    public LayerEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (path.isRoot()) {
            throw new IllegalArgumentException("a layer entry cannot be the root");
        }
        if ((content != null) != (kind == EntryKind.REGULAR_FILE)) {
            throw new IllegalArgumentException("content is for regular files only: " + path);
        }
        if ((symlinkTarget != null) != (kind == EntryKind.SYMLINK)) {
            throw new IllegalArgumentException("a target is for symlinks only: " + path);
        }
        if (opaque && kind != EntryKind.DIRECTORY) {
            throw new IllegalArgumentException("only a directory can be opaque: " + path);
        }
        if ((mode & ~FileStat.PERMISSION_MASK) != 0) {
            throw new IllegalArgumentException("mode has bits outside 07777: " + path);
        }
    }

    public static LayerEntry directory(String path, int mode, int uid, int gid, long mtimeNanos) {
        return new LayerEntry(FsPath.of(path), EntryKind.DIRECTORY, mode, uid, gid, mtimeNanos, null, null, false);
    }

    /** A directory that hides whatever the layers below hold at its path. */
    public static LayerEntry opaqueDirectory(String path, int mode, int uid, int gid, long mtimeNanos) {
        return new LayerEntry(FsPath.of(path), EntryKind.DIRECTORY, mode, uid, gid, mtimeNanos, null, null, true);
    }

    public static LayerEntry file(String path, Blob content, int mode, int uid, int gid, long mtimeNanos) {
        return new LayerEntry(FsPath.of(path), EntryKind.REGULAR_FILE, mode, uid, gid, mtimeNanos,
                Objects.requireNonNull(content, "content"), null, false);
    }

    public static LayerEntry symlink(String path, String target, int uid, int gid, long mtimeNanos) {
        return new LayerEntry(FsPath.of(path), EntryKind.SYMLINK, FsDefaults.SYMLINK_MODE, uid, gid, mtimeNanos,
                null, Objects.requireNonNull(target, "target"), false);
    }

    /** Deletes {@code path} (and, for a directory, everything below it) in the layers below. */
    public static LayerEntry whiteout(String path) {
        return new LayerEntry(FsPath.of(path), EntryKind.WHITEOUT, 0, 0, 0, 0, null, null, false);
    }

    /**
     * The member name a Docker/OCI layer tarball uses: relative, directories with a trailing
     * slash, a whiteout as {@code dir/.wh.name}.
     */
    public String tarName() {
        String relative = path.toString().substring(1);
        return switch (kind) {
            case DIRECTORY -> relative + "/";
            case WHITEOUT -> {
                String parent = path.parent().toString().substring(1);
                yield (parent.isEmpty() ? "" : parent + "/") + Layer.WHITEOUT_PREFIX + path.name();
            }
            default -> relative;
        };
    }

    Node toNode() {
        return switch (kind) {
            case DIRECTORY -> {
                Node n = Node.directory(mode, uid, gid, mtimeNanos);
                n.opaque = opaque;
                yield n;
            }
            case REGULAR_FILE -> Node.file(content, mode, uid, gid, mtimeNanos);
            case SYMLINK -> Node.symlink(symlinkTarget, uid, gid, mtimeNanos);
            case WHITEOUT -> Node.whiteout();
        };
    }

    static LayerEntry fromNode(FsPath path, Node n) {
        return new LayerEntry(path, n.kind, n.mode, n.uid, n.gid, n.mtimeNanos, n.content, n.target, n.opaque);
    }
}
