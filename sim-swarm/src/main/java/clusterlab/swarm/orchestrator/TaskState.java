package clusterlab.swarm.orchestrator;

import java.util.Locale;

/**
 * SwarmKit's task states in their order (design/task_model.md). A task's observed state only
 * moves forward; the terminal states (COMPLETE and after) never change again.
 */
public enum TaskState {
    NEW, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING, RUNNING, COMPLETE, SHUTDOWN, FAILED, REJECTED,
    REMOVE, ORPHANED;

    /** Whether a task in this state may be reported in {@code next}: only forward, never out of a terminal one. */
    public boolean canMoveTo(TaskState next) {
        return next.ordinal() > ordinal() && !isTerminal();
    }

    /** COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED: the task will not run again. */
    public boolean isTerminal() {
        return ordinal() >= COMPLETE.ordinal();
    }

    /** The word {@code docker service ps} shows: {@code Running}, {@code Shutdown}, {@code Preparing}. */
    public String display() {
        String n = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
