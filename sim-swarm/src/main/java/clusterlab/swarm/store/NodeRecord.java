package clusterlab.swarm.store;

import java.util.TreeMap;

/** One node of the swarm as the replicated store knows it (SwarmKit's api.Node, reduced). */
public final class NodeRecord {
    public final String id;
    public final long raftId;
    public final String hostname;
    public final String addr;
    /** {@link #addr} parsed once (heartbeats hand it out constantly). */
    public final clusterlab.kernel.net.Ipv4 ip;
    public final String engineVersion;
    public final long createdNanos;
    /** The node's description: CPUs and memory as its engine reported them when it joined. */
    public final int cpus;
    public final long memoryBytes;
    public String role;
    public String availability = "active";
    public String status = "ready";
    public long updatedNanos;
    public final TreeMap<String, String> labels = new TreeMap<>();

    NodeRecord(String id, long raftId, String hostname, String addr, String engineVersion, String role,
               long createdNanos, int cpus, long memoryBytes) {
        this.cpus = cpus;
        this.memoryBytes = memoryBytes;
        this.id = id;
        this.raftId = raftId;
        this.hostname = hostname;
        this.addr = addr;
        this.ip = clusterlab.kernel.net.Ipv4.parse(addr);
        this.engineVersion = engineVersion;
        this.role = role;
        this.createdNanos = createdNanos;
        this.updatedNanos = createdNanos;
    }

    public boolean isManager() {
        return "manager".equals(role);
    }
}
