package clusterlab.kernel.os;

/** Who a process runs as: uid and gid as seen inside its user namespace. */
public record Credentials(int uid, int gid) {
    public static final Credentials ROOT = new Credentials(0, 0);

    public Credentials {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("negative uid/gid: " + uid + "/" + gid);
        }
    }

    public boolean isRoot() {
        return uid == 0;
    }
}
