package clusterlab.runtime.engine;

import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Subnet;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Docker network of one engine: the default {@code bridge} on {@code docker0}, {@code host},
 * {@code none}, or a user-defined bridge. A bridge hands out addresses from its subnet, the
 * gateway (.1) being the host's address on it.
 */
public final class EngineNetwork {
    private final String id;
    private final String name;
    private final String driver;
    private final Subnet subnet;
    private final String bridgeName;
    private final long createdNanos;
    private final boolean userDefined;
    /** {@code local}, or {@code swarm} for the swarm's overlay networks (ingress). */
    private final String scope;
    /** Address -> container id, sorted by address. */
    private final TreeMap<Ipv4, String> leases = new TreeMap<>();

    EngineNetwork(String id, String name, String driver, Subnet subnet, String bridgeName, long createdNanos,
            boolean userDefined) {
        this(id, name, driver, subnet, bridgeName, createdNanos, userDefined, "local");
    }

    EngineNetwork(String id, String name, String driver, Subnet subnet, String bridgeName, long createdNanos,
            boolean userDefined, String scope) {
        this.scope = scope;
        this.id = id;
        this.name = name;
        this.driver = driver;
        this.subnet = subnet;
        this.bridgeName = bridgeName;
        this.createdNanos = createdNanos;
        this.userDefined = userDefined;
    }

    /** {@code docker network ls}'s SCOPE: local, or swarm for an overlay. */
    public String scope() {
        return scope;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** bridge, host or null (the API's name for "none"). */
    public String driver() {
        return driver;
    }

    public Subnet subnet() {
        return subnet;
    }

    public Ipv4 gateway() {
        return subnet == null ? null : subnet.address(1);
    }

    public String bridgeName() {
        return bridgeName;
    }

    public long createdNanos() {
        return createdNanos;
    }

    /** User-defined bridges resolve container names; the default bridge does not. */
    public boolean isUserDefined() {
        return userDefined;
    }

    public boolean isBridge() {
        return driver.equals("bridge");
    }

    /** Containers attached, by address. */
    public SortedMap<Ipv4, String> leases() {
        return Collections.unmodifiableSortedMap(leases);
    }

    /** The lowest free address after the gateway, as Docker's IPAM hands them out. */
    Ipv4 lease(String containerId) {
        long size = subnet.size();
        for (long i = 2; i < size - 1 && i < 1 << 20; i++) {
            Ipv4 candidate = subnet.address(i);
            if (!leases.containsKey(candidate)) {
                leases.put(candidate, containerId);
                return candidate;
            }
        }
        throw EngineException.server("no available IPv4 addresses on this network's address pools: "
                + name + " (" + id + ")");
    }

    void release(Ipv4 ip) {
        leases.remove(ip);
    }
}
