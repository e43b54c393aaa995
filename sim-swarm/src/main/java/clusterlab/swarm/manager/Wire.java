package clusterlab.swarm.manager;

import clusterlab.kernel.net.Ipv4;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceSpec;
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

    /**
     * An agent's heartbeat to the dispatcher (forwarded by a follower manager to the leader), with
     * the states of the tasks it runs: a status report that got lost is repeated this way.
     */
    record Heartbeat(String nodeId, Ipv4 replyTo, List<TaskReport> reports) {
    }

    /** What an agent observed of one task. */
    record TaskReport(String taskId, TaskState state, String message, String err, String containerId, int exitCode) {
    }

    /** Task states an agent reports as soon as they change (SwarmKit's UpdateTaskStatus). */
    record TaskReports(String nodeId, List<TaskReport> reports) {
    }

    /** One task a node must run (or stop), with everything the agent needs to run it. */
    record Assignment(String taskId, String serviceId, String serviceName, int slot, TaskState desired,
                      ServiceSpec spec, String ingressAddr) {
    }

    /** A service published through the routing mesh: every node listens on its ports. */
    record IngressService(String serviceId, String vip, List<PortConfig> ports) {
    }

    /**
     * The dispatcher's complete set of assignments for a node (SwarmKit's Assignments stream,
     * sent whole): its tasks, the ingress services, and the address of its ingress sandbox.
     * The leader's term and a sequence number order them, since datagrams may be reordered.
     */
    record Assignments(String nodeId, long term, long seq, List<Assignment> tasks, List<IngressService> ingress,
                       String sandboxAddr) {
        int sizeBytes() {
            return 128 + 256 * tasks.size() + 64 * ingress.size();
        }
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
