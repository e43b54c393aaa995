package clusterlab.kernel.os;

import java.util.EnumSet;
import java.util.Set;

/** The set of namespaces a process lives in, one of each kind. */
public record Namespaces(
        CgroupNamespace cgroup,
        IpcNamespace ipc,
        MountNamespace mnt,
        NetNamespace net,
        PidNamespace pid,
        UserNamespace user,
        UtsNamespace uts) {

    public Namespace get(NamespaceKind kind) {
        return switch (kind) {
            case CGROUP -> cgroup;
            case IPC -> ipc;
            case MNT -> mnt;
            case NET -> net;
            case PID -> pid;
            case USER -> user;
            case UTS -> uts;
        };
    }

    /** The kinds in which this set differs from {@code other}. */
    public Set<NamespaceKind> differencesFrom(Namespaces other) {
        Set<NamespaceKind> out = EnumSet.noneOf(NamespaceKind.class);
        for (NamespaceKind k : NamespaceKind.values()) {
            if (get(k) != other.get(k)) {
                out.add(k);
            }
        }
        return out;
    }

    public Namespaces withCgroup(CgroupNamespace ns) {
        return new Namespaces(ns, ipc, mnt, net, pid, user, uts);
    }

    public Namespaces withIpc(IpcNamespace ns) {
        return new Namespaces(cgroup, ns, mnt, net, pid, user, uts);
    }

    public Namespaces withMnt(MountNamespace ns) {
        return new Namespaces(cgroup, ipc, ns, net, pid, user, uts);
    }

    public Namespaces withNet(NetNamespace ns) {
        return new Namespaces(cgroup, ipc, mnt, ns, pid, user, uts);
    }

    public Namespaces withPid(PidNamespace ns) {
        return new Namespaces(cgroup, ipc, mnt, net, ns, user, uts);
    }

    public Namespaces withUser(UserNamespace ns) {
        return new Namespaces(cgroup, ipc, mnt, net, pid, ns, uts);
    }

    public Namespaces withUts(UtsNamespace ns) {
        return new Namespaces(cgroup, ipc, mnt, net, pid, user, ns);
    }
}
