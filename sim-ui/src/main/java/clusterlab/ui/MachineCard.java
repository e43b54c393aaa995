package clusterlab.ui;

import java.util.List;

/**
 * What the cluster view shows about one machine at one instant: an immutable snapshot taken on
 * the simulation thread and rendered on the FX thread.
 *
 * @param swarmRole "manager", "worker", or "" when the node is in no swarm
 * @param raftRole Leader/Follower/Candidate/PreCandidate for a manager, else ""
 * @param term the manager's Raft term (0 otherwise)
 * @param status "Ready" or "Down"
 * @param containers names of its running containers, newest first
 */
public record MachineCard(String name, String address, String swarmRole, String raftRole, long term, String status,
                          List<String> containers) {
    public MachineCard {
        containers = List.copyOf(containers);
    }

    public boolean isManager() {
        return "manager".equals(swarmRole);
    }

    public boolean isDown() {
        return "Down".equals(status);
    }

    /** One line for the card's header and for tests: {@code node1 192.168.0.11 manager Leader term 2 Ready}. */
    public String summary() {
        StringBuilder b = new StringBuilder(name).append(' ').append(address).append(' ');
        b.append(swarmRole.isEmpty() ? "no swarm" : swarmRole);
        if (!raftRole.isEmpty()) {
            b.append(' ').append(raftRole).append(" term ").append(term);
        }
        return b.append(' ').append(status).toString();
    }
}
