package clusterlab.kernel.fs;

import java.util.Objects;

/**
 * What {@code stat(2)} tells about a file.
 *
 * @param mode permission bits only (the low 12 bits: setuid, setgid, sticky, rwx); the type is
 *     {@link #type}; {@link #stMode()} combines both as Linux's {@code st_mode}
 * @param sizeBytes content length for a regular file, target length for a symlink and
 *     {@link #DIRECTORY_SIZE_BYTES} for a directory, as {@code ls -l} shows on ext4
 */
public record FileStat(FileType type, int mode, int uid, int gid, long sizeBytes, long mtimeNanos) {
    /** What ext4 reports for a directory that fits in one block; {@code ls -l} shows it. */
    public static final long DIRECTORY_SIZE_BYTES = 4096;
    /** The permission bits {@code chmod} may set. */
    public static final int PERMISSION_MASK = 07777;

    public FileStat {
        Objects.requireNonNull(type, "type");
        if ((mode & ~PERMISSION_MASK) != 0) {
            throw new IllegalArgumentException("mode has bits outside 07777: " + Integer.toOctalString(mode));
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size " + sizeBytes);
        }
    }

    public boolean isDirectory() { return type == FileType.DIRECTORY; }
    public boolean isRegularFile() { return type == FileType.REGULAR_FILE; }
    public boolean isSymlink() { return type == FileType.SYMLINK; }

    /** Linux's {@code st_mode}: type bits | permission bits, e.g. {@code 0100644}. */
    public int stMode() { return type.formatBits() | mode; }

    /** The mode column of {@code ls -l}, e.g. {@code drwxr-xr-x}, {@code drwxrwxrwt} for /tmp. */
    public String modeString() {
        StringBuilder s = new StringBuilder(10).append(type.lsLetter());
        appendTriplet(s, mode >> 6, (mode & 04000) != 0, 's');
        appendTriplet(s, mode >> 3, (mode & 02000) != 0, 's');
        appendTriplet(s, mode, (mode & 01000) != 0, 't');
        return s.toString();
    }

    private static void appendTriplet(StringBuilder s, int bits, boolean special, char specialLetter) {
        s.append((bits & 4) != 0 ? 'r' : '-');
        s.append((bits & 2) != 0 ? 'w' : '-');
        boolean exec = (bits & 1) != 0;
        if (special) {
            s.append(exec ? specialLetter : Character.toUpperCase(specialLetter));
        } else {
            s.append(exec ? 'x' : '-');
        }
    }
}
