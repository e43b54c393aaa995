package clusterlab.swarm.orchestrator;

import clusterlab.kernel.Time;

/**
 * {@code --update-*} (and {@code --rollback-*}) settings with SwarmKit's defaults: parallelism 1,
 * delay 0, failure action pause, monitor 5 s, max failure ratio 0, order stop-first.
 */
public record UpdateConfig(int parallelism, long delayNanos, FailureAction failureAction, long monitorNanos,
        double maxFailureRatio, Order order) {

    public enum FailureAction { PAUSE, CONTINUE, ROLLBACK }

    public enum Order { STOP_FIRST, START_FIRST }

    public static final UpdateConfig DEFAULTS =
            new UpdateConfig(1, 0, FailureAction.PAUSE, 5 * Time.SECOND, 0, Order.STOP_FIRST);

    public UpdateConfig {
        if (parallelism < 0 || delayNanos < 0 || monitorNanos < 0 || maxFailureRatio < 0 || maxFailureRatio > 1) {
            throw new IllegalArgumentException("invalid update config");
        }
    }

    /** 0 means "all at once", as in SwarmKit. */
    public int batchSize(int slots) {
        return parallelism == 0 ? Math.max(1, slots) : parallelism;
    }
}
