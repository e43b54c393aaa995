package clusterlab.swarm.scheduler;

import java.util.List;

/** What a task asks of a node: its service, reservations, constraints and host-mode ports. */
public record TaskRequest(String serviceId, long reservedNanoCpus, long reservedMemoryBytes,
        List<Constraint> constraints, List<Integer> hostPorts) {
    public TaskRequest {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        hostPorts = hostPorts == null ? List.of() : List.copyOf(hostPorts);
    }

    public static TaskRequest of(String serviceId) {
        return new TaskRequest(serviceId, 0, 0, List.of(), List.of());
    }
}
