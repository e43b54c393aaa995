package clusterlab.swarm.manager;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Time;
import clusterlab.kernel.net.Ipv4;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.TaskRecord;
import clusterlab.swarm.store.Workloads;
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
    /** The assignments each node was last sent, to send only what changed. */
    private final TreeMap<String, Wire.Assignments> lastSent = new TreeMap<>();
    /** Task states proposed and not yet applied, so a repeated report is not proposed twice. */
    private final TreeMap<String, TaskState> proposed = new TreeMap<>();
    private boolean stopped;
    private long assignmentSeq;

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
        reports(hb.nodeId(), hb.reports());
        // The whole set again: an assignment message that got lost is repaired within a period.
        Wire.Assignments a = assignmentsFor(leader.localStore(), n);
        lastSent.put(n.id, a);
        send(hb.replyTo(), a);
    }

    /** Task states an agent observed: the ones that move a task forward are written to the store. */
    void reports(String nodeId, List<Wire.TaskReport> reports) {
        if (stopped || reports == null) {
            return;
        }
        ClusterStore s = leader.localStore();
        List<String> writes = new ArrayList<>();
        for (Wire.TaskReport r : reports) {
            TaskRecord t = s.workloads().task(r.taskId());
            TaskState already = proposed.get(r.taskId());
            if (t == null || !nodeId.equals(t.nodeId) || !t.observed.canMoveTo(r.state())
                    || already != null && already.ordinal() >= r.state().ordinal()) {
                continue;
            }
            proposed.put(r.taskId(), r.state());
            writes.add(Workloads.taskStatus(r.taskId(), r.state(), r.message(), r.err(), r.containerId(),
                    r.exitCode()));
        }
        if (!writes.isEmpty()) {
            leader.proposeAll(writes, err -> {
                for (Wire.TaskReport r : reports) {
                    proposed.remove(r.taskId(), r.state());
                }
            });
        }
    }

    /** Sends every node whose assignments changed its new set (called after each orchestrator pass). */
    void syncAssignments(ClusterStore s) {
        if (stopped) {
            return;
        }
        TreeMap<String, List<Wire.Assignment>> byNode = new TreeMap<>();
        for (TaskRecord t : s.workloads().tasks()) {
            if (t.assigned()) {
                byNode.computeIfAbsent(t.nodeId, k -> new ArrayList<>()).add(assignment(s, t));
            }
        }
        List<Wire.IngressService> ingress = ingress(s);
        for (NodeRecord n : s.nodes()) {
            if ("down".equals(n.status)) {
                continue;
            }
            List<Wire.Assignment> tasks = byNode.getOrDefault(n.id, List.of());
            String sandbox = s.workloads().sandboxAddr(n.id);
            Wire.Assignments last = lastSent.get(n.id);
            if (last == null || !last.tasks().equals(tasks) || !last.ingress().equals(ingress)
                    || !last.sandboxAddr().equals(sandbox)) {
                Wire.Assignments a = new Wire.Assignments(n.id, term, ++assignmentSeq, tasks, ingress, sandbox);
                lastSent.put(n.id, a);
                send(n.ip, a);
            }
        }
    }

    private void send(Ipv4 to, Wire.Assignments a) {
        leader.cluster().cluster().transport().sendDatagram(leader.machine(), SwarmNode.DISPATCHER_PORT, to,
                SwarmNode.DISPATCHER_PORT, a, a.sizeBytes());
    }

    private Wire.Assignments assignmentsFor(ClusterStore s, NodeRecord n) {
        List<Wire.Assignment> tasks = new ArrayList<>();
        for (TaskRecord t : s.workloads().tasksOn(n.id)) {
            tasks.add(assignment(s, t));
        }
        return new Wire.Assignments(n.id, term, ++assignmentSeq, tasks, ingress(s), s.workloads().sandboxAddr(n.id));
    }

    private static Wire.Assignment assignment(ClusterStore s, TaskRecord t) {
        ServiceRecord svc = s.workloads().service(t.serviceId);
        String name = svc != null ? svc.name() : t.spec.name();
        return new Wire.Assignment(t.id, t.serviceId, name, t.slot, t.desired, t.spec, t.ingressAddr);
    }

    private static List<Wire.IngressService> ingress(ClusterStore s) {
        List<Wire.IngressService> out = new ArrayList<>();
        for (ServiceRecord svc : s.workloads().services()) {
            if (!svc.spec.ingressPorts().isEmpty()) {
                out.add(new Wire.IngressService(svc.id, svc.vip, svc.spec.ingressPorts()));
            }
        }
        return out;
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
