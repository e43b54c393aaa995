package clusterlab.swarm.scheduler;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the scheduler knows about a node: identity, readiness and availability, capacity and
 * what its tasks already reserve, labels, host ports taken, and how many tasks it runs in all
 * and per service (SwarmKit's NodeInfo).
 */
public record NodeInfo(
        String id,
        String hostname,
        boolean manager,
        boolean ready,
        Availability availability,
        long nanoCpus,
        long memoryBytes,
        long reservedNanoCpus,
        long reservedMemoryBytes,
        SortedMap<String, String> labels,
        SortedMap<String, String> engineLabels,
        SortedSet<Integer> hostPortsInUse,
        int activeTasks,
        SortedMap<String, Integer> activeTasksByService,
        int recentFailures) {

    public enum Availability { ACTIVE, PAUSE, DRAIN }

    public NodeInfo {
        labels = new TreeMap<>(labels == null ? Map.of() : labels);
        engineLabels = new TreeMap<>(engineLabels == null ? Map.of() : engineLabels);
        hostPortsInUse = new TreeSet<>(hostPortsInUse == null ? java.util.Set.of() : hostPortsInUse);
        activeTasksByService = new TreeMap<>(activeTasksByService == null ? Map.of() : activeTasksByService);
    }

    /** A ready, active node with the given capacity and nothing on it. */
    public static NodeInfo of(String id, String hostname, boolean manager, long nanoCpus, long memoryBytes) {
        return new NodeInfo(id, hostname, manager, true, Availability.ACTIVE, nanoCpus, memoryBytes, 0, 0, null, null,
                null, 0, null, 0);
    }

    public int tasksOf(String serviceId) {
        return activeTasksByService.getOrDefault(serviceId, 0);
    }

    /** The node after one more task of {@code task} was placed on it. */
    public NodeInfo withTask(TaskRequest task) {
        TreeMap<String, Integer> byService = new TreeMap<>(activeTasksByService);
        byService.merge(task.serviceId(), 1, Integer::sum);
        TreeSet<Integer> ports = new TreeSet<>(hostPortsInUse);
        ports.addAll(task.hostPorts());
        return new NodeInfo(id, hostname, manager, ready, availability, nanoCpus, memoryBytes,
                reservedNanoCpus + task.reservedNanoCpus(), reservedMemoryBytes + task.reservedMemoryBytes(), labels,
                engineLabels, ports, activeTasks + 1, byService, recentFailures);
    }
}
