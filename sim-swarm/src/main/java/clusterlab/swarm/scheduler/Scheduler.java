package clusterlab.swarm.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where tasks go, as SwarmKit's scheduler decides it ({@code manager/scheduler}): a pipeline of
 * filters — ready and active, resources, constraints, host-mode ports — and among the nodes that
 * pass, the one with the fewest tasks of this service, then the fewest tasks overall; nodes where
 * the task recently failed 5 times or more go last; ties go to the smaller node id. Pure: no
 * clock, no I/O; the same inputs always give the same placements.
 */
public final class Scheduler {
    /** SwarmKit deprioritizes a node after this many recent failures of the same service's tasks. */
    public static final int MAX_RECENT_FAILURES = 5;

    /** One filter of the pipeline, with SwarmKit's explanation of how many nodes it turned down. */
    enum Filter {
        READY {
            @Override
            boolean accepts(NodeInfo n, TaskRequest t) {
                return n.ready() && n.availability() == NodeInfo.Availability.ACTIVE;
            }

            @Override
            String explain(int count) {
                return count == 1 ? "1 node not available for new tasks" : count + " nodes not available for new tasks";
            }
        },
        RESOURCES {
            @Override
            boolean accepts(NodeInfo n, TaskRequest t) {
                return n.nanoCpus() - n.reservedNanoCpus() >= t.reservedNanoCpus()
                        && n.memoryBytes() - n.reservedMemoryBytes() >= t.reservedMemoryBytes();
            }

            @Override
            String explain(int count) {
                return "insufficient resources on " + count + (count == 1 ? " node" : " nodes");
            }
        },
        CONSTRAINTS {
            @Override
            boolean accepts(NodeInfo n, TaskRequest t) {
                for (Constraint c : t.constraints()) {
                    if (!c.matches(n)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            String explain(int count) {
                return "scheduling constraints not satisfied on " + count + (count == 1 ? " node" : " nodes");
            }
        },
        HOST_PORTS {
            @Override
            boolean accepts(NodeInfo n, TaskRequest t) {
                for (int p : t.hostPorts()) {
                    if (n.hostPortsInUse().contains(p)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            String explain(int count) {
                return "host-mode port already in use on " + count + (count == 1 ? " node" : " nodes");
            }
        };

        abstract boolean accepts(NodeInfo n, TaskRequest t);

        abstract String explain(int count);
    }

    /** The outcome for one task: the node chosen, or why none fits. */
    public record Placement(String nodeId, String noSuitableNodeMessage) {
        public boolean placed() {
            return nodeId != null;
        }
    }

    private Scheduler() {}

    /**
     * Places {@code count} identical tasks one after another, each seeing the placements before
     * it. Returns one placement per task, in order; the nodes are not modified.
     */
    public static List<Placement> place(List<NodeInfo> nodes, TaskRequest task, int count) {
        Map<String, NodeInfo> current = new LinkedHashMap<>();
        for (NodeInfo n : nodes) {
            current.put(n.id(), n);
        }
        List<Placement> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Placement p = placeOne(new ArrayList<>(current.values()), task);
            out.add(p);
            if (p.placed()) {
                current.put(p.nodeId(), current.get(p.nodeId()).withTask(task));
            }
        }
        return out;
    }

    /** Places one task. */
    public static Placement placeOne(List<NodeInfo> nodes, TaskRequest task) {
        TreeMap<Filter, Integer> rejected = new TreeMap<>();
        List<NodeInfo> feasible = new ArrayList<>();
        for (NodeInfo n : nodes) {
            Optional<Filter> failed = firstFailing(n, task);
            if (failed.isPresent()) {
                rejected.merge(failed.get(), 1, Integer::sum);
            } else {
                feasible.add(n);
            }
        }
        if (feasible.isEmpty()) {
            return new Placement(null, "no suitable node (" + explain(rejected) + ")");
        }
        Comparator<NodeInfo> order = order(task.serviceId());
        if (!task.spreadOver().isEmpty()) {
            order = spread(nodes, task).thenComparing(order);
        }
        feasible.sort(order);
        return new Placement(feasible.get(0).id(), null);
    }

    private static Optional<Filter> firstFailing(NodeInfo n, TaskRequest t) {
        for (Filter f : Filter.values()) {
            if (!f.accepts(n, t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** SwarmKit lists the filters that turned nodes down, most failures first. */
    private static String explain(TreeMap<Filter, Integer> rejected) {
        List<Map.Entry<Filter, Integer>> entries = new ArrayList<>(rejected.entrySet());
        entries.sort(Comparator.<Map.Entry<Filter, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Filter, Integer> e : entries) {
            parts.add(e.getKey().explain(e.getValue()));
        }
        return parts.isEmpty() ? "no nodes" : String.join("; ", parts);
    }

    /**
     * Placement preferences (SwarmKit's spread over a label): nodes are grouped by the label's
     * value (a node without the label is a group of its own kind), and the group with the fewest
     * tasks of the service comes first; with several preferences, level by level.
     */
    static Comparator<NodeInfo> spread(List<NodeInfo> nodes, TaskRequest task) {
        List<Map<String, Integer>> perLevel = new ArrayList<>();
        for (String descriptor : task.spreadOver()) {
            Map<String, Integer> counts = new TreeMap<>();
            for (NodeInfo n : nodes) {
                counts.merge(groupOf(n, descriptor), n.tasksOf(task.serviceId()), Integer::sum);
            }
            perLevel.add(counts);
        }
        Comparator<NodeInfo> c = null;
        for (int level = 0; level < perLevel.size(); level++) {
            String descriptor = task.spreadOver().get(level);
            Map<String, Integer> counts = perLevel.get(level);
            Comparator<NodeInfo> byGroup = Comparator.comparingInt(n -> counts.get(groupOf(n, descriptor)));
            c = c == null ? byGroup : c.thenComparing(byGroup);
        }
        return c;
    }

    /** The node's value of a spread descriptor ("node.labels.zone"); missing labels share one group. */
    static String groupOf(NodeInfo n, String descriptor) {
        String d = descriptor.startsWith("spread=") ? descriptor.substring("spread=".length()) : descriptor;
        String value = null;
        if (d.startsWith("node.labels.")) {
            value = n.labels().get(d.substring("node.labels.".length()));
        } else if (d.startsWith("engine.labels.")) {
            value = n.engineLabels().get(d.substring("engine.labels.".length()));
        }
        return value == null ? "\0missing" : "=" + value;
    }

    /** Spread: recent failures last, fewest tasks of the service, fewest tasks, then node id. */
    static Comparator<NodeInfo> order(String serviceId) {
        return Comparator.<NodeInfo>comparingInt(n -> n.recentFailures() >= MAX_RECENT_FAILURES ? 1 : 0)
                .thenComparingInt(n -> n.tasksOf(serviceId))
                .thenComparingInt(NodeInfo::activeTasks)
                .thenComparing(NodeInfo::id);
    }
}
