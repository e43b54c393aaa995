package clusterlab.kernel.fs;

/**
 * The metadata Linux gives new entries when a root process with umask 022 creates them. Callers
 * that create as another user chown afterwards; the filesystems themselves know no credentials.
 */
public final class FsDefaults {
    /** 0666 &amp; ~022. */
    public static final int FILE_MODE = 0644;
    /** 0777 &amp; ~022. */
    public static final int DIRECTORY_MODE = 0755;
    /** Symlink permissions are always 0777 on Linux and never consulted. */
    public static final int SYMLINK_MODE = 0777;
    public static final int ROOT_UID = 0;
    public static final int ROOT_GID = 0;

    private FsDefaults() {}
}
