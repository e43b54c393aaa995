package clusterlab.swarm.store;

/**
 * A mount of a service's tasks ({@code --mount type=bind|volume,source=…,target=…[,ro]}):
 * a bind mount of a path of whichever node runs the task, or a named volume on that node
 * (created there when missing; empty source: an anonymous volume).
 */
public record ServiceMount(String type, String source, String target, boolean readOnly) {
    public ServiceMount {
        type = type == null || type.isEmpty() ? "volume" : type;
        source = source == null ? "" : source;
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("target is required");
        }
    }
}
