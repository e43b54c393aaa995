package clusterlab.swarm.orchestrator;

/**
 * What the orchestrator sees of a task: its slot, its desired and observed states, the spec
 * version it runs, and where.
 *
 * @param specVersion the service spec version the task was made from (an update bumps it)
 */
public record TaskView(String id, int slot, TaskState desired, TaskState observed, long specVersion, String nodeId) {
    /**
     * Running or on its way there, and meant to: desired RUNNING, or READY (a replacement waiting
     * for its restart delay or for the task it replaces to stop).
     */
    public boolean isActive() {
        return desired.ordinal() <= TaskState.RUNNING.ordinal() && !observed.isTerminal();
    }
}
