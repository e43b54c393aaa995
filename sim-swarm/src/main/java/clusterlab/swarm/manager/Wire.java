package clusterlab.swarm.manager;

import clusterlab.kernel.net.Ipv4;
import java.util.List;

/** The messages swarm nodes exchange over the simulated network. */
final class Wire {
    private Wire() {
    }

    /** Sent on a TCP connection to a manager's port 2377 by {@code docker swarm join}. */
    record JoinRequest(String token, String hostname, String addr, String engineVersion, int cpus, long memoryBytes) {
    }

    /** The manager's answer: {@code error} (a daemon error text) or the new node's identity. */
    record JoinResponse(String error, String nodeId, String role, long raftId, List<Ipv4> managers) {
    }

    /** An agent's heartbeat to the dispatcher (forwarded by a follower manager to the leader). */
    record Heartbeat(String nodeId, Ipv4 replyTo) {
    }

    /** The dispatcher's answer: the next period, the node's role and the managers to try. */
    record HeartbeatAck(String nodeId, long periodNanos, String role, List<Ipv4> managers) {
    }

    /** {@code docker swarm leave}: the node tells the dispatcher it is gone. */
    record Leave(String nodeId, Ipv4 replyTo) {
    }

    /** The dispatcher recorded the leave (the node is down in the store). */
    record LeaveAck(String nodeId) {
    }
}
