package clusterlab.kernel.os;

/**
 * A cgroup namespace: its root is the cgroup the namespace was created in, so a containerized
 * process reads {@code 0::/} in {@code /proc/self/cgroup} while the host sees the full path.
 */
public final class CgroupNamespace extends Namespace {
    private final Cgroup root;

    CgroupNamespace(long inode, Cgroup root) {
        super(NamespaceKind.CGROUP, inode);
        this.root = root;
    }

    public Cgroup root() {
        return root;
    }

    /** The path of {@code group} as seen from inside this namespace. */
    public String relativePath(Cgroup group) {
        String base = root.path();
        String p = group.path();
        if (base.equals("/")) {
            return p;
        }
        if (p.equals(base)) {
            return "/";
        }
        if (p.startsWith(base + "/")) {
            return p.substring(base.length());
        }
        // Outside our subtree: Linux shows it relative with ../ components; keep the full path visible.
        return "/.." + p;
    }
}
