package clusterlab.kernel.fs;

import java.util.List;

/**
 * A filesystem that forwards each canonical path to a path of another filesystem: the common
 * part of {@link BindFs} and {@link MountedFs}. Resolution happens here, in this view's
 * namespace, so the delegate only ever sees symlink-free paths.
 */
abstract class DelegatingFs extends AbstractFs {
    /** Where a path of this view lives. */
    record Target(Filesystem fs, String path, boolean readOnly) {}

    abstract Target target(FsPath path);

    @Override
    protected FileStat lookup(FsPath path) {
        Target t = target(path);
        return t.fs().lstatOrNull(t.path());
    }

    @Override
    protected String readSymlink(FsPath path) {
        Target t = target(path);
        return t.fs().readlink(t.path());
    }

    @Override
    protected Blob readContent(FsPath path) {
        Target t = target(path);
        return t.fs().content(t.path());
    }

    @Override
    protected List<String> listNames(FsPath path) {
        Target t = target(path);
        return t.fs().list(t.path());
    }

    @Override
    protected void putContent(FsPath path, Blob content) {
        Target t = target(path);
        t.fs().writeContent(t.path(), content);
    }

    @Override
    protected void makeDirectory(FsPath path) {
        Target t = target(path);
        t.fs().mkdir(t.path());
    }

    @Override
    protected void makeSymlink(FsPath path, String linkTarget) {
        Target t = target(path);
        t.fs().symlink(linkTarget, t.path());
    }

    @Override
    protected void removeEntry(FsPath path) {
        Target t = target(path);
        t.fs().removeRecursive(t.path());
    }

    @Override
    protected void setAttributes(FsPath path, int mode, int uid, int gid, long mtimeNanos) {
        Target t = target(path);
        FileStat now = t.fs().lstat(t.path());
        // Only the attributes that differ, so that a chmod does not also rewrite the owner or mtime below;
        // the l-variants because the path is final here (it may name a symlink itself).
        if (now.mode() != mode) {
            t.fs().chmod(t.path(), mode);
        }
        if (now.uid() != uid || now.gid() != gid) {
            t.fs().lchown(t.path(), uid, gid);
        }
        if (now.mtimeNanos() != mtimeNanos) {
            t.fs().lsetMtime(t.path(), mtimeNanos);
        }
    }

    @Override
    protected void moveEntry(FsPath from, FsPath to) {
        Target source = target(from);
        Target destination = target(to);
        if (source.fs() != destination.fs()) {
            throw new FsException(Errno.EXDEV, to.toString());
        }
        source.fs().rename(source.path(), destination.path());
    }

    @Override
    protected void checkWritable(FsPath path, String shownPath) {
        if (target(path).readOnly()) {
            throw new FsException(Errno.EROFS, shownPath);
        }
    }
}
