package clusterlab.kernel.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code cp -a} between any two filesystems (or within one): files, directories and symlinks
 * with their mode, owner and mtime; symlinks are copied as links, not followed. Content blobs are
 * shared, so a copy costs no content bytes. The basis of {@code docker cp}, the builder's COPY
 * and populating a new volume from an image.
 */
public final class FsCopy {
    private FsCopy() {}

    /**
     * Copies the entry at {@code srcPath} to exactly {@code dstPath} (whose parent must exist).
     * An existing directory at the destination is merged into; an existing file is overwritten.
     */
    public static void copy(Filesystem src, String srcPath, Filesystem dst, String dstPath) {
        FsPath from = FsPath.of(src.realpathOfParent(srcPath));
        FsPath to = FsPath.of(dstPath);
        if (src == dst && to.startsWith(from) && !to.equals(from)) {
            throw new FsException(Errno.EINVAL, dstPath);
        }
        // Collect first so that copying into a subtree of the source cannot feed itself.
        List<FsPath> sources = new ArrayList<>();
        FsWalk.walk(src, from, (path, stat) -> sources.add(path));
        List<FsPath> directories = new ArrayList<>();
        for (FsPath source : sources) {
            String s = source.toString();
            String d = to.append(source.relativeTo(from)).toString();
            FileStat stat = src.lstat(s);
            switch (stat.type()) {
                case DIRECTORY -> {
                    FileStat existing = dst.lstatOrNull(d);
                    if (existing == null) {
                        dst.mkdir(d);
                    } else if (!existing.isDirectory()) {
                        throw new FsException(Errno.ENOTDIR, d);
                    }
                    directories.add(source);
                }
                case REGULAR_FILE -> {
                    dst.writeContent(d, src.content(s));
                    applyAttributes(dst, d, stat);
                }
                case SYMLINK -> {
                    if (dst.lstatOrNull(d) != null) {
                        dst.unlink(d);
                    }
                    dst.symlink(src.readlink(s), d);
                    dst.lchown(d, stat.uid(), stat.gid());
                    dst.lsetMtime(d, stat.mtimeNanos());
                }
            }
        }
        // Directory attributes last, deepest first: creating entries inside would change the mtimes again.
        for (int i = directories.size() - 1; i >= 0; i--) {
            FsPath source = directories.get(i);
            applyAttributes(dst, to.append(source.relativeTo(from)).toString(), src.lstat(source.toString()));
        }
    }

    private static void applyAttributes(Filesystem dst, String path, FileStat stat) {
        dst.chmod(path, stat.mode());
        dst.chown(path, stat.uid(), stat.gid());
        dst.setMtime(path, stat.mtimeNanos());
    }
}
