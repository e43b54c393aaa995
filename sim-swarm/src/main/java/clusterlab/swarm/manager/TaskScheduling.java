package clusterlab.swarm.manager;

import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.scheduler.Constraint;
import clusterlab.swarm.scheduler.NodeInfo;
import clusterlab.swarm.scheduler.Scheduler;
import clusterlab.swarm.scheduler.TaskRequest;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.TaskRecord;
import clusterlab.swarm.store.Workloads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The scheduler's side of a pass: what each node offers ({@link NodeInfo}, from the store's nodes
 * and the tasks already placed on them) and a placement for every task still waiting for a node,
 * by the pure {@link Scheduler}. A task that fits nowhere stays PENDING with the scheduler's
 * {@code no suitable node (...)} explanation, and is tried again on the next pass.
 */
final class TaskScheduling {
    private static final long NANOS_PER_CPU = 1_000_000_000L;

    void schedule(ServiceOrchestrator.Plan plan, ClusterStore store) {
        List<TaskRecord> waiting = new ArrayList<>();
        for (TaskRecord t : store.workloads().tasks()) {
            if (!t.assigned() && t.desired.ordinal() <= TaskState.RUNNING.ordinal()
                    && t.observed.ordinal() <= TaskState.PENDING.ordinal()) {
                waiting.add(t);
            }
        }
        if (waiting.isEmpty()) {
            return;
        }
        waiting.sort(Comparator.comparing((TaskRecord t) -> t.serviceId).thenComparingInt(t -> t.slot)
                .thenComparing(t -> t.id));
        Map<String, NodeInfo> nodes = nodeInfos(store);
        for (TaskRecord t : waiting) {
            TaskRequest request;
            try {
                request = request(t);
            } catch (IllegalArgumentException e) {
                pending(plan, t, e.getMessage());
                continue;
            }
            Scheduler.Placement p = Scheduler.placeOne(new ArrayList<>(nodes.values()), request);
            if (p.placed()) {
                plan.add(Workloads.taskAssign(t.id, p.nodeId()));
                nodes.put(p.nodeId(), nodes.get(p.nodeId()).withTask(request));
            } else {
                pending(plan, t, p.noSuitableNodeMessage());
            }
        }
    }

    private static void pending(ServiceOrchestrator.Plan plan, TaskRecord t, String why) {
        if (t.observed != TaskState.PENDING || !t.err.equals(why)) {
            plan.add(Workloads.taskPending(t.id, why));
        }
    }

    private static TaskRequest request(TaskRecord t) {
        List<Integer> hostPorts = new ArrayList<>();
        for (PortConfig p : t.spec.ports()) {
            if (!p.ingress() && p.publishedPort() > 0) {
                hostPorts.add(p.publishedPort());
            }
        }
        return new TaskRequest(t.serviceId, t.spec.reserveNanoCpus(), t.spec.reserveMemoryBytes(),
                Constraint.parseAll(t.spec.constraints()), hostPorts, t.spec.placementPrefs());
    }

    /** Every node as the scheduler sees it, counting the tasks that are placed and not finished. */
    static Map<String, NodeInfo> nodeInfos(ClusterStore store) {
        Map<String, NodeInfo> out = new LinkedHashMap<>();
        for (NodeRecord n : store.nodes()) {
            out.put(n.id, describe(n));
        }
        for (TaskRecord t : store.workloads().tasks()) {
            NodeInfo n = t.assigned() ? out.get(t.nodeId) : null;
            if (n != null && t.desired.ordinal() <= TaskState.RUNNING.ordinal() && !t.observed.isTerminal()) {
                try {
                    out.put(n.id(), n.withTask(request(t)));
                } catch (IllegalArgumentException e) {
                    // a task whose constraints do not parse was never placed
                }
            }
        }
        return out;
    }

    private static NodeInfo describe(NodeRecord n) {
        NodeInfo.Availability availability =
                NodeInfo.Availability.valueOf(n.availability.toUpperCase(Locale.ROOT));
        return new NodeInfo(n.id, n.hostname, n.isManager(), "ready".equals(n.status), availability,
                n.cpus * NANOS_PER_CPU, n.memoryBytes, 0, 0, new TreeMap<>(n.labels), null, new TreeSet<>(), 0,
                null, 0);
    }

    /** Whether a node satisfies a service's placement constraints (unparseable ones: never). */
    static boolean satisfies(NodeRecord n, List<String> constraints) {
        try {
            NodeInfo info = describe(n);
            for (Constraint c : Constraint.parseAll(constraints)) {
                if (!c.matches(info)) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
