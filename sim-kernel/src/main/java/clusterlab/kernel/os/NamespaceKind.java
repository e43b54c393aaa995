package clusterlab.kernel.os;

/**
 * The namespace types of Linux, named as {@code /proc/<pid>/ns/} names them, with the inode numbers
 * the initial namespaces have on a typical kernel (so the host's {@code readlink /proc/1/ns/pid}
 * says {@code pid:[4026531836]} as on a real machine).
 */
public enum NamespaceKind {
    CGROUP("cgroup", 4026531835L),
    IPC("ipc", 4026531839L),
    MNT("mnt", 4026531841L),
    NET("net", 4026531840L),
    PID("pid", 4026531836L),
    USER("user", 4026531837L),
    UTS("uts", 4026531838L);

    private final String procName;
    private final long initialInode;

    NamespaceKind(String procName, long initialInode) {
        this.procName = procName;
        this.initialInode = initialInode;
    }

    /** The file name under {@code /proc/<pid>/ns/}. */
    public String procName() {
        return procName;
    }

    long initialInode() {
        return initialInode;
    }
}
