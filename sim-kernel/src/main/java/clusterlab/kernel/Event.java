package clusterlab.kernel;

/**
 * The handle of one scheduled event: where it sits in the queue ({@code slot}) and which event it
 * is ({@code seq}, unique for the simulation's lifetime). The queue itself keeps no reference to a
 * handle: it stores the event's time, sequence number and action in primitive and action arrays.
 *
 * <p>Why a handle that the queue never sees: at a million pending events the cost of a big queue
 * is memory, and an object per pending event is 40 bytes that the collector must trace and copy
 * (each one lives as long as the event waits, long enough to be promoted). A handle that does not
 * escape the caller (the common case: the return value of {@code schedule} is ignored) is
 * scalar-replaced by the JIT and costs nothing; one that is kept is a small immutable object whose
 * life is the caller's business.
 *
 * <p>Cancellation stays lazy: the event stays in the queue with its action cleared and is skipped
 * when it reaches the head. A slot is reused only after its event ran or was skipped, and then
 * with a new sequence number, so a stale handle can never touch another event.
 */
final class Event implements EventHandle {
    private final Simulation owner;
    private final long time;
    private final long seq;
    private final int slot;

    Event(Simulation owner, long time, long seq, int slot) {
        this.owner = owner;
        this.time = time;
        this.seq = seq;
        this.slot = slot;
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public boolean cancel() {
        return owner.cancel(slot, seq);
    }

    @Override
    public boolean isPending() {
        return owner.isPending(slot, seq);
    }

    @Override
    public String toString() {
        return "Event{t=" + time + ", seq=" + seq + ", pending=" + isPending() + "}";
    }
}
