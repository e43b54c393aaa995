package clusterlab.kernel.os;

import clusterlab.kernel.fs.Errno;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A PID namespace. Namespaces nest: a process has a pid in its own namespace and in every ancestor,
 * so the host sees a container's {@code top} as pid 2514 while the container sees it as pid 1.
 * Pid 1 of a namespace is its init: when it dies, every other process of the namespace is killed.
 */
public final class PidNamespace extends Namespace {
    /** Linux's default pid_max on 64-bit machines (/proc/sys/kernel/pid_max). */
    public static final int PID_MAX = 4_194_304;

    private final PidNamespace parent;
    private final int level;
    private final TreeMap<Integer, Process> byPid = new TreeMap<>();
    private int lastPid;
    private Process init;

    PidNamespace(long inode, PidNamespace parent) {
        super(NamespaceKind.PID, inode);
        this.parent = parent;
        this.level = parent == null ? 0 : parent.level + 1;
    }

    public PidNamespace parent() {
        return parent;
    }

    /** 0 for the machine's initial namespace, 1 for a container's, and so on. */
    public int level() {
        return level;
    }

    /** The namespace's pid 1, or null before it starts or after it dies. */
    public Process init() {
        return init;
    }

    /** Processes visible in this namespace by their pid here (it includes descendants' processes). */
    public SortedMap<Integer, Process> processes() {
        return Collections.unmodifiableSortedMap(byPid);
    }

    public Process process(int pid) {
        return byPid.get(pid);
    }

    /** True if {@code other} is this namespace or nested inside it. */
    public boolean contains(PidNamespace other) {
        for (PidNamespace ns = other; ns != null; ns = ns.parent) {
            if (ns == this) {
                return true;
            }
        }
        return false;
    }

    /** Next free pid, sequential and wrapping at pid_max as Linux allocates them. */
    int allocate() {
        for (int tries = 0; tries < PID_MAX; tries++) {
            lastPid = lastPid >= PID_MAX - 1 ? (level == 0 ? 300 : 2) : lastPid + 1;
            if (!byPid.containsKey(lastPid)) {
                return lastPid;
            }
        }
        throw new OsException(Errno.EAGAIN, "no free pid");
    }

    void register(int pid, Process p) {
        byPid.put(pid, p);
        if (pid == 1) {
            init = p;
        }
    }

    void unregister(int pid) {
        Process p = byPid.remove(pid);
        if (p != null && p == init) {
            init = null;
        }
    }
}
