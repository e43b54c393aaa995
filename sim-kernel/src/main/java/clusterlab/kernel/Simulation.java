package clusterlab.kernel;

import clusterlab.kernel.trace.Trace;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event engine: virtual time, the event queue, the root of all randomness and the
 * trace. Single-threaded by design; parallelism lives outside (many simulations side by side).
 *
 * <p>Events run in (time, sequence) order, where the sequence number is assigned when the event is
 * scheduled: two events at the same instant run in the order they were scheduled. Every run method
 * is bounded by {@link #maxEventsPerRun()} so a runaway model stops with a clear message instead of
 * hanging.
 */
public final class Simulation {
    /** Default bound on the events one call of a run method may execute. */
    public static final long DEFAULT_MAX_EVENTS_PER_RUN = 500_000_000L;

    private final long seed;
    private final SimRandom random;
    private final Trace trace;
    private final EventQueue queue = new EventQueue();

    private long now;
    private long nextSeq;
    private long executed;
    private long cancelledInQueue;
    private long maxEventsPerRun = DEFAULT_MAX_EVENTS_PER_RUN;

    public Simulation(long seed) {
        this.seed = seed;
        this.random = SimRandom.root(seed);
        this.trace = new Trace(this::now);
    }

    public long seed() {
        return seed;
    }

    /** Current virtual time in nanoseconds. */
    public long now() {
        return now;
    }

    /** The root random stream; components take {@code random().stream("their/name")}. */
    public SimRandom random() {
        return random;
    }

    public Trace trace() {
        return trace;
    }

    /** Events executed since the simulation began. */
    public long eventsExecuted() {
        return executed;
    }

    /** Events waiting to run (cancelled ones excluded). */
    public long pendingEvents() {
        return queue.size() - cancelledInQueue;
    }

    public long maxEventsPerRun() {
        return maxEventsPerRun;
    }

    public void setMaxEventsPerRun(long maxEvents) {
        if (maxEvents <= 0) {
            throw new IllegalArgumentException("maxEventsPerRun must be positive, was " + maxEvents);
        }
        this.maxEventsPerRun = maxEvents;
    }

    /**
     * Runs {@code action} after {@code delayNanos} of virtual time.
     *
     * @throws IllegalArgumentException if the delay is negative
     */
    public EventHandle schedule(long delayNanos, Runnable action) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay: " + delayNanos + " ns");
        }
        long time;
        try {
            time = Math.addExact(now, delayNanos);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("delay too large: " + delayNanos + " ns at t=" + now + " ns");
        }
        return enqueue(time, action);
    }

    /**
     * Runs {@code action} at virtual time {@code timeNanos}.
     *
     * @throws IllegalArgumentException if that time is in the past
     */
    public EventHandle at(long timeNanos, Runnable action) {
        if (timeNanos < now) {
            throw new IllegalArgumentException("time " + timeNanos + " ns is in the past (now " + now + " ns)");
        }
        return enqueue(timeNanos, action);
    }

    private EventHandle enqueue(long time, Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("action is null");
        }
        long seq = nextSeq++;
        int slot = queue.add(time, seq, action);
        return new Event(this, time, seq, slot);
    }

    /** For {@link Event#cancel()}: clears the action of a pending event, which is then skipped. */
    boolean cancel(int slot, long seq) {
        if (queue.cancel(slot, seq)) {
            cancelledInQueue++;
            return true;
        }
        return false;
    }

    /** For {@link Event#isPending()}. */
    boolean isPending(int slot, long seq) {
        return queue.isPending(slot, seq);
    }

    /** Time of the next pending event, or {@code Long.MAX_VALUE} when none is pending. */
    public long nextEventTime() {
        return skipCancelled() ? queue.headTime() : Long.MAX_VALUE;
    }

    /**
     * Runs the next pending event.
     *
     * @return false when no event was pending
     */
    public boolean step() {
        Runnable action;
        while (true) {
            int slot = queue.takeHead();
            if (slot < 0) {
                return false;
            }
            action = queue.fire(slot);
            if (action != null) {
                break;
            }
            cancelledInQueue--; // a cancelled event reached the head: skip it
        }
        now = queue.headTime();
        long index = executed++;
        try {
            action.run();
        } catch (SimulationException alreadyDescribed) {
            throw alreadyDescribed;
        } catch (RuntimeException | AssertionError failure) {
            throw new SimulationException("event failed: " + failure, seed, now, index, failure);
        }
        return true;
    }

    /**
     * Runs every event due at or before {@code timeNanos}, then sets the clock to it.
     *
     * @throws IllegalArgumentException if that time is in the past
     */
    public void runUntil(long timeNanos) {
        if (timeNanos < now) {
            throw new IllegalArgumentException("time " + timeNanos + " ns is in the past (now " + now + " ns)");
        }
        long budget = maxEventsPerRun;
        while (nextEventTime() <= timeNanos) {
            if (budget-- <= 0) {
                // The message is built only when it is needed: this loop runs once per event.
                checkBudget(0, "runUntil(" + Time.formatInstant(timeNanos) + ")");
            }
            step();
        }
        now = timeNanos;
    }

    /** Runs virtual time forward by {@code durationNanos}. */
    public void runFor(long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("negative duration: " + durationNanos + " ns");
        }
        runUntil(Math.addExact(now, durationNanos));
    }

    /** Runs events while {@code condition} holds and events are pending; the condition is checked before each. */
    public void runWhile(BooleanSupplier condition) {
        long budget = maxEventsPerRun;
        while (condition.getAsBoolean() && skipCancelled()) {
            checkBudget(budget--, "runWhile");
            step();
        }
    }

    /** Runs until no event is pending. */
    public void run() {
        long budget = maxEventsPerRun;
        while (skipCancelled()) {
            checkBudget(budget--, "run");
            step();
        }
    }

    /** Drops cancelled events from the head; true when a pending event is then at the head. */
    private boolean skipCancelled() {
        int slot;
        while ((slot = queue.peek()) >= 0 && queue.isCancelled(slot)) {
            queue.takeHead();
            queue.fire(slot);
            cancelledInQueue--;
        }
        return slot >= 0;
    }

    private void checkBudget(long remaining, String what) {
        if (remaining <= 0) {
            throw new SimulationLimitException(what + " stopped after " + maxEventsPerRun
                    + " events without finishing; the model may be in a loop (raise the bound with setMaxEventsPerRun)",
                    seed, now, executed);
        }
    }
}
