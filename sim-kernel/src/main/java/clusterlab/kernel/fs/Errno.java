package clusterlab.kernel.fs;

/**
 * The Linux error numbers the simulated kernel raises (filesystems, processes, sockets), with the exact text of
 * {@code strerror(3)} so that programs built on them print what a real shell prints.
 */
public enum Errno {
    EPERM(1, "Operation not permitted"),
    ENOENT(2, "No such file or directory"),
    EACCES(13, "Permission denied"),
    EBUSY(16, "Device or resource busy"),
    EEXIST(17, "File exists"),
    EXDEV(18, "Invalid cross-device link"),
    ENOTDIR(20, "Not a directory"),
    EISDIR(21, "Is a directory"),
    EINVAL(22, "Invalid argument"),
    EROFS(30, "Read-only file system"),
    ENOTEMPTY(39, "Directory not empty"),
    ELOOP(40, "Too many levels of symbolic links"),
    // Process, memory and network errors of the simulated kernel share the one errno space.
    ESRCH(3, "No such process"),
    EINTR(4, "Interrupted system call"),
    ENOEXEC(8, "Exec format error"),
    ECHILD(10, "No child processes"),
    EAGAIN(11, "Resource temporarily unavailable"),
    ENOMEM(12, "Cannot allocate memory"),
    ENOSPC(28, "No space left on device"),
    EADDRINUSE(98, "Address already in use"),
    ETIMEDOUT(110, "Connection timed out"),
    ECONNREFUSED(111, "Connection refused"),
    EHOSTUNREACH(113, "No route to host");

    private final int number;
    private final String text;

    Errno(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /** The numeric value on x86-64 Linux, for exit codes and traces. */
    public int number() { return number; }

    /** The {@code strerror} text, e.g. {@code "No such file or directory"}. */
    public String text() { return text; }
}
