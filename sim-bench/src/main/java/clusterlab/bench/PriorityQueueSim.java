package clusterlab.bench;

import java.util.PriorityQueue;

/**
 * The baseline of the hold benchmark: the straightforward discrete-event loop that anyone would
 * write with {@link PriorityQueue}. Events are objects with a time, a sequence number and an
 * action, ordered by (time, seq) like the kernel's; a step polls the earliest, advances the clock
 * and runs the action, which offers a new event.
 */
final class PriorityQueueSim {

    /** A scheduled action; natural order is (time, seq), the kernel's order. */
    static final class QueuedEvent implements Comparable<QueuedEvent> {
        final long time;
        final long seq;
        final Runnable action;

        QueuedEvent(long time, long seq, Runnable action) {
            this.time = time;
            this.seq = seq;
            this.action = action;
        }

        @Override
        public int compareTo(QueuedEvent o) {
            int byTime = Long.compare(time, o.time);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<QueuedEvent> queue = new PriorityQueue<>();
    private final long[] delaysNanos;
    private int nextDraw;
    private long nextSeq;
    long now;

    /** The same work as the kernel side's action: schedule one event at now + the next draw. */
    final Runnable reschedule = new Runnable() {
        @Override
        public void run() {
            schedule(delaysNanos[nextDraw++ & HoldModel.DRAW_MASK], this);
        }
    };

    PriorityQueueSim(long[] delaysNanos) {
        this.delaysNanos = delaysNanos;
    }

    void schedule(long delayNanos, Runnable action) {
        queue.offer(new QueuedEvent(now + delayNanos, nextSeq++, action));
    }

    /** Runs the earliest event; false when none is pending. */
    boolean step() {
        QueuedEvent e = queue.poll();
        if (e == null) {
            return false;
        }
        now = e.time;
        e.action.run();
        return true;
    }

    int size() {
        return queue.size();
    }
}
