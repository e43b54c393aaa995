package clusterlab.swarm.store;

import clusterlab.swarm.orchestrator.TaskState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The services and tasks of the replicated store, with the allocator's ingress addresses (one per
 * node's ingress sandbox, a VIP per publishing service, one per task of such a service) and the
 * published ports. Like {@link ClusterStore} it changes only by applying committed commands in
 * log order; commands that do not fit the state (stale, malformed) change nothing.
 */
public final class Workloads {
    /** Spec versions kept per service for tasks still being created from them. */
    private static final int SPEC_VERSIONS_KEPT = 8;
    /** SwarmKit's range for published ports the allocator picks itself. */
    public static final int FIRST_DYNAMIC_PORT = 30000;
    public static final int LAST_DYNAMIC_PORT = 32767;

    private final TreeMap<String, ServiceRecord> services = new TreeMap<>();
    private final TreeMap<String, TreeMap<Long, ServiceSpec>> specVersions = new TreeMap<>();
    private final TreeMap<String, TaskRecord> tasks = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, TaskRecord>> tasksByService = new TreeMap<>();
    /** Assigned tasks by node (for heartbeats and node ps: a node's tasks without scanning all). */
    private final TreeMap<String, TreeMap<String, TaskRecord>> tasksByNode = new TreeMap<>();
    private final TreeMap<String, String> sandboxAddrs = new TreeMap<>();
    private final IngressPool pool = new IngressPool();

    public Collection<ServiceRecord> services() {
        return services.values();
    }

    public ServiceRecord service(String id) {
        return services.get(id);
    }

    public Collection<TaskRecord> tasks() {
        return tasks.values();
    }

    public TaskRecord task(String id) {
        return tasks.get(id);
    }

    /** The tasks of one service, by id. */
    public Collection<TaskRecord> tasksOf(String serviceId) {
        TreeMap<String, TaskRecord> t = tasksByService.get(serviceId);
        return t == null ? List.of() : t.values();
    }

    /** The tasks assigned to one node, by id. */
    public Collection<TaskRecord> tasksOn(String nodeId) {
        TreeMap<String, TaskRecord> t = tasksByNode.get(nodeId);
        return t == null ? List.of() : t.values();
    }

    /** The address of a node's ingress sandbox (the source the routing mesh's backends see). */
    public String sandboxAddr(String nodeId) {
        return sandboxAddrs.getOrDefault(nodeId, "");
    }

    /** The service publishing {@code port} through the ingress, or null. */
    public ServiceRecord publisherOf(int port, String protocol) {
        for (ServiceRecord s : services.values()) {
            for (PortConfig p : s.spec.ingressPorts()) {
                if (p.publishedPort() == port && p.protocol().equals(protocol)) {
                    return s;
                }
            }
        }
        return null;
    }

    // ---- commands ----

    public static String serviceCreate(String id, ServiceSpec spec) {
        return ClusterStore.cmd("service-create", id, SpecCodec.encode(spec));
    }

    public static String serviceUpdate(String id, ServiceSpec spec, boolean rollback) {
        return ClusterStore.cmd("service-update", id, SpecCodec.encode(spec), rollback ? "1" : "0");
    }

    public static String serviceStatus(String id, String state, String message) {
        return ClusterStore.cmd("service-status", id, state, message);
    }

    public static String serviceRm(String id) {
        return ClusterStore.cmd("service-rm", id);
    }

    public static String taskCreate(String id, String serviceId, int slot, String nodeId, long version,
                                    TaskState desired) {
        return ClusterStore.cmd("task-create", id, serviceId, Integer.toString(slot), nodeId, Long.toString(version),
                desired.name());
    }

    public static String taskAssign(String id, String nodeId) {
        return ClusterStore.cmd("task-assign", id, nodeId);
    }

    public static String taskPending(String id, String err) {
        return ClusterStore.cmd("task-pending", id, err);
    }

    public static String taskDesired(String id, TaskState desired) {
        return ClusterStore.cmd("task-desired", id, desired.name());
    }

    public static String taskStatus(String id, TaskState state, String message, String err, String containerId,
                                    int exitCode) {
        return ClusterStore.cmd("task-status", id, state.name(), message, err, containerId,
                Integer.toString(exitCode));
    }

    public static String taskRm(String id) {
        return ClusterStore.cmd("task-rm", id);
    }

    /** Applies a workload command (words already unescaped); false when it is not one. */
    boolean apply(List<String> a, long now) {
        try {
            return applyParsed(a, now);
        } catch (RuntimeException e) {
            return true; // malformed (a number that is not, an unknown state): nothing changes
        }
    }

    private boolean applyParsed(List<String> a, long now) {
        String op = a.get(0);
        switch (op) {
            case "service-create" -> {
                ServiceSpec spec = a.size() == 3 ? SpecCodec.decode(a.get(2)) : null;
                if (spec != null && !services.containsKey(a.get(1))) {
                    ServiceRecord s = new ServiceRecord(a.get(1), withDynamicPorts(spec, null), now);
                    services.put(s.id, s);
                    rememberSpec(s);
                    allocateVip(s);
                }
            }
            case "service-update" -> {
                ServiceRecord s = services.get(a.get(1));
                ServiceSpec spec = a.size() == 4 ? SpecCodec.decode(a.get(2)) : null;
                if (s != null && spec != null) {
                    boolean rollback = a.get(3).equals("1");
                    ServiceSpec before = s.spec;
                    s.spec = withDynamicPorts(spec, s);
                    s.previousSpec = rollback ? null : before;
                    s.version++;
                    s.updatedNanos = now;
                    rememberSpec(s);
                    allocateVip(s);
                }
            }
            case "service-status" -> {
                ServiceRecord s = services.get(a.get(1));
                if (s != null && a.size() == 4) {
                    if (isStart(a.get(2)) && !a.get(2).equals(s.updateState)) {
                        s.updateStartedNanos = now;
                    }
                    s.updateState = a.get(2);
                    s.updateMessage = a.get(3);
                    if (isFinal(a.get(2))) {
                        s.updateCompletedNanos = now;
                    }
                }
            }
            case "service-rm" -> {
                ServiceRecord s = services.remove(a.get(1));
                if (s != null) {
                    specVersions.remove(s.id);
                    pool.release(s.vip);
                    for (TaskRecord t : tasksOf(s.id)) {
                        if (t.desired.ordinal() < TaskState.REMOVE.ordinal()) {
                            t.desired = TaskState.REMOVE;
                            t.updatedNanos = now;
                        }
                    }
                }
            }
            case "task-create" -> {
                ServiceRecord s = services.get(a.get(2));
                long version = Long.parseLong(a.get(5));
                ServiceSpec spec = s == null ? null : specVersions.get(s.id).get(version);
                if (spec != null && !tasks.containsKey(a.get(1)) && a.size() == 7) {
                    String addr = spec.ingressPorts().isEmpty() ? "" : pool.allocate();
                    add(new TaskRecord(a.get(1), s.id, Integer.parseInt(a.get(3)), version, spec, a.get(4),
                            TaskState.valueOf(a.get(6)), now, addr));
                }
            }
            case "task-restore" -> restoreTask(a);
            case "service-restore" -> restoreService(a);
            case "ingress-node" -> {
                if (a.size() == 3) {
                    sandboxAddrs.put(a.get(1), a.get(2));
                    pool.claim(a.get(2));
                }
            }
            case "task-assign", "task-pending", "task-desired", "task-status", "task-rm" -> applyToTask(a, now);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void applyToTask(List<String> a, long now) {
        TaskRecord t = tasks.get(a.get(1));
        if (t == null) {
            return;
        }
        switch (a.get(0)) {
            case "task-assign" -> {
                boolean free = !t.assigned() || t.nodeId.equals(a.get(2));
                if (free && a.size() == 3 && t.observed.canMoveTo(TaskState.ASSIGNED)) {
                    t.nodeId = a.get(2);
                    index(t);
                    t.err = "";
                    setObserved(t, TaskState.ASSIGNED, "scheduler assigned task to node", now);
                }
            }
            case "task-pending" -> {
                if (!t.assigned() && a.size() == 3 && t.observed.ordinal() <= TaskState.PENDING.ordinal()) {
                    if (t.observed != TaskState.PENDING) {
                        setObserved(t, TaskState.PENDING, "pending task scheduling", now);
                    }
                    t.err = a.get(2);
                    t.updatedNanos = now;
                }
            }
            case "task-desired" -> {
                TaskState d = TaskState.valueOf(a.get(2));
                // Desired state only moves forward too (READY -> RUNNING -> SHUTDOWN -> REMOVE).
                if (d.ordinal() > t.desired.ordinal()) {
                    t.desired = d;
                    t.updatedNanos = now;
                }
            }
            case "task-status" -> {
                TaskState s = TaskState.valueOf(a.get(2));
                if (a.size() == 7 && t.observed.canMoveTo(s)) {
                    setObserved(t, s, a.get(3), now);
                    t.err = a.get(4);
                    if (!a.get(5).isEmpty()) {
                        t.containerId = a.get(5);
                    }
                    t.exitCode = Integer.parseInt(a.get(6));
                }
            }
            case "task-rm" -> remove(t);
            default -> { }
        }
    }

    private static void setObserved(TaskRecord t, TaskState s, String message, long now) {
        t.observed = s;
        t.message = message;
        t.statusNanos = now;
        t.updatedNanos = now;
    }

    private static boolean isStart(String state) {
        return state.equals("updating") || state.equals("rollback_started");
    }

    private static boolean isFinal(String state) {
        return state.equals("completed") || state.equals("rollback_completed") || state.equals("paused")
                || state.equals("rollback_paused");
    }

    /** A node joined: its ingress sandbox gets an address. */
    void nodeAdded(String nodeId) {
        if (!sandboxAddrs.containsKey(nodeId)) {
            sandboxAddrs.put(nodeId, pool.allocate());
        }
    }

    void nodeRemoved(String nodeId) {
        String addr = sandboxAddrs.remove(nodeId);
        if (addr != null) {
            pool.release(addr);
        }
    }

    private void add(TaskRecord t) {
        tasks.put(t.id, t);
        tasksByService.computeIfAbsent(t.serviceId, k -> new TreeMap<>()).put(t.id, t);
        index(t);
    }

    private void index(TaskRecord t) {
        if (t.assigned()) {
            tasksByNode.computeIfAbsent(t.nodeId, k -> new TreeMap<>()).put(t.id, t);
        }
    }

    private void remove(TaskRecord t) {
        tasks.remove(t.id);
        TreeMap<String, TaskRecord> of = tasksByService.get(t.serviceId);
        if (of != null) {
            of.remove(t.id);
            if (of.isEmpty()) {
                tasksByService.remove(t.serviceId);
            }
        }
        TreeMap<String, TaskRecord> on = t.assigned() ? tasksByNode.get(t.nodeId) : null;
        if (on != null) {
            on.remove(t.id);
            if (on.isEmpty()) {
                tasksByNode.remove(t.nodeId);
            }
        }
        pool.release(t.ingressAddr);
    }

    private void rememberSpec(ServiceRecord s) {
        TreeMap<Long, ServiceSpec> versions = specVersions.computeIfAbsent(s.id, k -> new TreeMap<>());
        versions.put(s.version, s.spec);
        while (versions.size() > SPEC_VERSIONS_KEPT) {
            versions.pollFirstEntry();
        }
    }

    private void allocateVip(ServiceRecord s) {
        boolean publishes = !s.spec.ingressPorts().isEmpty();
        if (publishes && s.vip.isEmpty()) {
            s.vip = pool.allocate();
        } else if (!publishes && !s.vip.isEmpty()) {
            pool.release(s.vip);
            s.vip = "";
        }
    }

    /**
     * Ingress ports published as 0 get the lowest free port of 30000–32767 (keeping the one the
     * service had for the same target).
     */
    private ServiceSpec withDynamicPorts(ServiceSpec spec, ServiceRecord existing) {
        boolean dynamic = false;
        for (PortConfig p : spec.ports()) {
            dynamic |= p.ingress() && p.publishedPort() == 0;
        }
        if (!dynamic) {
            return spec;
        }
        ServiceSpec.Builder b = spec.toBuilder();
        List<PortConfig> ports = new ArrayList<>();
        for (PortConfig p : spec.ports()) {
            if (p.ingress() && p.publishedPort() == 0) {
                int kept = 0;
                if (existing != null) {
                    for (PortConfig old : existing.spec.ingressPorts()) {
                        if (old.targetPort() == p.targetPort() && old.protocol().equals(p.protocol())) {
                            kept = old.publishedPort();
                        }
                    }
                }
                int port = kept;
                for (int candidate = FIRST_DYNAMIC_PORT; port == 0 && candidate <= LAST_DYNAMIC_PORT; candidate++) {
                    if (publisherOf(candidate, p.protocol()) == null && !usedIn(ports, candidate)) {
                        port = candidate;
                    }
                }
                ports.add(p.withPublished(port));
            } else {
                ports.add(p);
            }
        }
        b.ports = ports;
        return b.build();
    }

    private static boolean usedIn(List<PortConfig> ports, int port) {
        for (PortConfig p : ports) {
            if (p.publishedPort() == port) {
                return true;
            }
        }
        return false;
    }

    // ---- snapshots ----

    /** The sandbox addresses as commands, to come before the nodes' (which would allocate new ones). */
    void encodeSandboxes(StringBuilder b) {
        for (Map.Entry<String, String> e : sandboxAddrs.entrySet()) {
            b.append(ClusterStore.cmd("ingress-node", e.getKey(), e.getValue())).append('\n');
        }
    }

    /** The services and tasks as commands that rebuild them. */
    void encode(StringBuilder b) {
        for (ServiceRecord s : services.values()) {
            b.append(ClusterStore.cmd("service-restore", s.id, SpecCodec.encode(s.spec),
                    s.previousSpec == null ? "" : SpecCodec.encode(s.previousSpec), Long.toString(s.version), s.vip, s.updateState, s.updateMessage,
                    Long.toString(s.updateStartedNanos), Long.toString(s.updateCompletedNanos),
                    Long.toString(s.createdNanos), Long.toString(s.updatedNanos))).append('\n');
        }
        for (TaskRecord t : tasks.values()) {
            b.append(ClusterStore.cmd("task-restore", t.id, t.serviceId, Integer.toString(t.slot), t.nodeId,
                    Long.toString(t.specVersion), SpecCodec.encode(t.spec), t.desired.name(), t.observed.name(),
                    Long.toString(t.statusNanos), t.message, t.err, t.containerId, Integer.toString(t.exitCode),
                    Long.toString(t.createdNanos), t.ingressAddr, Long.toString(t.updatedNanos))).append('\n');
        }
    }

    private void restoreService(List<String> a) {
        if (a.size() != 12) {
            return;
        }
        ServiceSpec spec = SpecCodec.decode(a.get(2));
        if (spec == null) {
            return;
        }
        ServiceRecord s = new ServiceRecord(a.get(1), spec, Long.parseLong(a.get(10)));
        s.previousSpec = a.get(3).isEmpty() ? null : SpecCodec.decode(a.get(3));
        s.version = Long.parseLong(a.get(4));
        s.vip = a.get(5);
        s.updateState = a.get(6);
        s.updateMessage = a.get(7);
        s.updateStartedNanos = Long.parseLong(a.get(8));
        s.updateCompletedNanos = Long.parseLong(a.get(9));
        s.updatedNanos = Long.parseLong(a.get(11));
        services.put(s.id, s);
        rememberSpec(s);
        pool.claim(s.vip);
    }

    private void restoreTask(List<String> a) {
        if (a.size() != 17) {
            return;
        }
        ServiceSpec spec = SpecCodec.decode(a.get(6));
        if (spec == null) {
            return;
        }
        TaskRecord t = new TaskRecord(a.get(1), a.get(2), Integer.parseInt(a.get(3)), Long.parseLong(a.get(5)),
                spec, a.get(4), TaskState.valueOf(a.get(7)), Long.parseLong(a.get(14)), a.get(15));
        t.observed = TaskState.valueOf(a.get(8));
        t.statusNanos = Long.parseLong(a.get(9));
        t.message = a.get(10);
        t.err = a.get(11);
        t.containerId = a.get(12);
        t.exitCode = Integer.parseInt(a.get(13));
        t.updatedNanos = Long.parseLong(a.get(16));
        add(t);
        pool.claim(t.ingressAddr);
    }
}
