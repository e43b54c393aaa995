package clusterlab.swarm.store;

import clusterlab.kernel.Time;
import clusterlab.swarm.orchestrator.RestartPolicy;
import clusterlab.swarm.orchestrator.UpdateConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a service declares (SwarmKit's api.ServiceSpec, reduced to what the simulator runs): the
 * task template (image, args, env, mounts, resources, restart policy, placement), the mode and
 * replicas, the update and rollback configs and the published ports. Immutable; {@link Builder}
 * makes changed copies. Defaults are SwarmKit's.
 *
 * @param args the command after the image on {@code service create} (null: the image's CMD)
 * @param entrypoint {@code --entrypoint} (null: the image's)
 * @param mode {@code replicated} or {@code global}
 * @param replicas the replicated mode's count (ignored in global mode)
 * @param forceUpdate bumped by {@code service update --force} so that tasks are replaced even
 *     though nothing else changed (SwarmKit's TaskSpec.ForceUpdate)
 */
public record ServiceSpec(
        String name,
        SortedMap<String, String> labels,
        String image,
        List<String> args,
        List<String> entrypoint,
        List<String> env,
        SortedMap<String, String> containerLabels,
        String hostname,
        String workdir,
        String user,
        List<ServiceMount> mounts,
        long stopGracePeriodNanos,
        String stopSignal,
        boolean tty,
        boolean readOnly,
        long limitNanoCpus,
        long limitMemoryBytes,
        long reserveNanoCpus,
        long reserveMemoryBytes,
        RestartPolicy restartPolicy,
        List<String> constraints,
        List<String> placementPrefs,
        String mode,
        long replicas,
        UpdateConfig updateConfig,
        UpdateConfig rollbackConfig,
        List<PortConfig> ports,
        String endpointMode,
        long forceUpdate) {

    /** SwarmKit's default stop grace period. */
    public static final long DEFAULT_STOP_GRACE_NANOS = 10 * Time.SECOND;

    public ServiceSpec {
        labels = new TreeMap<>(labels == null ? new TreeMap<>() : labels);
        args = args == null ? null : List.copyOf(args);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        env = env == null ? List.of() : List.copyOf(env);
        containerLabels = new TreeMap<>(containerLabels == null ? new TreeMap<>() : containerLabels);
        hostname = hostname == null ? "" : hostname;
        workdir = workdir == null ? "" : workdir;
        user = user == null ? "" : user;
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        stopSignal = stopSignal == null ? "" : stopSignal;
        restartPolicy = restartPolicy == null ? RestartPolicy.DEFAULTS : restartPolicy;
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        placementPrefs = placementPrefs == null ? List.of() : List.copyOf(placementPrefs);
        mode = mode == null || mode.isEmpty() ? "replicated" : mode;
        updateConfig = updateConfig == null ? UpdateConfig.DEFAULTS : updateConfig;
        rollbackConfig = rollbackConfig == null ? UpdateConfig.DEFAULTS : rollbackConfig;
        ports = ports == null ? List.of() : List.copyOf(ports);
        endpointMode = endpointMode == null || endpointMode.isEmpty() ? "vip" : endpointMode;
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative");
        }
    }

    /** A replicated service of one task of {@code image} with every default. */
    public static ServiceSpec of(String name, String image) {
        Builder b = new Builder();
        b.name = name;
        b.image = image;
        return b.build();
    }

    public boolean global() {
        return mode.equals("global");
    }

    /** The ports published through the routing mesh. */
    public List<PortConfig> ingressPorts() {
        List<PortConfig> out = new ArrayList<>();
        for (PortConfig p : ports) {
            if (p.ingress()) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Whether going from this spec to {@code next} changes what tasks run (so an update replaces
     * them): anything but the replica count, the update/rollback configs and the service labels.
     */
    public boolean taskTemplateDiffers(ServiceSpec next) {
        Builder a = toBuilder();
        Builder b = next.toBuilder();
        for (Builder x : List.of(a, b)) {
            x.replicas = 0;
            x.updateConfig = null;
            x.rollbackConfig = null;
            x.labels = null;
            x.name = "";
            x.ports = List.of();
            x.endpointMode = "";
        }
        return !a.build().equals(b.build());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public ServiceSpec withReplicas(long n) {
        Builder b = toBuilder();
        b.replicas = n;
        return b.build();
    }

    public ServiceSpec withImage(String newImage) {
        Builder b = toBuilder();
        b.image = newImage;
        return b.build();
    }

    /** A mutable copy to change fields of a spec. */
    public static final class Builder {
        public String name = "";
        public SortedMap<String, String> labels = new TreeMap<>();
        public String image = "";
        public List<String> args;
        public List<String> entrypoint;
        public List<String> env = new ArrayList<>();
        public SortedMap<String, String> containerLabels = new TreeMap<>();
        public String hostname = "";
        public String workdir = "";
        public String user = "";
        public List<ServiceMount> mounts = new ArrayList<>();
        public long stopGracePeriodNanos = DEFAULT_STOP_GRACE_NANOS;
        public String stopSignal = "";
        public boolean tty;
        public boolean readOnly;
        public long limitNanoCpus;
        public long limitMemoryBytes;
        public long reserveNanoCpus;
        public long reserveMemoryBytes;
        public RestartPolicy restartPolicy = RestartPolicy.DEFAULTS;
        public List<String> constraints = new ArrayList<>();
        public List<String> placementPrefs = new ArrayList<>();
        public String mode = "replicated";
        public long replicas = 1;
        public UpdateConfig updateConfig = UpdateConfig.DEFAULTS;
        public UpdateConfig rollbackConfig = UpdateConfig.DEFAULTS;
        public List<PortConfig> ports = new ArrayList<>();
        public String endpointMode = "vip";
        public long forceUpdate;

        public Builder() {
        }

        Builder(ServiceSpec s) {
            name = s.name;
            labels = new TreeMap<>(s.labels);
            image = s.image;
            args = s.args == null ? null : new ArrayList<>(s.args);
            entrypoint = s.entrypoint == null ? null : new ArrayList<>(s.entrypoint);
            env = new ArrayList<>(s.env);
            containerLabels = new TreeMap<>(s.containerLabels);
            hostname = s.hostname;
            workdir = s.workdir;
            user = s.user;
            mounts = new ArrayList<>(s.mounts);
            stopGracePeriodNanos = s.stopGracePeriodNanos;
            stopSignal = s.stopSignal;
            tty = s.tty;
            readOnly = s.readOnly;
            limitNanoCpus = s.limitNanoCpus;
            limitMemoryBytes = s.limitMemoryBytes;
            reserveNanoCpus = s.reserveNanoCpus;
            reserveMemoryBytes = s.reserveMemoryBytes;
            restartPolicy = s.restartPolicy;
            constraints = new ArrayList<>(s.constraints);
            placementPrefs = new ArrayList<>(s.placementPrefs);
            mode = s.mode;
            replicas = s.replicas;
            updateConfig = s.updateConfig;
            rollbackConfig = s.rollbackConfig;
            ports = new ArrayList<>(s.ports);
            endpointMode = s.endpointMode;
            forceUpdate = s.forceUpdate;
        }

        public ServiceSpec build() {
            return new ServiceSpec(name, labels, image, args, entrypoint, env, containerLabels, hostname, workdir,
                    user, mounts, stopGracePeriodNanos, stopSignal, tty, readOnly, limitNanoCpus, limitMemoryBytes,
                    reserveNanoCpus, reserveMemoryBytes, restartPolicy, constraints, placementPrefs, mode, replicas,
                    updateConfig, rollbackConfig, ports, endpointMode, forceUpdate);
        }
    }
}
