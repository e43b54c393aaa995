package clusterlab.swarm.store;

/**
 * One service as the replicated store knows it (SwarmKit's api.Service): its current spec and
 * the one before (what {@code service rollback} returns to), a version bumped by every update,
 * the ingress VIP when it publishes a port, and the status of its latest rolling update.
 */
public final class ServiceRecord {
    public final String id;
    public final long createdNanos;
    public ServiceSpec spec;
    public ServiceSpec previousSpec;
    public long version = 1;
    public long updatedNanos;
    public String vip = "";
    /** Empty, or updating, paused, completed, rollback_started, rollback_paused, rollback_completed. */
    public String updateState = "";
    public String updateMessage = "";
    public long updateStartedNanos;
    public long updateCompletedNanos;

    ServiceRecord(String id, ServiceSpec spec, long createdNanos) {
        this.id = id;
        this.spec = spec;
        this.createdNanos = createdNanos;
        this.updatedNanos = createdNanos;
    }

    public String name() {
        return spec.name();
    }
}
