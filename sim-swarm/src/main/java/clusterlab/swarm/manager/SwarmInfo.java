package clusterlab.swarm.manager;

import clusterlab.kernel.net.Ipv4;
import clusterlab.runtime.cli.format.HumanDuration;
import clusterlab.swarm.raft.RaftConfig;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import java.util.TreeSet;

/**
 * The "Swarm:" section of {@code docker info} (Docker 18.09's layout): the state, then for a
 * manager the cluster's counts and settings as its store and Raft see them, and for every node
 * its address and the managers it knows.
 */
final class SwarmInfo {
    private SwarmInfo() {
    }

    static String render(SwarmNode node) {
        if (!node.inSwarm()) {
            return "inactive\n";
        }
        if (node.locked()) {
            return "locked\n"; // docker info shows nothing more of a locked node
        }
        StringBuilder b = new StringBuilder("active\n");
        b.append("  NodeID: ").append(node.nodeId()).append('\n');
        String error = node.isManager() ? node.managerError() : null;
        if (error != null) {
            b.append("  Error: ").append(error).append('\n');
        }
        b.append("  Is Manager: ").append(node.isManager()).append('\n');
        TreeSet<String> managerAddresses = new TreeSet<>();
        if (node.isManager() && error == null) {
            ClusterStore store = node.store();
            long managers = store.nodes().stream().filter(NodeRecord::isManager).count();
            store.nodes().stream().filter(NodeRecord::isManager)
                    .forEach(n -> managerAddresses.add(n.addr + ":" + SwarmNode.MANAGEMENT_PORT));
            RaftConfig raft = node.cluster().driver().template();
            b.append("  ClusterID: ").append(Ids.clusterId(store.caDigest())).append('\n')
                    .append("  Managers: ").append(managers).append('\n')
                    .append("  Nodes: ").append(store.nodes().size()).append('\n')
                    .append("  Default Address Pool: 10.0.0.0/8  \n")
                    .append("  SubnetSize: 24\n")
                    .append("  Orchestration:\n")
                    .append("   Task History Retention Limit: ").append(store.taskHistoryLimit()).append('\n')
                    .append("  Raft:\n")
                    .append("   Snapshot Interval: ").append(store.snapshotInterval()).append('\n')
                    .append("   Number of Old Snapshots to Retain: ").append(store.maxSnapshots()).append('\n')
                    .append("   Heartbeat Tick: ").append(raft.heartbeatTicks()).append('\n')
                    .append("   Election Tick: ").append(raft.electionTicks()).append('\n')
                    .append("  Dispatcher:\n")
                    .append("   Heartbeat Period: ").append(HumanDuration.of(store.heartbeatPeriodNanos())).append('\n')
                    .append("  CA Configuration:\n")
                    .append("   Expiry Duration: ").append(HumanDuration.of(store.certExpiryNanos())).append('\n')
                    .append("   Force Rotate: 0\n")
                    .append("  Autolock Managers: false\n")
                    .append("  Root Rotation In Progress: false\n");
        } else {
            for (Ipv4 ip : node.managers()) {
                managerAddresses.add(ip + ":" + SwarmNode.MANAGEMENT_PORT);
            }
        }
        if (node.addr() != null) {
            b.append("  Node Address: ").append(node.addr()).append('\n');
        }
        b.append("  Manager Addresses:\n");
        for (String a : managerAddresses) {
            b.append("   ").append(a).append('\n');
        }
        return b.toString();
    }
}
