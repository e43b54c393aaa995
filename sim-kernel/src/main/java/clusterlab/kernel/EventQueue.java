package clusterlab.kernel;

import java.util.Arrays;

/**
 * Pending events ordered by (time, sequence number): a 4-ary min-heap over primitive arrays.
 *
 * <p>Why this shape: a 4-ary heap is half as deep as a binary one, and its four children sit next
 * to each other in memory, so a sift touches few cache lines.
 *
 * <p>Why the heap holds no references: each heap node is a time ({@code long[] times}) and a slot
 * number ({@code int[] slots}); the events sit still in {@code slab[slot]} from insertion to
 * removal. A sift therefore moves only primitives. Moving references instead would run the
 * garbage collector's write barrier on every level of every sift (with G1 a memory fence per store
 * into an old array pointing at a young event) and keep the collector's refinement threads busy;
 * measured with the hold benchmark in sim-bench, that was the largest cost of a big queue.
 *
 * <p>Why times alone: the four children of a node are 32 bytes of time, half a cache line, and the
 * arrays are small enough that more of a large heap stays in cache. Sequence numbers stay in the
 * events and are read only when two times are equal, which is rare in a large queue and cheap in
 * a small one (everything is in cache then).
 *
 * <p>Why the offsets: a large array is allocated at the start of a heap region (G1 "humongous"
 * objects), so its elements begin 16 bytes after a cache-line boundary. Storing heap position
 * {@code i} at index {@code i + TIME_OFFSET} (resp. {@code SLOT_OFFSET}) puts every group of four
 * children on a 32-byte (resp. 16-byte) boundary, so a group never straddles two cache lines. On
 * a JVM with another layout the offsets cost a few unused slots and nothing else.
 *
 * <p>Fused pop-and-push: {@link #takeHead()} hands out the head but leaves it in place; if the
 * running event schedules another before the next take (the common case in every timer-driven
 * model), {@link #add} overwrites the old head, reusing its slot, and sifts once instead of twice.
 */
final class EventQueue {
    private static final int ARITY_SHIFT = 2; // 4 children per node
    private static final int INITIAL_CAPACITY = 256;
    private static final int TIME_OFFSET = 1;
    private static final int SLOT_OFFSET = 3;
    private static final int ROOT = 0;

    /** times[i + TIME_OFFSET] = time of the event at heap position i (a copy of its {@code time}). */
    private long[] times = new long[INITIAL_CAPACITY + TIME_OFFSET];
    /** slots[i + SLOT_OFFSET] = where in {@link #slab} the event at heap position i sits. */
    private int[] slots = new int[INITIAL_CAPACITY + SLOT_OFFSET];
    /** The events by slot; a slot is null when free. */
    private Event[] slab = new Event[INITIAL_CAPACITY];
    /** A stack of free slots below {@link #slotsEverUsed}; last freed, first reused (warm in cache). */
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsEverUsed;
    private int capacity = INITIAL_CAPACITY;
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
            int slot = slots[ROOT + SLOT_OFFSET];
            slab[slot] = e;
            siftDown(ROOT, e.time, slot);
            return;
        }
        if (size == capacity) {
            grow();
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotsEverUsed++;
        slab[slot] = e;
        siftUp(size++, e.time, slot);
    }

    /** The earliest event without removing it, or null. */
    Event peek() {
        settle();
        return size == 0 ? null : slab[slots[ROOT + SLOT_OFFSET]];
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
        return slab[slots[ROOT + SLOT_OFFSET]];
    }

    private void settle() {
        if (headTaken) {
            headTaken = false;
            int freed = slots[ROOT + SLOT_OFFSET];
            slab[freed] = null;
            freeSlots[freeCount++] = freed;
            int last = --size;
            if (last > 0) {
                siftDown(ROOT, times[last + TIME_OFFSET], slots[last + SLOT_OFFSET]);
            }
        }
    }

    private void siftUp(int pos, long t, int slot) {
        final long[] ts = times;
        final int[] sl = slots;
        while (pos > 0) {
            int parent = (pos - 1) >>> ARITY_SHIFT;
            long pt = ts[parent + TIME_OFFSET];
            if (pt < t || (pt == t && seqOf(sl[parent + SLOT_OFFSET]) < seqOf(slot))) {
                break;
            }
            ts[pos + TIME_OFFSET] = pt;
            sl[pos + SLOT_OFFSET] = sl[parent + SLOT_OFFSET];
            pos = parent;
        }
        ts[pos + TIME_OFFSET] = t;
        sl[pos + SLOT_OFFSET] = slot;
    }

    /** Moves the hole at {@code pos} down to where the event (t, slot) belongs and puts it there. */
    private void siftDown(int pos, long t, int slot) {
        final long[] ts = times;
        final int[] sl = slots;
        final int n = size;
        while (true) {
            int first = (pos << ARITY_SHIFT) + 1;
            int best;
            long bt;
            if (first + 3 < n) {
                // All four children exist: a two-round tournament without data-dependent jumps.
                // Which child is earliest is a coin toss, so a branch would be mispredicted about
                // half the time; the sign bit of a difference selects instead (times are never
                // negative, so a difference of two cannot overflow). Equal times take the branch
                // to the sequence-number tie-break, which is rare and therefore well predicted.
                final int f = first + TIME_OFFSET;
                long t0 = ts[f];
                long t1 = ts[f + 1];
                long t2 = ts[f + 2];
                long t3 = ts[f + 3];
                int s01 = (int) ((t1 - t0) >>> 63); // 1 when child 1 is earlier than child 0
                if (t1 == t0) {
                    s01 = earlier(first + 1, first) ? 1 : 0;
                }
                int s23 = (int) ((t3 - t2) >>> 63);
                if (t3 == t2) {
                    s23 = earlier(first + 3, first + 2) ? 1 : 0;
                }
                long m01 = t0 + ((t1 - t0) & -(long) s01);
                long m23 = t2 + ((t3 - t2) & -(long) s23);
                int a = first + s01;
                int b = first + 2 + s23;
                int sab = (int) ((m23 - m01) >>> 63);
                if (m23 == m01) {
                    sab = earlier(b, a) ? 1 : 0;
                }
                best = a + ((b - a) & -sab);
                bt = m01 + ((m23 - m01) & -(long) sab);
            } else if (first < n) {
                best = first;
                bt = ts[first + TIME_OFFSET];
                for (int c = first + 1; c < n; c++) {
                    long ct = ts[c + TIME_OFFSET];
                    if (ct < bt || (ct == bt && earlier(c, best))) {
                        best = c;
                        bt = ct;
                    }
                }
            } else {
                break;
            }
            if (t < bt || (t == bt && seqOf(slot) < seqOf(sl[best + SLOT_OFFSET]))) {
                break;
            }
            ts[pos + TIME_OFFSET] = bt;
            sl[pos + SLOT_OFFSET] = sl[best + SLOT_OFFSET];
            pos = best;
        }
        ts[pos + TIME_OFFSET] = t;
        sl[pos + SLOT_OFFSET] = slot;
    }

    /** Tie-break between heap positions i and j of equal time: the one scheduled first runs first. */
    private boolean earlier(int i, int j) {
        return seqOf(slots[i + SLOT_OFFSET]) < seqOf(slots[j + SLOT_OFFSET]);
    }

    private long seqOf(int slot) {
        return slab[slot].seq;
    }

    private void grow() {
        int newCapacity = capacity * 2;
        if (newCapacity < 0 || newCapacity > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("event queue cannot grow beyond " + capacity + " events");
        }
        times = Arrays.copyOf(times, newCapacity + TIME_OFFSET);
        slots = Arrays.copyOf(slots, newCapacity + SLOT_OFFSET);
        slab = Arrays.copyOf(slab, newCapacity);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
        capacity = newCapacity;
    }
}
