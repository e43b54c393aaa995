package clusterlab.runtime.registry;

import java.util.function.BiConsumer;

/**
 * Schedules a transfer's callbacks and knows the time each one runs at, counted from the start
 * of the transfer, so callers need no clock (any {@code (delayNanos, action)} scheduler works,
 * e.g. {@code simulation::schedule}).
 */
final class Timeline {
    private final BiConsumer<Long, Runnable> scheduler;
    private long now;

    Timeline(BiConsumer<Long, Runnable> scheduler) {
        this.scheduler = scheduler;
    }

    long now() { return now; }

    void after(long delayNanos, Runnable action) {
        long at = now + Math.max(0, delayNanos);
        scheduler.accept(Math.max(0, delayNanos), () -> {
            now = Math.max(now, at);
            action.run();
        });
    }
}
