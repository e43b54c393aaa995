package clusterlab.swarm.manager;

import clusterlab.swarm.gossip.GossipConfig;
import clusterlab.swarm.gossip.GossipDriver;

import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.Host;
import clusterlab.swarm.raft.Command;
import clusterlab.swarm.raft.Entry;
import clusterlab.swarm.raft.RaftConfig;
import clusterlab.swarm.raft.RaftDriver;
import clusterlab.swarm.raft.Snapshot;
import clusterlab.swarm.store.ClusterStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * Everything the swarm nodes of one simulated cluster share: the Raft driver that runs the managers'
 * consensus, each manager's copy of the store (keyed by Raft id) and the node components by host.
 */
public final class SwarmCluster implements RaftDriver.Application {
    /** Where the swarm component answers on each host (the CLI finds it there, as dockerd's API). */
    public static final String CONTROL_SOCKET = "/var/run/docker/swarm/control.sock";

    private final Cluster cluster;
    private final RaftDriver driver;
    private final GossipDriver gossip;
    private final java.util.TreeSet<String> gossiping = new java.util.TreeSet<>();
    private final TreeMap<Long, ClusterStore> stores = new TreeMap<>();
    private final TreeMap<Long, SwarmNode> byRaft = new TreeMap<>();
    private final LinkedHashMap<String, SwarmNode> byHost = new LinkedHashMap<>();

    public SwarmCluster(Cluster cluster, RaftConfig template, long tickNanos) {
        this.cluster = cluster;
        this.driver = new RaftDriver(cluster.network(), cluster.transport(), template, tickNanos, this);
        this.gossip = new GossipDriver(cluster.network(), cluster.transport(), GossipConfig.lan());
        driver.setBootGate(id -> {
            SwarmNode node = byRaft.get(id);
            return node == null || !node.bootsLocked();
        });
    }

    /** The gossip layer among all swarm nodes (networkdb's memberlist): the network control plane. */
    public GossipDriver gossip() {
        return gossip;
    }

    /** A node entered the swarm: it joins the gossip through the managers it knows. */
    void joinGossip(SwarmNode node, List<clusterlab.kernel.net.Ipv4> knownManagers) {
        String name = node.host().name();
        if (!gossiping.add(name)) {
            return; // already a member; after a restart the driver rejoins it by itself
        }
        List<String> seeds = new java.util.ArrayList<>();
        for (clusterlab.kernel.net.Ipv4 ip : knownManagers) {
            var m = cluster.network().machineAt(ip);
            if (m != null && !m.name().equals(name)) {
                seeds.add(m.name());
            }
        }
        gossip.addNode(node.host().machine(), seeds);
    }

    /** Adds the swarm component to a host (once per host). */
    public SwarmNode attach(Host host, clusterlab.runtime.engine.Engine engine) {
        SwarmNode n = new SwarmNode(this, host, engine);
        byHost.put(host.name(), n);
        return n;
    }

    public Cluster cluster() {
        return cluster;
    }

    public RaftDriver driver() {
        return driver;
    }

    public SwarmNode node(String hostName) {
        return byHost.get(hostName);
    }

    public List<SwarmNode> nodes() {
        return List.copyOf(byHost.values());
    }

    SwarmNode byRaftId(long raftId) {
        return byRaft.get(raftId);
    }

    ClusterStore store(long raftId) {
        return stores.get(raftId);
    }

    /** Starts Raft for a manager on its host (bootstrap with itself, or joining an existing group). */
    void startRaft(SwarmNode node, long raftId, boolean bootstrap) {
        byRaft.put(raftId, node);
        if (!driver.hasNode(raftId)) {
            stores.putIfAbsent(raftId, new ClusterStore());
            driver.addNode(raftId, node.host().machine(), bootstrap ? List.of(raftId) : List.of());
        }
    }

    @Override
    public void apply(long node, Entry entry) {
        ClusterStore store = stores.computeIfAbsent(node, k -> new ClusterStore());
        if (entry.command() instanceof Command.Data d) {
            store.apply(d.value(), cluster.simulation().now());
            applySnapshotInterval(node, store);
        }
        SwarmNode sn = byRaft.get(node);
        if (sn != null) {
            sn.applied(entry);
        }
    }

    @Override
    public String snapshot(long node) {
        ClusterStore s = stores.get(node);
        return s == null ? "" : s.encode();
    }

    @Override
    public void restore(long node, Snapshot snapshot) {
        ClusterStore store = ClusterStore.decode(snapshot.data(), cluster.simulation().now());
        stores.put(node, store);
        applySnapshotInterval(node, store);
    }

    /**
     * The cluster spec's snapshot interval reaches the member's Raft core once the spec sets one
     * other than SwarmKit's default (until then the driver's template decides, as tests set it).
     */
    private void applySnapshotInterval(long node, ClusterStore store) {
        var core = driver.core(node);
        boolean specSetsIt = store.snapshotInterval() != ClusterStore.DEFAULT_SNAPSHOT_INTERVAL
                || core != null && core.snapshotInterval() != core.config().snapshotInterval();
        if (core != null && specSetsIt && core.snapshotInterval() != store.snapshotInterval()) {
            core.setSnapshotInterval(store.snapshotInterval());
        }
    }
}
