package clusterlab.kernel.fs;

/** The kinds of file a process can see; whiteouts never reach a process, see {@link EntryKind}. */
public enum FileType {
    DIRECTORY('d', 0040000),
    REGULAR_FILE('-', 0100000),
    SYMLINK('l', 0120000);

    private final char lsLetter;
    private final int formatBits;

    FileType(char lsLetter, int formatBits) {
        this.lsLetter = lsLetter;
        this.formatBits = formatBits;
    }

    /** The first character of an {@code ls -l} mode column. */
    public char lsLetter() { return lsLetter; }

    /** The {@code S_IFMT} bits of {@code st_mode} (S_IFDIR, S_IFREG, S_IFLNK). */
    public int formatBits() { return formatBits; }
}
