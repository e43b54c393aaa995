package clusterlab.swarm.manager;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Time;
import clusterlab.kernel.net.Ipv4;

/**
 * A node's agent side of the dispatcher protocol: it heartbeats a manager (a manager heartbeats
 * itself first), waits the period the dispatcher answers with, and moves on to the next known
 * manager when no answer comes in time.
 */
final class Agent {
    /** How long an agent waits for an acknowledgement before trying another manager. */
    static final long ACK_TIMEOUT_NANOS = 5 * Time.SECOND;

    private final SwarmNode node;
    private int current;
    private EventHandle next;
    private long generation;
    private Runnable leaveDone;

    Agent(SwarmNode node) {
        this.node = node;
    }

    void start() {
        stop();
        current = 0;
        send();
    }

    void stop() {
        generation++;
        leaveDone = null;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** The manager this agent currently talks to, or null. */
    Ipv4 target() {
        if (node.managers().isEmpty()) {
            return null;
        }
        return node.managers().get(Math.floorMod(current, node.managers().size()));
    }

    private void send() {
        Ipv4 to = target();
        if (node.nodeId() == null || to == null) {
            return;
        }
        node.cluster().cluster().transport().sendDatagram(node.machine(), SwarmNode.DISPATCHER_PORT, to,
                SwarmNode.DISPATCHER_PORT, new Wire.Heartbeat(node.nodeId(), node.host().address(), node.taskReports()),
                96 + 96 * node.taskReports().size());
        long gen = generation;
        next = node.machine().schedule(ACK_TIMEOUT_NANOS, () -> {
            if (gen == generation) {
                current++;
                send();
            }
        });
    }

    void onAck(Wire.HeartbeatAck ack) {
        if (node.nodeId() == null || !ack.nodeId().equals(node.nodeId())) {
            return;
        }
        stop();
        if (!ack.managers().isEmpty()) {
            node.managers().clear();
            node.managers().addAll(ack.managers());
            current = 0;
        }
        node.roleFromDispatcher(ack.role());
        long gen = generation;
        next = node.machine().schedule(ack.periodNanos(), () -> {
            if (gen == generation) {
                send();
            }
        });
    }

    /**
     * Tells the dispatcher this node leaves and calls {@code then} once it acknowledged (the node is
     * down in the store) or after {@link #ACK_TIMEOUT_NANOS} (a leaving node does not insist).
     */
    void sendLeave(Runnable then) {
        Ipv4 to = target();
        if (to == null || node.nodeId() == null) {
            then.run();
            return;
        }
        stop();
        leaveDone = then;
        node.cluster().cluster().transport().sendDatagram(node.machine(), SwarmNode.DISPATCHER_PORT, to,
                SwarmNode.DISPATCHER_PORT, new Wire.Leave(node.nodeId(), node.host().address()), 96);
        long gen = generation;
        next = node.machine().schedule(ACK_TIMEOUT_NANOS, () -> {
            if (gen == generation) {
                onLeaveAck();
            }
        });
    }

    void onLeaveAck() {
        Runnable then = leaveDone;
        leaveDone = null;
        if (then != null) {
            stop();
            then.run();
        }
    }
}
