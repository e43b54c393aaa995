package clusterlab.kernel.os;

import clusterlab.kernel.fs.Filesystem;

/**
 * A mount namespace: the filesystem tree its processes see from {@code /}. For the host that is the
 * machine's disk with {@code /proc} on top; for a container, an overlay of its image's layers with
 * its bind mounts and volumes, assembled by the container engine.
 */
public final class MountNamespace extends Namespace {
    private final Filesystem root;

    MountNamespace(long inode, Filesystem root) {
        super(NamespaceKind.MNT, inode);
        this.root = root;
    }

    /** The tree seen from / by processes in this namespace. */
    public Filesystem root() {
        return root;
    }
}
