package clusterlab.kernel.fs;

import java.util.Objects;

/**
 * A subtree of another filesystem seen as a filesystem of its own: the source of a bind mount
 * ({@code -v /host/dir:/in/container}, {@code --mount type=bind,source=/etc/hostname,...}).
 *
 * <p>The source may be a directory or a single file; for a file this view's root is that file.
 * Changes go through to the source and changes of the source show here at once. The source
 * path is resolved once, when the view is made, as {@code mount(2)} does; unlike a real bind
 * mount this view follows the path, not the inode, so a file replaced at that path shows its
 * new content.
 */
public final class BindFs extends DelegatingFs {
    private final Filesystem source;
    private final FsPath sourceRoot;

    /** @throws FsException ENOENT if {@code sourcePath} does not exist */
    public BindFs(Filesystem source, String sourcePath) {
        this.source = Objects.requireNonNull(source, "source");
        this.sourceRoot = FsPath.of(source.realpath(sourcePath));
    }

    public Filesystem source() { return source; }

    public String sourcePath() { return sourceRoot.toString(); }

    @Override
    Target target(FsPath path) {
        return new Target(source, sourceRoot.append(path).toString(), false);
    }
}
