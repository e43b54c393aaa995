package clusterlab.swarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The replicated orchestrator as a pure function (SwarmKit's {@code orchestrator/replicated}):
 * from the declared number of replicas and the tasks that exist, the actions that make them
 * agree. Replicas live in slots 1..N; a slot with no active task gets a new one (a failed task's
 * replacement is subject to the restart policy, decided by the caller); slots above N are shut
 * down, highest first; a slot with more than one active task keeps the newest spec's.
 */
public final class ReplicatedReconciler {
    /** What to do. */
    public sealed interface Action {
        /** Create a task for a slot (it starts NEW and goes to the scheduler). */
        record CreateTask(int slot) implements Action {}

        /** Set a task's desired state to SHUTDOWN. */
        record ShutdownTask(String taskId, int slot) implements Action {}
    }

    private ReplicatedReconciler() {}

    public static List<Action> reconcile(int replicas, long currentSpecVersion, List<TaskView> tasks) {
        return reconcile(replicas, currentSpecVersion, tasks, java.util.Set.of());
    }

    /**
     * As above, leaving alone the {@code settled} slots: their task ended and the restart policy
     * does not replace it (condition none, on-failure after a clean exit, attempts used up).
     */
    public static List<Action> reconcile(int replicas, long currentSpecVersion, List<TaskView> tasks,
                                         java.util.Set<Integer> settled) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative: " + replicas);
        }
        TreeMap<Integer, List<TaskView>> activeBySlot = new TreeMap<>();
        for (TaskView t : tasks) {
            if (t.isActive()) {
                activeBySlot.computeIfAbsent(t.slot(), s -> new ArrayList<>()).add(t);
            }
        }
        List<Action> actions = new ArrayList<>();
        for (int slot = 1; slot <= replicas; slot++) {
            List<TaskView> here = activeBySlot.get(slot);
            if ((here == null || here.isEmpty()) && !settled.contains(slot)) {
                actions.add(new Action.CreateTask(slot));
            } else if (here != null && here.size() > 1) {
                // Keep the task of the newest spec (then the later id); shut down the rest.
                TaskView keep = here.get(0);
                for (TaskView t : here) {
                    if (t.specVersion() > keep.specVersion()
                            || t.specVersion() == keep.specVersion() && t.id().compareTo(keep.id()) > 0) {
                        keep = t;
                    }
                }
                for (TaskView t : here) {
                    if (t != keep) {
                        actions.add(new Action.ShutdownTask(t.id(), slot));
                    }
                }
            }
        }
        for (Integer slot : activeBySlot.descendingKeySet()) {
            if (slot > replicas) {
                for (TaskView t : activeBySlot.get(slot)) {
                    actions.add(new Action.ShutdownTask(t.id(), slot));
                }
            }
        }
        return actions;
    }
}
