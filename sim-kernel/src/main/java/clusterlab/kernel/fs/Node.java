package clusterlab.kernel.fs;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One entry of an in-memory tree: the storage shared by {@link MemoryFs}, an overlay's upper
 * directory and (frozen) a {@link Layer}.
 *
 * <p>Metadata is mutable for the writable trees; a Layer owns its nodes privately and never
 * changes them, which is what lets any number of overlays share one. Content lives in immutable
 * {@link Blob}s, so copying a node never copies file bytes.
 */
final class Node {
    final EntryKind kind;
    int mode;
    int uid;
    int gid;
    long mtimeNanos;
    /** Regular files only; replaced, never mutated. */
    Blob content;
    /** Symlinks only. */
    final String target;
    /** Directories only; sorted so that listings and walks are deterministic. */
    final TreeMap<String, Node> children;
    /** Directories only: hides everything below this path in lower layers (".wh..wh..opq"). */
    boolean opaque;

    private Node(EntryKind kind, int mode, int uid, int gid, long mtimeNanos, Blob content, String target) {
        this.kind = kind;
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
        this.mtimeNanos = mtimeNanos;
        this.content = content;
        this.target = target;
        this.children = kind == EntryKind.DIRECTORY ? new TreeMap<>() : null;
    }

    static Node directory(int mode, int uid, int gid, long mtimeNanos) {
        return new Node(EntryKind.DIRECTORY, mode, uid, gid, mtimeNanos, null, null);
    }

    static Node file(Blob content, int mode, int uid, int gid, long mtimeNanos) {
        return new Node(EntryKind.REGULAR_FILE, mode, uid, gid, mtimeNanos, content, null);
    }

    static Node symlink(String target, int uid, int gid, long mtimeNanos) {
        return new Node(EntryKind.SYMLINK, FsDefaults.SYMLINK_MODE, uid, gid, mtimeNanos, null, target);
    }

    static Node whiteout() {
        return new Node(EntryKind.WHITEOUT, 0, 0, 0, 0, null, null);
    }

    boolean isDirectory() { return kind == EntryKind.DIRECTORY; }

    /** The same entry without its children: what overlayfs copies up for a directory. */
    Node shallowCopy() {
        Node copy = new Node(kind, mode, uid, gid, mtimeNanos, content, target);
        copy.opaque = opaque;
        return copy;
    }

    /** The whole subtree, sharing blobs; depth is bounded by the path length limit. */
    Node deepCopy() {
        Node copy = shallowCopy();
        if (children != null) {
            for (Map.Entry<String, Node> e : children.entrySet()) {
                copy.children.put(e.getKey(), e.getValue().deepCopy());
            }
        }
        return copy;
    }

    long sizeBytes() {
        return switch (kind) {
            case DIRECTORY -> FileStat.DIRECTORY_SIZE_BYTES;
            case REGULAR_FILE -> content.sizeBytes();
            case SYMLINK -> target.getBytes(StandardCharsets.UTF_8).length;
            case WHITEOUT -> 0;
        };
    }

    FileStat stat() {
        if (kind == EntryKind.WHITEOUT) {
            throw new IllegalStateException("a whiteout has no stat");
        }
        return new FileStat(kind.fileType(), mode, uid, gid, sizeBytes(), mtimeNanos);
    }

    /** Sum of file and symlink sizes in this subtree: what Docker counts as a layer's size. */
    long contentBytes() {
        if (kind != EntryKind.DIRECTORY) {
            return kind == EntryKind.WHITEOUT ? 0 : sizeBytes();
        }
        long total = 0;
        for (Node child : children.values()) {
            total += child.contentBytes();
        }
        return total;
    }

    void forEachBlob(Consumer<Blob> sink) {
        if (kind == EntryKind.REGULAR_FILE) {
            sink.accept(content);
        } else if (children != null) {
            for (Node child : children.values()) {
                child.forEachBlob(sink);
            }
        }
    }
}
