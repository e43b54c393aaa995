package clusterlab.kernel.os;

import clusterlab.kernel.fs.Errno;

/** A failed simulated system call: an errno and, optionally, what it was about. */
public final class OsException extends RuntimeException {
    private final Errno errno;

    public OsException(Errno errno) {
        super(errno.text());
        this.errno = errno;
    }

    public OsException(Errno errno, String detail) {
        super(detail + ": " + errno.text());
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}
