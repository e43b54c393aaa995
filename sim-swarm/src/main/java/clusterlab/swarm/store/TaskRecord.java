package clusterlab.swarm.store;

import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.orchestrator.TaskView;

/**
 * One task as the replicated store knows it (SwarmKit's api.Task, reduced): the slot it fills
 * (0 for a global service's task, which is bound to its node instead), the service spec version
 * it was made from and that spec, where it is assigned, the state managers want (desired) and the
 * state its agent last reported (observed), with when that happened and why.
 */
public final class TaskRecord {
    public final String id;
    public final String serviceId;
    public final int slot;
    public final long specVersion;
    public final ServiceSpec spec;
    public final long createdNanos;
    /** The task's address on the ingress network, or empty when its service publishes no port. */
    public final String ingressAddr;
    public String nodeId;
    public TaskState desired;
    public TaskState observed = TaskState.NEW;
    /** When {@link #observed} last changed (what {@code service ps} counts "ago" from). */
    public long statusNanos;
    public String message = "created";
    public String err = "";
    public String containerId = "";
    public int exitCode;
    public long updatedNanos;

    TaskRecord(String id, String serviceId, int slot, long specVersion, ServiceSpec spec, String nodeId,
               TaskState desired, long createdNanos, String ingressAddr) {
        this.id = id;
        this.serviceId = serviceId;
        this.slot = slot;
        this.specVersion = specVersion;
        this.spec = spec;
        this.nodeId = nodeId;
        this.desired = desired;
        this.createdNanos = createdNanos;
        this.statusNanos = createdNanos;
        this.updatedNanos = createdNanos;
        this.ingressAddr = ingressAddr;
    }

    public boolean assigned() {
        return !nodeId.isEmpty();
    }

    /** What the orchestrator's pure cores see of this task. */
    public TaskView view() {
        return new TaskView(id, slot, desired, observed, specVersion, nodeId);
    }

    /** {@code <service>.<slot>} (or {@code <service>.<node id>} for a global task), as service ps names it. */
    public String displayName(String serviceName) {
        return serviceName + "." + (slot > 0 ? Integer.toString(slot) : nodeId);
    }
}
