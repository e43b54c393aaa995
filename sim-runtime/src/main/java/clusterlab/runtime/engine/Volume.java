package clusterlab.runtime.engine;

/**
 * A named or anonymous volume of the local driver: a directory on the host's disk under
 * {@code /var/lib/docker/volumes/<name>/_data}.
 */
public record Volume(String name, String driver, String mountpoint, long createdNanos, boolean anonymous) {
    static Volume local(String name, long createdNanos, boolean anonymous) {
        return new Volume(name, "local", "/var/lib/docker/volumes/" + name + "/_data", createdNanos, anonymous);
    }
}
