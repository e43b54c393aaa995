package clusterlab.swarm.manager;

import clusterlab.kernel.EventHandle;
import clusterlab.swarm.orchestrator.ReplicatedReconciler;
import clusterlab.swarm.orchestrator.TaskHistory;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.orchestrator.TaskView;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.TaskRecord;
import clusterlab.swarm.store.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The leader's control loop over services (SwarmKit's orchestrators, task reaper and scheduler
 * on one manager): each pass reads the committed store, decides with the pure cores
 * ({@link ReplicatedReconciler}, {@link clusterlab.swarm.scheduler.Scheduler},
 * {@link clusterlab.swarm.orchestrator.RollingUpdate}, {@link TaskHistory}) what to change, and
 * proposes it as one batch. The next pass waits until that batch is applied, so a pass never acts
 * twice on the same state. Passes run when the store changes and when a timer is due (restart
 * delays, update delays and monitoring windows).
 */
final class ServiceOrchestrator {
    /** The most commands one pass proposes; the rest waits for the next pass. */
    static final int MAX_COMMANDS_PER_PASS = 4096;

    private final SwarmNode leader;
    private final TaskScheduling scheduling = new TaskScheduling();
    /**
     * Restarts waiting for the restart policy's delay, by "service/slot" (or "service/node" for a
     * global service): when the replacement may be created. The slot counts as filled until then.
     */
    private final TreeMap<String, Long> restartAt = new TreeMap<>();
    private final TreeMap<String, ServiceUpdater> updaters = new TreeMap<>();
    private boolean stopped;
    private boolean inFlight;
    private boolean dirty;
    private EventHandle timer;
    private long timerAt = Long.MAX_VALUE;

    ServiceOrchestrator(SwarmNode leader) {
        this.leader = leader;
    }

    void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
        }
    }

    /** The store changed (or a request wants a pass soon). */
    void kick() {
        dirty = true;
        wakeAt(now());
    }

    private long now() {
        return leader.machine().simulation().now();
    }

    private void wakeAt(long at) {
        if (stopped || at >= timerAt) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        timerAt = at;
        timer = leader.machine().schedule(Math.max(0, at - now()), () -> {
            timer = null;
            timerAt = Long.MAX_VALUE;
            pass();
        });
    }

    private void pass() {
        if (stopped) {
            return;
        }
        if (inFlight) {
            dirty = true;
            return;
        }
        dirty = false;
        long now = now();
        ClusterStore store = leader.localStore();
        if (store == null) {
            return;
        }
        Plan plan = new Plan(store, now);
        Workloads w = store.workloads();
        for (TaskRecord t : w.tasks()) {
            reapRemoved(plan, t);
        }
        for (ServiceRecord s : w.services()) {
            if (s.spec.global()) {
                reconcileGlobal(plan, s);
            } else {
                reconcileReplicated(plan, s);
            }
            reap(plan, s);
        }
        updaters.keySet().removeIf(id -> w.service(id) == null);
        startDelayed(plan, w);
        scheduling.schedule(plan, store);
        Dispatcher d = leader.dispatcher();
        if (d != null) {
            d.syncAssignments(store);
        }
        long next = plan.wakeAt;
        for (long at : restartAt.values()) {
            next = Math.min(next, at);
        }
        if (next != Long.MAX_VALUE) {
            wakeAt(Math.max(next, now + 1));
        }
        if (!plan.commands.isEmpty()) {
            inFlight = true;
            leader.proposeAll(plan.commands, err -> {
                inFlight = false;
                if (err == null || dirty) {
                    kick();
                }
            });
        }
    }

    /** Tasks of removed services go once their container stopped (or their node is gone). */
    private void reapRemoved(Plan plan, TaskRecord t) {
        if (t.desired == TaskState.REMOVE && (t.observed.isTerminal() || !t.assigned() || plan.nodeLost(t.nodeId))) {
            plan.add(Workloads.taskRm(t.id));
        }
    }

    private void reconcileReplicated(Plan plan, ServiceRecord s) {
        List<TaskView> views = new ArrayList<>();
        TreeSet<Integer> settled = new TreeSet<>();
        for (TaskRecord t : plan.store.workloads().tasksOf(s.id)) {
            TaskView v = t.view();
            if (t.desired.ordinal() <= TaskState.RUNNING.ordinal() && endedOrLost(plan, t)) {
                if (restarts(plan, s, t)) {
                    plan.add(Workloads.taskDesired(t.id, TaskState.SHUTDOWN));
                    v = new TaskView(t.id, t.slot, TaskState.SHUTDOWN, t.observed, t.specVersion, t.nodeId);
                    long delay = plan.nodeLost(t.nodeId) ? 0 : s.spec.restartPolicy().delayNanos();
                    restartAt.putIfAbsent(s.id + "/" + t.slot, plan.now + delay);
                } else {
                    settled.add(t.slot);
                }
            }
            views.add(v);
        }
        for (int slot = 1; slot <= s.spec.replicas(); slot++) {
            if (waitingToRestart(plan, s.id + "/" + slot)) {
                settled.add(slot);
            }
        }
        ServiceUpdater updater = updaters.get(s.id);
        for (ReplicatedReconciler.Action a : ReplicatedReconciler.reconcile((int) s.spec.replicas(), s.version,
                views, settled)) {
            if (a instanceof ReplicatedReconciler.Action.CreateTask c) {
                String id = plan.newTaskId(leader);
                plan.add(Workloads.taskCreate(id, s.id, c.slot(), "", s.version, TaskState.RUNNING));
                views.add(new TaskView(id, c.slot(), TaskState.RUNNING, TaskState.NEW, s.version, ""));
            } else if (a instanceof ReplicatedReconciler.Action.ShutdownTask sd
                    && (updater == null || !updater.owns(sd.taskId()))) {
                plan.add(Workloads.taskDesired(sd.taskId(), TaskState.SHUTDOWN));
            }
        }
        updater = ServiceUpdater.advance(updater, plan, s, views, leader);
        if (updater == null) {
            updaters.remove(s.id);
        } else {
            updaters.put(s.id, updater);
        }
    }

    /**
     * The global orchestrator: one task per node that is up, active and satisfies the
     * constraints. A task on a node that no longer qualifies is shut down; a task on a node that
     * is down stays as it is (as in SwarmKit); a changed task template replaces every task at once
     * (global services do not roll: a simplification).
     */
    private void reconcileGlobal(Plan plan, ServiceRecord s) {
        TreeMap<String, List<TaskRecord>> byNode = new TreeMap<>();
        for (TaskRecord t : plan.store.workloads().tasksOf(s.id)) {
            if (t.desired.ordinal() <= TaskState.RUNNING.ordinal()) {
                byNode.computeIfAbsent(t.nodeId, k -> new ArrayList<>()).add(t);
            }
        }
        for (NodeRecord n : plan.store.nodes()) {
            boolean eligible = !"down".equals(n.status) && "active".equals(n.availability)
                    && TaskScheduling.satisfies(n, s.spec.constraints());
            boolean occupied = false;
            for (TaskRecord t : byNode.getOrDefault(n.id, List.of())) {
                boolean stale = t.spec.taskTemplateDiffers(s.spec);
                if (!eligible && !"down".equals(n.status) || stale && !t.observed.isTerminal()) {
                    plan.add(Workloads.taskDesired(t.id, TaskState.SHUTDOWN));
                } else if (t.observed.isTerminal()) {
                    if (restarts(plan, s, t)) {
                        plan.add(Workloads.taskDesired(t.id, TaskState.SHUTDOWN));
                        restartAt.putIfAbsent(s.id + "/" + n.id, plan.now + s.spec.restartPolicy().delayNanos());
                        occupied = true;
                    } else {
                        occupied = true;
                    }
                } else {
                    occupied = true;
                }
            }
            if (eligible && !occupied && !waitingToRestart(plan, s.id + "/" + n.id)) {
                createGlobal(plan, s, n.id);
            }
        }
        for (var e : byNode.entrySet()) {
            if (plan.store.node(e.getKey()) == null) {
                for (TaskRecord t : e.getValue()) {
                    plan.add(Workloads.taskDesired(t.id, TaskState.SHUTDOWN));
                }
            }
        }
    }

    private void createGlobal(Plan plan, ServiceRecord s, String nodeId) {
        String id = plan.newTaskId(leader);
        plan.add(Workloads.taskCreate(id, s.id, 0, nodeId, s.version, TaskState.RUNNING));
        plan.add(Workloads.taskAssign(id, nodeId));
    }

    /** Whether a restart of this slot waits for its delay; a restart that is due is forgotten. */
    private boolean waitingToRestart(Plan plan, String key) {
        Long at = restartAt.get(key);
        if (at == null) {
            return false;
        }
        if (at > plan.now) {
            return true;
        }
        restartAt.remove(key);
        return false;
    }

    /**
     * Whether a task meant to run ended, or sits on a node that left, went down, was drained or no
     * longer satisfies its constraints (SwarmKit's constraint enforcer).
     */
    static boolean endedOrLost(Plan plan, TaskRecord t) {
        return t.observed.isTerminal() || t.assigned() && (plan.nodeLost(t.nodeId) || plan.nodeDrained(t.nodeId)
                || !TaskScheduling.satisfies(plan.store.node(t.nodeId), t.spec.constraints()));
    }

    /** The restart policy's verdict; tasks lost with their node are always replaced. */
    private static boolean restarts(Plan plan, ServiceRecord s, TaskRecord t) {
        if (!t.observed.isTerminal()) {
            return true;
        }
        long restartsSoFar = 0;
        for (TaskRecord other : plan.store.workloads().tasksOf(s.id)) {
            if (other.slot == t.slot && other != t && other.desired.isTerminal()
                    && (other.observed == TaskState.FAILED || other.observed == TaskState.COMPLETE
                    || other.observed == TaskState.REJECTED)) {
                restartsSoFar++;
            }
        }
        return t.spec.restartPolicy().restarts(t.observed, restartsSoFar);
    }

    /**
     * A task left waiting in READY by an earlier leader's rolling update may run now (this leader
     * does not know what it waited for).
     */
    private void startDelayed(Plan plan, Workloads w) {
        for (TaskRecord t : w.tasks()) {
            ServiceUpdater u = updaters.get(t.serviceId);
            if (t.desired == TaskState.READY && (u == null || !u.holds(t.id))) {
                plan.add(Workloads.taskDesired(t.id, TaskState.RUNNING));
            }
        }
        restartAt.keySet().removeIf(key -> w.service(key.substring(0, key.indexOf('/'))) == null);
    }

    /** The task reaper: each slot keeps the task history limit's worth of finished tasks. */
    private static void reap(Plan plan, ServiceRecord s) {
        List<TaskView> views = new ArrayList<>();
        TreeMap<String, Long> created = new TreeMap<>();
        TreeMap<String, Integer> nodeSlots = new TreeMap<>();
        for (TaskRecord t : plan.store.workloads().tasksOf(s.id)) {
            TaskView v = t.view();
            if (t.slot == 0) {
                // Global tasks have no slot: their node is their slot.
                int slot = nodeSlots.computeIfAbsent(t.nodeId, k -> nodeSlots.size() + 1);
                v = new TaskView(t.id, slot, t.desired, t.observed, t.specVersion, t.nodeId);
            }
            views.add(v);
            created.put(t.id, t.createdNanos);
        }
        int limit = (int) Math.max(0, plan.store.taskHistoryLimit());
        for (String id : TaskHistory.toDelete(views, v -> created.get(v.id()), limit)) {
            plan.add(Workloads.taskRm(id));
        }
    }

    /** One pass's view of the store and the commands it decided on. */
    static final class Plan {
        final ClusterStore store;
        final long now;
        final List<String> commands = new ArrayList<>();
        long wakeAt = Long.MAX_VALUE;

        Plan(ClusterStore store, long now) {
            this.store = store;
            this.now = now;
        }

        void add(String command) {
            if (commands.size() < MAX_COMMANDS_PER_PASS) {
                commands.add(command);
            }
        }

        void wakeAt(long at) {
            wakeAt = Math.min(wakeAt, at);
        }

        String newTaskId(SwarmNode leader) {
            return Ids.newId(leader.random());
        }

        /** Left the swarm, went down, or was removed. */
        boolean nodeLost(String nodeId) {
            NodeRecord n = store.node(nodeId);
            return n == null || "down".equals(n.status);
        }

        boolean nodeDrained(String nodeId) {
            NodeRecord n = store.node(nodeId);
            return n != null && "drain".equals(n.availability);
        }
    }
}
