package clusterlab.kernel;

/**
 * Pending events ordered by (time, sequence number): a 4-ary min-heap over primitive arrays.
 *
 * <p>Why this shape: a 4-ary heap is half as deep as a binary one, and its four children sit next
 * to each other in memory, so a sift touches few cache lines. Keys live in one {@code long[]}
 * (time and sequence interleaved) so a comparison never dereferences an event object.
 *
 * <p>Fused pop-and-push: {@link #takeHead()} hands out the head but leaves it in place; if the
 * running event schedules another before the next take (the common case in every timer-driven
 * model), {@link #add} overwrites the old head and sifts once instead of twice.
 */
final class EventQueue {
    private static final int ARITY_SHIFT = 2; // 4 children per node
    private static final int INITIAL_CAPACITY = 256;

    /** keys[2i] = time, keys[2i+1] = sequence number of the event at heap position i. */
    private long[] keys = new long[2 * INITIAL_CAPACITY];
    private Event[] events = new Event[INITIAL_CAPACITY];
    private int size;
    /** The head was handed out by {@link #takeHead()} and is logically gone. */
    private boolean headTaken;

    /** Number of events in the queue, including cancelled ones not yet skipped. */
    int size() {
        return headTaken ? size - 1 : size;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    void add(Event e) {
        if (headTaken) {
            headTaken = false;
            siftDown(0, e);
            return;
        }
        if (size == events.length) {
            grow();
        }
        siftUp(size++, e);
    }

    /** The earliest event without removing it, or null. */
    Event peek() {
        settle();
        return size == 0 ? null : events[0];
    }

    /**
     * Removes and returns the earliest event, or null when empty. The slot is reclaimed lazily:
     * by the next {@link #add} (fused) or the next call to any other method.
     */
    Event takeHead() {
        settle();
        if (size == 0) {
            return null;
        }
        headTaken = true;
        return events[0];
    }

    private void settle() {
        if (headTaken) {
            headTaken = false;
            int last = --size;
            Event moved = events[last];
            events[last] = null;
            if (last > 0) {
                siftDown(0, moved);
            }
        }
    }

    private void siftUp(int pos, Event e) {
        final long t = e.time;
        final long s = e.seq;
        final long[] k = keys;
        final Event[] ev = events;
        while (pos > 0) {
            int parent = (pos - 1) >>> ARITY_SHIFT;
            long pt = k[parent << 1];
            if (pt < t || (pt == t && k[(parent << 1) + 1] < s)) {
                break;
            }
            k[pos << 1] = pt;
            k[(pos << 1) + 1] = k[(parent << 1) + 1];
            ev[pos] = ev[parent];
            pos = parent;
        }
        k[pos << 1] = t;
        k[(pos << 1) + 1] = s;
        ev[pos] = e;
    }

    private void siftDown(int pos, Event e) {
        final long t = e.time;
        final long s = e.seq;
        final long[] k = keys;
        final Event[] ev = events;
        final int n = size;
        while (true) {
            int first = (pos << ARITY_SHIFT) + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + 4, n);
            int best = first;
            long bt = k[first << 1];
            long bs = k[(first << 1) + 1];
            for (int c = first + 1; c < end; c++) {
                long ct = k[c << 1];
                if (ct < bt || (ct == bt && k[(c << 1) + 1] < bs)) {
                    best = c;
                    bt = ct;
                    bs = k[(c << 1) + 1];
                }
            }
            if (t < bt || (t == bt && s < bs)) {
                break;
            }
            k[pos << 1] = bt;
            k[(pos << 1) + 1] = bs;
            ev[pos] = ev[best];
            pos = best;
        }
        k[pos << 1] = t;
        k[(pos << 1) + 1] = s;
        ev[pos] = e;
    }

    private void grow() {
        int capacity = events.length * 2;
        if (capacity < 0) {
            throw new IllegalStateException("event queue cannot grow beyond " + events.length + " events");
        }
        keys = java.util.Arrays.copyOf(keys, 2 * capacity);
        events = java.util.Arrays.copyOf(events, capacity);
    }
}
