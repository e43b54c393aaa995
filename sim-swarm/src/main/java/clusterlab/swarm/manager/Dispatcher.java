package clusterlab.swarm.manager;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Time;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * SwarmKit's dispatcher on the leader: each heartbeat is answered with the next period (the
 * cluster's heartbeat period, 5 s by default, with ±10 % jitter) and arms an expiry of 3 such periods; a node whose expiry fires is marked down in the
 * store. On taking over, a new leader marks every node it has not heard from unknown.
 */
final class Dispatcher {
    static final int GRACE_MULTIPLIER = 3;

    private final SwarmNode leader;
    private final long term;
    private final TreeMap<String, EventHandle> expiries = new TreeMap<>();
    /** When each node's last heartbeat arrived (virtual nanos), for observation. */
    private final TreeMap<String, Long> lastHeard = new TreeMap<>();
    private boolean stopped;

    Dispatcher(SwarmNode leader, long term) {
        this.leader = leader;
        this.term = term;
    }

    long term() {
        return term;
    }

    void start() {
        ClusterStore s = leader.localStore();
        List<String> updates = new ArrayList<>();
        long now = leader.machine().simulation().now();
        for (NodeRecord n : s.nodes()) {
            // Everyone gets the benefit of the doubt until one period after the takeover.
            lastHeard.put(n.id, now);
            if (n.id.equals(leader.nodeId())) {
                if (!"ready".equals(n.status)) {
                    updates.add(ClusterStore.cmd("node-status", n.id, "ready"));
                }
            } else if (!"down".equals(n.status)) {
                updates.add(ClusterStore.cmd("node-status", n.id, "unknown"));
                arm(n.id, jitteredPeriod());
            }
        }
        if (!updates.isEmpty()) {
            leader.proposeAll(updates, err -> { });
        }
    }

    /**
     * Whether the leader heard from the node within two heartbeat periods: SwarmKit's Raft
     * transport notices a silent manager within seconds, well before the dispatcher declares the
     * node down, and shows it Unreachable.
     */
    boolean recentlyHeard(String nodeId) {
        Long t = lastHeard.get(nodeId);
        return t != null && leader.machine().simulation().now() - t <= 2 * period();
    }

    /** The time of the last heartbeat from {@code nodeId} this dispatcher received, or -1. */
    long lastHeard(String nodeId) {
        return lastHeard.getOrDefault(nodeId, -1L);
    }

    void stop() {
        stopped = true;
        for (EventHandle h : expiries.values()) {
            h.cancel();
        }
        expiries.clear();
    }

    /** The cluster's heartbeat period as the leader's store holds it now (swarm update may change it). */
    private long period() {
        return leader.localStore().heartbeatPeriodNanos();
    }

    private long jitteredPeriod() {
        long period = period();
        long jitter = period / 10;
        return leader.random().uniform(period - jitter, period + jitter + 1);
    }

    private void arm(String nodeId, long period) {
        EventHandle old = expiries.remove(nodeId);
        if (old != null) {
            old.cancel();
        }
        expiries.put(nodeId, leader.machine().schedule(GRACE_MULTIPLIER * period, () -> expire(nodeId)));
    }

    private void expire(String nodeId) {
        expiries.remove(nodeId);
        NodeRecord n = leader.localStore().node(nodeId);
        if (!stopped && n != null && !"down".equals(n.status)) {
            leader.proposeAll(List.of(ClusterStore.cmd("node-status", nodeId, "down")), err -> { });
        }
    }

    void heartbeat(Wire.Heartbeat hb) {
        NodeRecord n = leader.localStore().node(hb.nodeId());
        if (stopped || n == null) {
            return;
        }
        long period = jitteredPeriod();
        lastHeard.put(hb.nodeId(), leader.machine().simulation().now());
        if (!hb.nodeId().equals(leader.nodeId())) {
            arm(hb.nodeId(), period);
        }
        if (!"ready".equals(n.status)) {
            leader.proposeAll(List.of(ClusterStore.cmd("node-status", n.id, "ready")), err -> { });
        }
        leader.cluster().cluster().transport().sendDatagram(leader.machine(), SwarmNode.DISPATCHER_PORT,
                hb.replyTo(), SwarmNode.DISPATCHER_PORT,
                new Wire.HeartbeatAck(n.id, period, n.role, leader.managerAddresses()), 128);
    }

    void leave(Wire.Leave leave) {
        EventHandle h = expiries.remove(leave.nodeId());
        if (h != null) {
            h.cancel();
        }
        NodeRecord n = leader.localStore().node(leave.nodeId());
        if (stopped || n == null) {
            return;
        }
        Runnable ack = () -> leader.cluster().cluster().transport().sendDatagram(leader.machine(),
                SwarmNode.DISPATCHER_PORT, leave.replyTo(), SwarmNode.DISPATCHER_PORT,
                new Wire.LeaveAck(leave.nodeId()), 64);
        if ("down".equals(n.status)) {
            ack.run();
        } else {
            leader.proposeAll(List.of(ClusterStore.cmd("node-status", n.id, "down")), err -> {
                if (err == null) {
                    ack.run();
                }
            });
        }
    }
}
