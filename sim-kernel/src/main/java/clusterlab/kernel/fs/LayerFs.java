package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of a stack of layers: an image's root filesystem as {@code docker image
 * inspect}/{@code docker export} would see it. Every change fails with EROFS.
 */
public final class LayerFs extends UnionFs {
    private final List<Layer> layersBottomFirst;

    /** @param layersBottomFirst the base layer first, as an image manifest lists them */
    public LayerFs(List<Layer> layersBottomFirst) {
        super(new UnionView(rootsTopFirst(layersBottomFirst)));
        this.layersBottomFirst = List.copyOf(layersBottomFirst);
    }

    public LayerFs(Layer layer) {
        this(List.of(layer));
    }

    static List<Node> rootsTopFirst(List<Layer> layersBottomFirst) {
        List<Node> roots = new ArrayList<>(layersBottomFirst.size() + 1);
        for (int i = layersBottomFirst.size() - 1; i >= 0; i--) {
            roots.add(layersBottomFirst.get(i).root());
        }
        if (roots.isEmpty()) {
            // No layers: an empty root directory, as a "FROM scratch" image has.
            roots.add(Layer.EMPTY.root());
        }
        return roots;
    }

    public List<Layer> layersBottomFirst() { return layersBottomFirst; }

    private static FsException readOnly(FsPath path) { return new FsException(Errno.EROFS, path.toString()); }

    @Override
    protected void checkWritable(FsPath path, String shownPath) { throw new FsException(Errno.EROFS, shownPath); }

    // checkWritable always refuses first, so these are reached only by a subclass bug; they refuse too.
    @Override protected void putContent(FsPath path, Blob content) { throw readOnly(path); }
    @Override protected void makeDirectory(FsPath path) { throw readOnly(path); }
    @Override protected void makeSymlink(FsPath path, String target) { throw readOnly(path); }
    @Override protected void removeEntry(FsPath path) { throw readOnly(path); }
    @Override protected void setAttributes(FsPath path, int mode, int uid, int gid, long mtimeNanos) { throw readOnly(path); }
    @Override protected void moveEntry(FsPath from, FsPath to) { throw readOnly(from); }
}
