package clusterlab.kernel.fs;

import java.util.Objects;

/**
 * A failed filesystem call: the errno and the path the caller named.
 *
 * <p>Unchecked because nearly every caller (a simulated program) turns it into an error line and
 * an exit status rather than recovering; forcing a {@code throws} on every path would only add
 * noise. {@link #getMessage()} is {@code "<path>: <strerror text>"}, the shape coreutils and
 * busybox print after the program name; {@link #reason()} is the bare Linux text.
 */
public final class FsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final String path;

    public FsException(Errno errno, String path) {
        super(path + ": " + errno.text());
        this.errno = Objects.requireNonNull(errno, "errno");
        this.path = Objects.requireNonNull(path, "path");
    }

    public Errno errno() { return errno; }

    /** The path as the caller wrote it (not resolved), as Linux tools echo it back. */
    public String path() { return path; }

    /** The Linux text alone, e.g. {@code "Read-only file system"}. */
    public String reason() { return errno.text(); }
}
