package clusterlab.kernel.fs;

import java.util.List;

/** The read primitives shared by {@link LayerFs} and {@link OverlayFs}: everything comes from a {@link UnionView}. */
abstract class UnionFs extends AbstractFs {
    final UnionView view;

    UnionFs(UnionView view) {
        this.view = view;
    }

    final UnionView.Resolution found(FsPath path) {
        UnionView.Resolution r = view.resolve(path);
        if (r == null) {
            throw new IllegalStateException("primitive called on a missing path " + path);
        }
        return r;
    }

    @Override
    protected FileStat lookup(FsPath path) {
        UnionView.Resolution r = view.resolve(path);
        return r == null ? null : r.top().stat();
    }

    @Override
    protected String readSymlink(FsPath path) { return found(path).top().target; }

    @Override
    protected Blob readContent(FsPath path) { return found(path).top().content; }

    @Override
    protected List<String> listNames(FsPath path) { return view.list(found(path)); }
}
