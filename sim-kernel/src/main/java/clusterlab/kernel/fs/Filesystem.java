package clusterlab.kernel.fs;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The view of a filesystem tree a simulated process works with (what the VFS offers through
 * system calls). Implemented by {@link MemoryFs}, {@link LayerFs}, {@link OverlayFs},
 * {@link BindFs} and {@link MountedFs}.
 *
 * <p>Paths are absolute strings; a process resolves its relative arguments against its cwd with
 * {@link FsPath#resolve} first. A relative path fails with EINVAL. Symlinks are followed in every
 * directory component and, except where a method says otherwise, in the last component;
 * absolute link targets are taken from this filesystem's root (the process's root). More than
 * {@link AbstractFs#MAX_SYMLINK_FOLLOWS} links in one lookup fail with ELOOP.
 *
 * <p>New files get {@link FsDefaults}: mode 0644 (directories 0755), owner root, mtime now on
 * the filesystem's virtual clock. Every failure is an {@link FsException} with a Linux errno.
 */
public interface Filesystem {

    /** Metadata of the file {@code path} names, following a final symlink ({@code stat(2)}). */
    FileStat stat(String path);

    /** Like {@link #stat} but a final symlink is described itself ({@code lstat(2)}). */
    FileStat lstat(String path);

    /** {@link #lstat}, or null where lstat would fail with ENOENT or ENOTDIR: nothing is there. */
    FileStat lstatOrNull(String path);

    /** Whether {@code stat} would succeed; a dangling symlink does not exist ({@code test -e}). */
    boolean exists(String path);

    /** The content of a regular file, shared and immutable. EISDIR for a directory. */
    Blob content(String path);

    /** A copy of the content of a regular file. */
    default byte[] readFile(String path) {
        return content(path).bytes();
    }

    default String readString(String path) {
        return content(path).utf8();
    }

    /**
     * Stores {@code content} as the file's content, creating the file if it does not exist (its
     * parent must) and keeping mode and owner if it does; a final symlink is followed, so writing
     * through a dangling link creates its target, as {@code open(O_CREAT)} does.
     */
    void writeContent(String path, Blob content);

    /** Writes {@code bytes}, truncating ({@code >}) or appending ({@code >>}). */
    default void writeFile(String path, byte[] bytes, boolean append) {
        Blob blob = append && exists(path) && stat(path).isRegularFile()
                ? content(path).append(bytes)
                : Blob.of(bytes);
        writeContent(path, blob);
    }

    default void writeString(String path, String text) {
        writeContent(path, Blob.ofUtf8(text));
    }

    default void appendString(String path, String text) {
        writeFile(path, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Creates one directory with mode 0755; EEXIST if anything (even a symlink) is there. */
    void mkdir(String path);

    /** {@code mkdir -p}: creates missing directories along the path; existing ones are fine. */
    void mkdirs(String path);

    /** The names in a directory, sorted, without {@code .} and {@code ..}. */
    List<String> list(String directory);

    /** Removes a file or symlink (not followed); EISDIR for a directory. */
    void unlink(String path);

    /** Removes an empty directory; ENOTEMPTY otherwise, ENOTDIR for a non-directory. */
    void rmdir(String path);

    /** {@code rm -rf} of one path: the entry and everything below it; a final symlink is removed, not followed. */
    void removeRecursive(String path);

    /** {@code rename(2)}: moves an entry, replacing a file or an empty directory at {@code to}. */
    void rename(String from, String to);

    /** Creates a symlink at {@code linkPath} holding {@code target} (not checked, may dangle). */
    void symlink(String target, String linkPath);

    /** The target text of a symlink; EINVAL if {@code path} is not one. */
    String readlink(String path);

    /** Sets the permission bits (masked to 07777); follows symlinks. */
    void chmod(String path, int mode);

    /** Sets the owner; follows symlinks. */
    void chown(String path, int uid, int gid);

    /** Sets the modification time, as {@code touch -d}; follows symlinks. */
    void setMtime(String path, long mtimeNanos);

    /** Like {@link #chown} but a final symlink itself is changed ({@code lchown(2)}). */
    void lchown(String path, int uid, int gid);

    /** Like {@link #setMtime} but a final symlink itself is changed ({@code touch -h}). */
    void lsetMtime(String path, long mtimeNanos);

    /** The path with every symlink, {@code .} and {@code ..} resolved ({@code realpath}); the file must exist. */
    String realpath(String path);

    /**
     * The path with the directory components resolved but the last one kept as it is: where
     * {@code lstat(path)} looks. The parent must exist.
     */
    default String realpathOfParent(String path) {
        FsPath p = FsPath.of(path);
        if (p.isRoot()) {
            return "/";
        }
        return FsPath.of(realpath(p.parent().toString())).child(p.name()).toString();
    }

    /**
     * The apparent size of a tree: the sum of the sizes of its files and symlinks ({@code du -sb}
     * without directory blocks), the measure Docker uses for layer and container sizes. A file
     * gives its own size; symlinks are not followed.
     */
    default long treeSizeBytes(String path) {
        return FsWalk.treeSizeBytes(this, FsPath.of(path));
    }

    /** Copies a file or a tree within this filesystem, keeping metadata; see {@link FsCopy}. */
    default void copy(String from, String to) {
        FsCopy.copy(this, from, this, to);
    }
}
