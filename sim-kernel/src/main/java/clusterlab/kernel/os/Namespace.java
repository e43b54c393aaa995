package clusterlab.kernel.os;

/**
 * A Linux namespace: an isolated view of one global resource. Identified, as in Linux, by an
 * inode number that {@code /proc/<pid>/ns/<kind>} shows; processes share a namespace exactly when
 * those numbers are equal.
 */
public abstract class Namespace {
    private final NamespaceKind kind;
    private final long inode;

    protected Namespace(NamespaceKind kind, long inode) {
        this.kind = kind;
        this.inode = inode;
    }

    public final NamespaceKind kind() {
        return kind;
    }

    public final long inode() {
        return inode;
    }

    /** The link text of {@code /proc/<pid>/ns/<kind>}, e.g. {@code pid:[4026531836]}. */
    public final String linkText() {
        return kind.procName() + ":[" + inode + "]";
    }

    @Override
    public String toString() {
        return linkText();
    }
}
