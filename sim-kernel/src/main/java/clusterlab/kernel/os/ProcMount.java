package clusterlab.kernel.os;

import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.MountTable;
import clusterlab.kernel.fs.MountedFs;

/** Puts a /proc on top of a root tree, the way an init system mounts procfs at boot. */
final class ProcMount {
    private ProcMount() {}

    static Filesystem over(Filesystem root, ProcFs proc) {
        MountTable table = root instanceof MountedFs mounted ? mounted.table().copy() : new MountTable(root);
        if (!root.exists("/proc")) {
            try {
                root.mkdirs("/proc");
            } catch (RuntimeException readOnlyRoot) {
                // a read-only root without /proc: the mount point is virtual, the mount still works
            }
        }
        boolean procMounted = table.mounts().stream().anyMatch(m -> m.target().toString().equals("/proc"));
        if (procMounted) {
            table.unmount("/proc"); // a new PID namespace gets its own /proc in place of the old one
        }
        table.mount("/proc", proc, false);
        return new MountedFs(table);
    }
}
