package clusterlab.kernel.os;

import java.util.List;

/**
 * User and group id mappings. A process that is root (0) inside a user namespace is an
 * unprivileged user outside it: the mapping says which one ({@code /proc/<pid>/uid_map}).
 */
public final class UserNamespace extends Namespace {
    /** One line of uid_map/gid_map: ids [inside, inside+count) map to [outside, outside+count). */
    public record IdMapping(long inside, long outside, long count) {
        public IdMapping {
            if (count <= 0) {
                throw new IllegalArgumentException("id mapping count must be positive");
            }
        }

        /** The uid_map line as the kernel prints it. */
        public String line() {
            return String.format(java.util.Locale.ROOT, "%10d %10d %10d", inside, outside, count);
        }
    }

    /** The initial namespace maps every id to itself. */
    static final IdMapping IDENTITY = new IdMapping(0, 0, 4294967295L);

    private final UserNamespace parent;
    private final List<IdMapping> uidMap;
    private final List<IdMapping> gidMap;

    UserNamespace(long inode, UserNamespace parent, List<IdMapping> uidMap, List<IdMapping> gidMap) {
        super(NamespaceKind.USER, inode);
        this.parent = parent;
        this.uidMap = List.copyOf(uidMap);
        this.gidMap = List.copyOf(gidMap);
    }

    public UserNamespace parent() {
        return parent;
    }

    public List<IdMapping> uidMap() {
        return uidMap;
    }

    public List<IdMapping> gidMap() {
        return gidMap;
    }

    /** The host (initial namespace) uid for a uid inside this namespace, or -1 (overflow uid 65534 in ps). */
    public long hostUid(long uid) {
        long id = uid;
        for (UserNamespace ns = this; ns.parent != null; ns = ns.parent) {
            id = map(ns.uidMap, id);
            if (id < 0) {
                return -1;
            }
        }
        return id;
    }

    private static long map(List<IdMapping> mappings, long id) {
        for (IdMapping m : mappings) {
            if (id >= m.inside() && id < m.inside() + m.count()) {
                return m.outside() + (id - m.inside());
            }
        }
        return -1;
    }
}
