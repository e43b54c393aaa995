package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A container's root filesystem the way overlayfs builds it: read-only image layers below, one
 * writable upper directory on top.
 *
 * <ul>
 *   <li>Reads fall through to the topmost layer that has the path.
 *   <li>The first change to a lower file (content, chmod, chown, touch) copies it up: the upper
 *       gets the file with its metadata, sharing the content blob until it is rewritten. Its
 *       parent directories are copied up with their metadata unchanged, as the kernel restores
 *       the parent's times after a copy-up.
 *   <li>Deleting something the layers below show leaves a whiteout in the upper; creating a
 *       directory where a whiteout is makes it opaque, hiding the old directory's contents.
 *   <li>Renaming copies the merged entry (a whole tree for a directory) and deletes the source,
 *       as {@code mv} does when overlayfs answers EXDEV for a lower directory.
 * </ul>
 *
 * The lower layers are shared, never copied; {@link #commit()} turns the upper into a new Layer.
 */
public final class OverlayFs extends UnionFs implements BlobHolder {
    private static final int UPPER = 0;

    private final List<Layer> layersBottomFirst;
    private final Node upper;
    private final UnionView lowerOnly;
    private final LongSupplier clockNanos;

    /**
     * @param layersBottomFirst the image's layers, base first (the order of an image manifest;
     *     overlayfs's {@code lowerdir=} option lists them the other way round)
     * @param clockNanos the virtual time of each change
     */
    public OverlayFs(List<Layer> layersBottomFirst, LongSupplier clockNanos) {
        this(List.copyOf(layersBottomFirst), LayerFs.rootsTopFirst(layersBottomFirst), clockNanos);
    }

    private OverlayFs(List<Layer> layers, List<Node> lowerRootsTopFirst, LongSupplier clockNanos) {
        this(layers, lowerRootsTopFirst, newUpperRoot(), clockNanos);
    }

    private OverlayFs(List<Layer> layers, List<Node> lowerRootsTopFirst, Node upper, LongSupplier clockNanos) {
        super(new UnionView(prepend(upper, lowerRootsTopFirst)));
        this.layersBottomFirst = layers;
        this.upper = upper;
        this.lowerOnly = new UnionView(lowerRootsTopFirst);
        this.clockNanos = Objects.requireNonNull(clockNanos, "clockNanos");
    }

    private static Node newUpperRoot() {
        return Node.directory(FsDefaults.DIRECTORY_MODE, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, 0);
    }

    private static List<Node> prepend(Node first, List<Node> rest) {
        List<Node> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    public List<Layer> layersBottomFirst() { return layersBottomFirst; }

    /** What {@code docker diff} prints for this container, in its order; see {@link OverlayChanges}. */
    public List<FsChange> changes() {
        return OverlayChanges.of(upper, lowerOnly);
    }

    /**
     * The upper's changes as a new immutable layer, whiteouts and opaque directories included:
     * what {@code docker commit} and each build step produce. Stacking it on this overlay's
     * layers shows exactly this overlay's view. Content blobs are shared, not copied.
     */
    public Layer commit() {
        return Layer.ofTree(upper.deepCopy());
    }

    /** Bytes of files and symlinks in the writable layer: the container SIZE {@code docker ps -s} shows. */
    public long upperSizeBytes() { return upper.contentBytes(); }

    /** The blobs of the upper and of every lower layer (shared ones are counted once by {@link ContentAccounting}). */
    @Override
    public void forEachBlob(Consumer<Blob> sink) {
        upper.forEachBlob(sink);
        for (Layer layer : layersBottomFirst) {
            layer.forEachBlob(sink);
        }
    }

    /** Only the writable layer's blobs: what this container adds on top of its image. */
    public void forEachUpperBlob(Consumer<Blob> sink) { upper.forEachBlob(sink); }

    // ---- copy-up ---------------------------------------------------------------------------

    /** Makes sure the upper has every directory down to {@code dir}, copying metadata from the merged view. */
    private Node copyUpDirectories(FsPath dir) {
        Node current = upper;
        FsPath path = FsPath.ROOT;
        for (String segment : dir.segments()) {
            path = path.child(segment);
            Node child = current.children.get(segment);
            if (child == null || child.kind == EntryKind.WHITEOUT) {
                child = found(path).top().shallowCopy();
                child.opaque = false;
                current.children.put(segment, child);
            } else if (!child.isDirectory()) {
                throw new IllegalStateException("upper has a non-directory at " + path);
            }
            current = child;
        }
        return current;
    }

    /** The upper's node for an existing entry, copying it up (without children) if it lives below. */
    private Node copyUp(FsPath path) {
        if (path.isRoot()) {
            return upper;
        }
        Node parent = copyUpDirectories(path.parent());
        Node existing = parent.children.get(path.name());
        if (existing != null && existing.kind != EntryKind.WHITEOUT) {
            return existing;
        }
        Node copy = found(path).top().shallowCopy();
        copy.opaque = false;
        parent.children.put(path.name(), copy);
        return copy;
    }

    // ---- write primitives ------------------------------------------------------------------

    @Override
    protected void checkWritable(FsPath path, String shownPath) {
        // The upper is always writable; a read-only container root is a read-only mount of this.
    }

    @Override
    protected void putContent(FsPath path, Blob content) {
        UnionView.Resolution existing = view.resolve(path);
        long now = clockNanos.getAsLong();
        if (existing != null) {
            Node node = copyUp(path);
            node.content = content;
            node.mtimeNanos = now;
            return;
        }
        Node parent = copyUpDirectories(path.parent());
        parent.children.put(path.name(), Node.file(content, FsDefaults.FILE_MODE, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, now));
        parent.mtimeNanos = now;
    }

    @Override
    protected void makeDirectory(FsPath path) {
        long now = clockNanos.getAsLong();
        Node dir = Node.directory(FsDefaults.DIRECTORY_MODE, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, now);
        insert(path, dir, now);
    }

    @Override
    protected void makeSymlink(FsPath path, String target) {
        long now = clockNanos.getAsLong();
        insert(path, Node.symlink(target, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, now), now);
    }

    /** Puts a new entry at an absent path; a directory replacing a whiteout becomes opaque, as in overlayfs. */
    private void insert(FsPath path, Node node, long now) {
        Node parent = copyUpDirectories(path.parent());
        Node previous = parent.children.get(path.name());
        if (node.isDirectory() && previous != null && previous.kind == EntryKind.WHITEOUT) {
            node.opaque = true;
        }
        parent.children.put(path.name(), node);
        parent.mtimeNanos = now;
    }

    @Override
    protected void removeEntry(FsPath path) {
        Node parent = copyUpDirectories(path.parent());
        if (view.visibleBelow(path, UPPER)) {
            parent.children.put(path.name(), Node.whiteout());
        } else {
            parent.children.remove(path.name());
        }
        parent.mtimeNanos = clockNanos.getAsLong();
    }

    @Override
    protected void setAttributes(FsPath path, int mode, int uid, int gid, long mtimeNanos) {
        Node node = copyUp(path);
        node.mode = mode;
        node.uid = uid;
        node.gid = gid;
        node.mtimeNanos = mtimeNanos;
    }

    @Override
    protected void moveEntry(FsPath from, FsPath to) {
        Node moved = materialize(from, found(from), 0);
        removeEntry(from);
        long now = clockNanos.getAsLong();
        Node parent = copyUpDirectories(to.parent());
        // A moved directory is complete in the upper, so it must hide whatever is below its new path.
        moved.opaque = moved.isDirectory() && view.visibleBelow(to, UPPER);
        parent.children.put(to.name(), moved);
        parent.mtimeNanos = now;
    }

    /** A detached upper-style copy of the merged entry at {@code path}, sharing blobs. */
    private Node materialize(FsPath path, UnionView.Resolution r, int depth) {
        if (depth > FsWalk.MAX_DEPTH) {
            throw new IllegalStateException("tree deeper than " + FsWalk.MAX_DEPTH + " at " + path);
        }
        Node copy = r.top().shallowCopy();
        copy.opaque = false;
        if (copy.isDirectory()) {
            for (String name : view.list(r)) {
                FsPath child = path.child(name);
                copy.children.put(name, materialize(child, found(child), depth + 1));
            }
        }
        return copy;
    }
}
