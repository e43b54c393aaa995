package clusterlab.kernel;

import java.util.Arrays;

/**
 * Pending events ordered by (time, sequence number): a 4-ary min-heap over primitive arrays.
 *
 * <p>Why this shape: a 4-ary heap is half as deep as a binary one, and its four children sit next
 * to each other in memory, so a sift touches few cache lines.
 *
 * <p>Why the heap holds no references: each heap node is a time ({@code long[] times}) and a slot
 * number ({@code int[] slots}); the events sit still in their slot (time in the heap, sequence number and action in {@code seqs[slot]} and {@code actions[slot]}) from insertion to
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
    /** slots[i + SLOT_OFFSET] = which slot the event at heap position i sits. */
    private int[] slots = new int[INITIAL_CAPACITY + SLOT_OFFSET];
    /** seqs[slot] = sequence number of the event in that slot (stale once the slot is free). */
    private long[] seqs = new long[INITIAL_CAPACITY];
    /** actions[slot] = what the event does; null once it ran or was cancelled, and when free. */
    private Runnable[] actions = new Runnable[INITIAL_CAPACITY];
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

    /** Queues an event; returns its slot, which stays its own until it runs or is skipped. */
    int add(long time, long seq, Runnable action) {
        int slot;
        if (headTaken) {
            headTaken = false;
            slot = slots[ROOT + SLOT_OFFSET];
            seqs[slot] = seq;
            actions[slot] = action;
            siftDown(ROOT, time, slot);
            return slot;
        }
        if (size == capacity) {
            grow();
        }
        slot = freeCount > 0 ? freeSlots[--freeCount] : slotsEverUsed++;
        seqs[slot] = seq;
        actions[slot] = action;
        siftUp(size++, time, slot);
        return slot;
    }

    /** The slot of the earliest event without removing it, or -1. */
    int peek() {
        settle();
        return size == 0 ? -1 : slots[ROOT + SLOT_OFFSET];
    }

    /**
     * Removes the earliest event and returns its slot, or -1 when empty. The slot is reclaimed
     * lazily: by the next {@link #add} (fused) or the next call to any other method; until then
     * {@link #headTime()} is the time of the event taken.
     */
    int takeHead() {
        settle();
        if (size == 0) {
            return -1;
        }
        headTaken = true;
        return slots[ROOT + SLOT_OFFSET];
    }

    /** Time of the event at the head (or just taken); only valid after a peek or take that found one. */
    long headTime() {
        return times[ROOT + TIME_OFFSET];
    }

    /** Hands out the action of a taken event, once: null if the event was cancelled. */
    Runnable fire(int slot) {
        Runnable a = actions[slot];
        actions[slot] = null;
        return a;
    }

    /** True if the event in this (queued) slot was cancelled. */
    boolean isCancelled(int slot) {
        return actions[slot] == null;
    }

    /** Cancels the event (slot, seq) if it is still queued and not cancelled; true if this call did. */
    boolean cancel(int slot, long seq) {
        if (isPending(slot, seq)) {
            actions[slot] = null;
            return true;
        }
        return false;
    }

    /** True while the event (slot, seq) is queued and neither taken nor cancelled. */
    boolean isPending(int slot, long seq) {
        return seqs[slot] == seq && actions[slot] != null;
    }

    /** Sequence number of the event in a slot (for tests). */
    long seqAt(int slot) {
        return seqs[slot];
    }

    private void settle() {
        if (headTaken) {
            headTaken = false;
            int freed = slots[ROOT + SLOT_OFFSET];
            actions[freed] = null;
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
        return seqs[slot];
    }

    private void grow() {
        int newCapacity = capacity * 2;
        if (newCapacity < 0 || newCapacity > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("event queue cannot grow beyond " + capacity + " events");
        }
        times = Arrays.copyOf(times, newCapacity + TIME_OFFSET);
        slots = Arrays.copyOf(slots, newCapacity + SLOT_OFFSET);
        seqs = Arrays.copyOf(seqs, newCapacity);
        actions = Arrays.copyOf(actions, newCapacity);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
        capacity = newCapacity;
    }
}
