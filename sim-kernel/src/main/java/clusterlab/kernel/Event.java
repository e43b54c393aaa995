package clusterlab.kernel;

/**
 * One scheduled action. Cancelled events stay in the queue and are skipped when they reach the
 * head (lazy deletion), which keeps cancellation O(1) and the heap free of search.
 */
final class Event implements EventHandle {
    private static final byte PENDING = 0;
    private static final byte RAN = 1;
    private static final byte CANCELLED = 2;

    final long time;
    final long seq;
    private final Simulation owner;
    private Runnable action;
    private byte state = PENDING;

    Event(Simulation owner, long time, long seq, Runnable action) {
        this.owner = owner;
        this.time = time;
        this.seq = seq;
        this.action = action;
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public boolean cancel() {
        if (state != PENDING) {
            return false;
        }
        state = CANCELLED;
        action = null; // let captured state go at once, not when the event reaches the head
        owner.onCancelled();
        return true;
    }

    @Override
    public boolean isPending() {
        return state == PENDING;
    }

    boolean isCancelled() {
        return state == CANCELLED;
    }

    /** Marks the event as run and hands out its action, exactly once. */
    Runnable fire() {
        Runnable a = action;
        state = RAN;
        action = null;
        return a;
    }

    @Override
    public String toString() {
        return "Event{t=" + time + ", seq=" + seq + ", state=" + state + "}";
    }
}
