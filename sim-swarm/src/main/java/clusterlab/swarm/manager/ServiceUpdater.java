package clusterlab.swarm.manager;

import clusterlab.swarm.orchestrator.RollingUpdate;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.orchestrator.TaskView;
import clusterlab.swarm.orchestrator.UpdateConfig;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.TaskRecord;
import clusterlab.swarm.store.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One rolling update (or rollback) of a replicated service on the leader (SwarmKit's updater):
 * the pure {@link RollingUpdate} decides which slots to replace when; this class turns its
 * decisions into store commands and feeds it what the tasks did. Stop-first replaces a slot by
 * shutting the old task down and creating the new one with desired state READY, which starts
 * once the old one stopped; start-first starts the new one first and stops the old one once the
 * new one runs. The update's status (updating, paused, completed, rollback_*) is written to the
 * service, where {@code service inspect --pretty} shows it.
 */
final class ServiceUpdater {
    private final long version;
    private final boolean rollback;
    private final UpdateConfig config;
    private final RollingUpdate core;
    private final TreeMap<Integer, String> newTaskBySlot = new TreeMap<>();
    private final TreeMap<Integer, String> oldTaskBySlot = new TreeMap<>();
    private final TreeSet<Integer> seenRunning = new TreeSet<>();
    private final TreeSet<Integer> seenFailed = new TreeSet<>();

    private ServiceUpdater(long version, boolean rollback, UpdateConfig config, List<Integer> slots, long now) {
        this.version = version;
        this.rollback = rollback;
        this.config = config;
        this.core = new RollingUpdate(config, slots, now);
    }

    /** Whether this update decides the fate of the task (the reconciler must not shut it down). */
    boolean owns(String taskId) {
        return newTaskBySlot.containsValue(taskId) || oldTaskBySlot.containsValue(taskId);
    }

    /** Whether the task is a replacement waiting for the task it replaces to stop. */
    boolean holds(String taskId) {
        return newTaskBySlot.containsValue(taskId);
    }

    /**
     * One pass of the update of {@code s}: starts one when tasks run an outdated template, moves
     * the running one on, and returns the updater to keep (null when none runs).
     */
    static ServiceUpdater advance(ServiceUpdater u, ServiceOrchestrator.Plan plan, ServiceRecord s,
                                  List<TaskView> views, SwarmNode leader) {
        if (u != null && u.version != s.version) {
            u = null; // a newer spec supersedes the update in progress
        }
        if (u == null) {
            List<Integer> dirty = dirtySlots(plan, s, views);
            if (dirty.isEmpty()) {
                if (s.updateState.equals("updating") || s.updateState.equals("rollback_started")) {
                    plan.add(Workloads.serviceStatus(s.id, completedState(s.updateState.startsWith("rollback")),
                            completedMessage(s.updateState.startsWith("rollback"))));
                }
                return null;
            }
            boolean paused = s.updateState.equals("paused") || s.updateState.equals("rollback_paused");
            if (paused && s.updateCompletedNanos >= s.updatedNanos) {
                return null; // stays paused until the service is updated again
            }
            boolean rollback = s.updateState.equals("rollback_started");
            u = new ServiceUpdater(s.version, rollback, rollback ? s.spec.rollbackConfig() : s.spec.updateConfig(),
                    dirty, plan.now);
            if (!rollback) {
                plan.add(Workloads.serviceStatus(s.id, "updating", "update in progress"));
            }
        }
        return u.step(plan, s, views, leader);
    }

    private ServiceUpdater step(ServiceOrchestrator.Plan plan, ServiceRecord s, List<TaskView> views,
                                SwarmNode leader) {
        Workloads w = plan.store.workloads();
        for (var e : newTaskBySlot.entrySet()) {
            int slot = e.getKey();
            TaskRecord fresh = w.task(e.getValue());
            TaskRecord old = w.task(oldTaskBySlot.getOrDefault(slot, ""));
            if (fresh == null) {
                continue;
            }
            boolean oldGone = old == null || old.observed.isTerminal() || plan.nodeLost(old.nodeId);
            if (fresh.desired == TaskState.READY && oldGone) {
                plan.add(Workloads.taskDesired(fresh.id, TaskState.RUNNING));
            }
            if (fresh.observed == TaskState.RUNNING && seenRunning.add(slot)) {
                core.taskRunning(slot, plan.now);
                if (config.order() == UpdateConfig.Order.START_FIRST && old != null) {
                    plan.add(Workloads.taskDesired(old.id, TaskState.SHUTDOWN));
                }
            }
            if (fresh.observed.isTerminal() && fresh.observed != TaskState.SHUTDOWN && seenFailed.add(slot)) {
                core.taskFailed(slot, fresh.id, plan.now);
            }
        }
        for (int slot : core.poll(plan.now)) {
            TaskView old = outdated(plan, s, views, slot);
            if (old == null) {
                seenRunning.add(slot);
                core.taskRunning(slot, plan.now); // the slot went away (scaled down): nothing to replace
                continue;
            }
            boolean startFirst = config.order() == UpdateConfig.Order.START_FIRST;
            if (!startFirst) {
                plan.add(Workloads.taskDesired(old.id(), TaskState.SHUTDOWN));
            }
            String id = plan.newTaskId(leader);
            plan.add(Workloads.taskCreate(id, s.id, slot, "", s.version,
                    startFirst ? TaskState.RUNNING : TaskState.READY));
            newTaskBySlot.put(slot, id);
            oldTaskBySlot.put(slot, old.id());
        }
        plan.wakeAt(core.nextWakeupNanos());
        switch (core.state()) {
            case COMPLETED -> {
                plan.add(Workloads.serviceStatus(s.id, completedState(rollback), completedMessage(rollback)));
                return null;
            }
            case PAUSED -> {
                String message = rollback ? core.message().replace("update paused", "rollback paused")
                        : core.message();
                plan.add(Workloads.serviceStatus(s.id, rollback ? "rollback_paused" : "paused", message));
                return null;
            }
            case ROLLBACK_STARTED -> {
                if (s.previousSpec != null && !rollback) {
                    plan.add(Workloads.serviceUpdate(s.id, s.previousSpec, true));
                    plan.add(Workloads.serviceStatus(s.id, "rollback_started", core.message()));
                } else {
                    plan.add(Workloads.serviceStatus(s.id, "paused", core.message()));
                }
                return null;
            }
            default -> {
                return this;
            }
        }
    }

    private static String completedState(boolean rollback) {
        return rollback ? "rollback_completed" : "completed";
    }

    private static String completedMessage(boolean rollback) {
        return rollback ? "rollback completed" : "update completed";
    }

    /** Slots whose running task was made from a different task template than the service's. */
    private static List<Integer> dirtySlots(ServiceOrchestrator.Plan plan, ServiceRecord s, List<TaskView> views) {
        TreeSet<Integer> slots = new TreeSet<>();
        for (TaskView v : views) {
            if (v.slot() <= s.spec.replicas() && outdated(plan, s, views, v.slot()) != null) {
                slots.add(v.slot());
            }
        }
        return new ArrayList<>(slots);
    }

    /** The slot's active task when it runs an outdated template and no current one is there too. */
    private static TaskView outdated(ServiceOrchestrator.Plan plan, ServiceRecord s, List<TaskView> views, int slot) {
        TaskView stale = null;
        for (TaskView v : views) {
            if (v.slot() != slot || !v.isActive()) {
                continue;
            }
            TaskRecord t = plan.store.workloads().task(v.id());
            if (t == null || !t.spec.taskTemplateDiffers(s.spec)) {
                return null; // a current task (possibly created in this very pass) holds the slot
            }
            stale = v;
        }
        return stale;
    }
}
