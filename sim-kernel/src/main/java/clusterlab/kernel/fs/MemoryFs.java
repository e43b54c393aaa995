package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A plain writable in-memory tree: a machine's root filesystem, a named volume, a tmpfs.
 *
 * <p>Directory mtimes change when entries are added, removed or renamed in them, file mtimes
 * when content is written, all at the virtual time the clock gives.
 */
public final class MemoryFs extends AbstractFs implements BlobHolder {
    private final Node root;
    private final LongSupplier clockNanos;

    /** An empty tree whose root is 0755 root:root; {@code clockNanos} gives the virtual time of each change. */
    public MemoryFs(LongSupplier clockNanos) {
        this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
        this.root = Node.directory(FsDefaults.DIRECTORY_MODE, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, clockNanos.getAsLong());
    }

    private Node node(FsPath path) {
        Node current = root;
        for (String segment : path.segments()) {
            if (current.children == null) {
                return null;
            }
            current = current.children.get(segment);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    private Node existingNode(FsPath path) {
        Node n = node(path);
        if (n == null) {
            throw new IllegalStateException("primitive called on a missing path " + path);
        }
        return n;
    }

    @Override
    protected FileStat lookup(FsPath path) {
        Node n = node(path);
        return n == null ? null : n.stat();
    }

    @Override
    protected String readSymlink(FsPath path) { return existingNode(path).target; }

    @Override
    protected Blob readContent(FsPath path) { return existingNode(path).content; }

    @Override
    protected List<String> listNames(FsPath path) { return new ArrayList<>(existingNode(path).children.keySet()); }

    @Override
    protected void putContent(FsPath path, Blob content) {
        Node parent = existingNode(path.parent());
        Node existing = parent.children.get(path.name());
        long now = clockNanos.getAsLong();
        if (existing != null) {
            existing.content = content;
            existing.mtimeNanos = now;
        } else {
            parent.children.put(path.name(), Node.file(content, FsDefaults.FILE_MODE, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, now));
            parent.mtimeNanos = now;
        }
    }

    @Override
    protected void makeDirectory(FsPath path) {
        long now = clockNanos.getAsLong();
        insert(path, Node.directory(FsDefaults.DIRECTORY_MODE, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, now), now);
    }

    @Override
    protected void makeSymlink(FsPath path, String target) {
        long now = clockNanos.getAsLong();
        insert(path, Node.symlink(target, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, now), now);
    }

    private void insert(FsPath path, Node node, long now) {
        Node parent = existingNode(path.parent());
        parent.children.put(path.name(), node);
        parent.mtimeNanos = now;
    }

    @Override
    protected void removeEntry(FsPath path) {
        Node parent = existingNode(path.parent());
        parent.children.remove(path.name());
        parent.mtimeNanos = clockNanos.getAsLong();
    }

    @Override
    protected void setAttributes(FsPath path, int mode, int uid, int gid, long mtimeNanos) {
        Node n = existingNode(path);
        n.mode = mode;
        n.uid = uid;
        n.gid = gid;
        n.mtimeNanos = mtimeNanos;
    }

    @Override
    protected void moveEntry(FsPath from, FsPath to) {
        long now = clockNanos.getAsLong();
        Node fromParent = existingNode(from.parent());
        Node moving = fromParent.children.remove(from.name());
        fromParent.mtimeNanos = now;
        insert(to, moving, now);
    }

    @Override
    protected void checkWritable(FsPath path, String shownPath) {
        // Always writable: read-only views of a MemoryFs are mounts with the readOnly flag.
    }

    @Override
    public void forEachBlob(Consumer<Blob> sink) { root.forEachBlob(sink); }
}
