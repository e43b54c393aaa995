package clusterlab.swarm.scheduler;

import java.util.List;

/**
 * What a task asks of a node: its service, reservations, constraints and host-mode ports, and
 * its placement preferences: the label descriptors to spread over ({@code node.labels.zone}),
 * outermost first.
 */
public record TaskRequest(String serviceId, long reservedNanoCpus, long reservedMemoryBytes,
        List<Constraint> constraints, List<Integer> hostPorts, List<String> spreadOver) {
    public TaskRequest {
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        hostPorts = hostPorts == null ? List.of() : List.copyOf(hostPorts);
        spreadOver = spreadOver == null ? List.of() : List.copyOf(spreadOver);
    }

    public TaskRequest(String serviceId, long reservedNanoCpus, long reservedMemoryBytes,
                       List<Constraint> constraints, List<Integer> hostPorts) {
        this(serviceId, reservedNanoCpus, reservedMemoryBytes, constraints, hostPorts, List.of());
    }

    public static TaskRequest of(String serviceId) {
        return new TaskRequest(serviceId, 0, 0, List.of(), List.of());
    }
}
