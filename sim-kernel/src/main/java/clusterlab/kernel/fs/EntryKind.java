package clusterlab.kernel.fs;

/**
 * What a layer or an overlay's upper directory can hold at a path: the three visible file types
 * plus the whiteout, overlayfs's marker that the path is deleted in the layers below (a 0/0
 * character device on disk, a {@code .wh.<name>} entry in a Docker layer tarball).
 */
public enum EntryKind {
    DIRECTORY(FileType.DIRECTORY),
    REGULAR_FILE(FileType.REGULAR_FILE),
    SYMLINK(FileType.SYMLINK),
    WHITEOUT(null);

    private final FileType fileType;

    EntryKind(FileType fileType) {
        this.fileType = fileType;
    }

    /** The type a process sees, or null for a whiteout, which a process never sees. */
    public FileType fileType() { return fileType; }
}
