package clusterlab.kernel;

/** A scheduled event, returned by {@link Simulation#schedule} and {@link Simulation#at}. */
public interface EventHandle {
    /** Virtual time at which the event runs (or would have run). */
    long time();

    /**
     * Cancels the event if it has not run yet.
     *
     * @return true if this call stopped it from running; false if it already ran or was cancelled
     */
    boolean cancel();

    /** True while the event is scheduled and has neither run nor been cancelled. */
    boolean isPending();
}
