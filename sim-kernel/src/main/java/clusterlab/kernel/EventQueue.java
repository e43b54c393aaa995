package clusterlab.kernel;

import java.util.Arrays;

/**
 * Pending events ordered by (time, sequence number): a calendar queue of "days" (time ranges of
 * 2^shift ns) in front of which sits a small 4-ary heap, over primitive arrays.
 *
 * <p>Why a calendar: with a million pending events a heap costs about ten dependent, mostly
 * cache-missing levels per event (measured with the hold benchmark in sim-bench: memory, not
 * comparisons, bounds it). Here an event is appended to the list of its day (one random write),
 * and a day's events are moved into the {@code near} heap only when the clock reaches that day,
 * where they are few and in cache. Days are consecutive, so the bucket array is read sequentially.
 *
 * <p>The invariant that keeps the order exact: {@code near} holds every event whose day is at most
 * {@link #cur}; the ring of buckets holds events of days {@code cur + 1 .. cur + bucketCount}, one
 * day per bucket; {@code far} (another heap) holds events of later days. Every event outside
 * {@code near} is therefore later than every event in it, and {@code near} orders by (time, seq),
 * so same-time events leave in scheduling order whatever their bucket order was. When {@code near}
 * is empty the clock moves to the next non-empty day (a bitmap says which buckets are occupied).
 *
 * <p>Why the width adapts: the right day length is about the mean gap between consecutive events
 * (a few events per day). Every {@code bucketCount} day changes the queue checks how many events a
 * day held, how many empty days it skipped and how many events came from {@code far}; when the
 * ring is the wrong size or width it is rebuilt from a sample of pending times (an O(n) step
 * after at least n events, so O(1) amortized).
 *
 * <p>Why no references move: each event sits still in a slot; {@code rec[4 * slot]} is its time,
 * {@code + 1} its sequence number, {@code + 2} the next slot in its bucket's list, all in one
 * 32-byte record; {@code actions[slot]} is its action. Heaps and lists move only primitives, so
 * the collector's write barrier runs once per event, not per heap level.
 *
 * <p>Fused pop-and-push: {@link #takeHead()} hands out the head but leaves it in place; if the
 * running event schedules another for the current day before the next take, {@link #add}
 * overwrites the old head, reusing its slot, and sifts once instead of twice.
 */
final class EventQueue {
    private static final int INITIAL_CAPACITY = 256;
    private static final int MIN_BUCKETS = 64;
    private static final int REC = 4; // longs per slot record
    private static final int MAX_SHIFT = 62;
    private static final int SAMPLE = 1024;

    /** rec[REC * slot] = time, + 1 = seq, + 2 = next slot of the same bucket (or -1). */
    private long[] rec = new long[REC * INITIAL_CAPACITY];
    /** actions[slot] = what the event does; null once it ran or was cancelled, and when free. */
    private Runnable[] actions = new Runnable[INITIAL_CAPACITY];
    /** A stack of free slots below {@link #slotsEverUsed}; last freed, first reused (warm in cache). */
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsEverUsed;
    private int capacity = INITIAL_CAPACITY;

    /** Events of days up to {@link #cur}. */
    private final TimeHeap near = new TimeHeap();
    /** Events of days after the ring. */
    private final TimeHeap far = new TimeHeap();

    /** Day length is 2^shift ns; day of time t is t >>> shift. */
    private int shift;
    /** The current day: near holds everything up to it. */
    private long cur;
    private int bucketMask = MIN_BUCKETS - 1;
    /** First slot of each bucket's list, or -1. */
    private int[] bucketHead = filled(MIN_BUCKETS);
    /** Bit i set when bucket i is not empty. */
    private long[] occupied = new long[MIN_BUCKETS / 64];
    private int bucketed;

    /** Statistics since the last rebuild, to adapt the width. */
    private int daysMoved;
    private long eventsMoved;
    private long daysSkipped;
    private long fromFar;
    private int rebuilds;

    /** All events, including a taken head not yet reclaimed. */
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
        if (headTaken) {
            if ((time >>> shift) <= cur) {
                headTaken = false;
                int slot = near.topSlot();
                int r = REC * slot;
                rec[r] = time;
                rec[r + 1] = seq;
                actions[slot] = action;
                near.replaceTop(time, slot);
                return slot;
            }
            settle();
        }
        if (size == capacity) {
            grow();
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotsEverUsed++;
        int r = REC * slot;
        rec[r] = time;
        rec[r + 1] = seq;
        actions[slot] = action;
        size++;
        place(slot, time);
        return slot;
    }

    private void place(int slot, long time) {
        long day = time >>> shift;
        if (day <= cur) {
            near.push(time, slot);
        } else if (day - cur <= bucketMask + 1) {
            int b = (int) day & bucketMask;
            rec[REC * slot + 2] = bucketHead[b];
            bucketHead[b] = slot;
            occupied[b >>> 6] |= 1L << b;
            bucketed++;
        } else {
            far.push(time, slot);
        }
    }

    /** The slot of the earliest event without removing it, or -1. */
    int peek() {
        settle();
        if (near.n == 0 && !advance()) {
            return -1;
        }
        return near.topSlot();
    }

    /**
     * Removes the earliest event and returns its slot, or -1 when empty. The slot is reclaimed
     * lazily: by the next {@link #add} (fused) or the next call to any other method; until then
     * {@link #headTime()} is the time of the event taken.
     */
    int takeHead() {
        settle();
        if (near.n == 0 && !advance()) {
            return -1;
        }
        headTaken = true;
        return near.topSlot();
    }

    /** Time of the event at the head (or just taken); only valid after a peek or take that found one. */
    long headTime() {
        return near.topTime();
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
        return rec[REC * slot + 1] == seq && actions[slot] != null;
    }

    /** How often the ring was rebuilt (for tests: the adaptation must actually run). */
    int rebuilds() {
        return rebuilds;
    }

    /** Current day length as a power of two (for tests). */
    int dayShift() {
        return shift;
    }

    /** Sequence number of the event in a slot (for tests). */
    long seqAt(int slot) {
        return rec[REC * slot + 1];
    }

    private void settle() {
        if (headTaken) {
            headTaken = false;
            int freed = near.topSlot();
            actions[freed] = null;
            freeSlots[freeCount++] = freed;
            size--;
            near.pop();
        }
    }

    /** With near empty: moves the next non-empty day into near. False when nothing is queued. */
    private boolean advance() {
        if (bucketed == 0 && far.n == 0) {
            return false;
        }
        if (daysMoved > bucketMask && needsRebuild()) {
            rebuild();
            if (near.n > 0) {
                return true;
            }
        }
        long day = Long.MAX_VALUE;
        if (bucketed > 0) {
            day = nextOccupiedDay();
        }
        if (far.n > 0) {
            long farDay = far.topTime() >>> shift;
            if (farDay < day) {
                day = farDay;
            }
        }
        daysSkipped += Math.min(day - cur - 1, 1L << 20);
        cur = day;
        daysMoved++;
        int before = near.n;
        int b = (int) day & bucketMask;
        if ((occupied[b >>> 6] & (1L << b)) != 0) {
            // Every event of this bucket is of this day: the ring spans bucketCount days after cur.
            occupied[b >>> 6] &= ~(1L << b);
            int slot = bucketHead[b];
            bucketHead[b] = -1;
            while (slot >= 0) {
                int r = REC * slot;
                int next = (int) rec[r + 2];
                near.push(rec[r], slot);
                bucketed--;
                slot = next;
            }
        }
        while (far.n > 0 && (far.topTime() >>> shift) <= day) {
            near.push(far.topTime(), far.topSlot());
            far.pop();
            fromFar++;
        }
        eventsMoved += near.n - before;
        return true;
    }

    /** The first day after cur whose bucket is occupied (bucketed > 0). */
    private long nextOccupiedDay() {
        int start = (int) (cur + 1) & bucketMask;
        int wordMask = occupied.length - 1;
        int w = start >>> 6;
        long bits = occupied[w] & (-1L << start);
        while (bits == 0) {
            w = (w + 1) & wordMask;
            bits = occupied[w];
        }
        int b = (w << 6) | Long.numberOfTrailingZeros(bits);
        return cur + 1 + ((b - start) & bucketMask);
    }

    private boolean needsRebuild() {
        int buckets = bucketMask + 1;
        boolean sizeWrong = size > 2 * buckets || (buckets > MIN_BUCKETS && size < buckets / 4);
        boolean tooWide = eventsMoved > 8L * daysMoved;
        boolean tooNarrow = daysSkipped > 8L * eventsMoved;
        boolean ringTooShort = fromFar * 8 > eventsMoved;
        if (sizeWrong || tooWide || tooNarrow || ringTooShort) {
            return true;
        }
        daysMoved = 0;
        eventsMoved = 0;
        daysSkipped = 0;
        fromFar = 0;
        return false;
    }

    /** With near empty: picks a new width and ring size from the pending times and re-places every event. */
    private void rebuild() {
        rebuilds++;
        int count = bucketed + far.n;
        int[] all = new int[count];
        int k = 0;
        for (int b = 0; b <= bucketMask; b++) {
            for (int slot = bucketHead[b]; slot >= 0; slot = (int) rec[REC * slot + 2]) {
                all[k++] = slot;
            }
        }
        for (int i = 0; i < far.n; i++) {
            all[k++] = far.slotAt(i);
        }
        // The mean gap between consecutive times over the earlier half of a sample: robust to a few
        // events at the end of time, and what the next bucketCount days will hold.
        int sampleSize = Math.min(count, SAMPLE);
        long[] sample = new long[sampleSize];
        for (int i = 0; i < sampleSize; i++) {
            sample[i] = rec[REC * all[(int) ((long) i * count / sampleSize)]];
        }
        Arrays.sort(sample);
        long spanOfHalf = sample[sampleSize / 2] - sample[0];
        long gap = spanOfHalf / Math.max(1, count / 2);
        int newShift = Math.min(MAX_SHIFT, 63 - Long.numberOfLeadingZeros(Math.max(1, 2 * gap)));
        int buckets = Math.max(MIN_BUCKETS, Integer.highestOneBit(Math.max(1, size - 1)) << 1);

        long lastOfCur = cur << shift | ((1L << shift) - 1);
        shift = newShift;
        cur = lastOfCur >>> newShift;
        bucketMask = buckets - 1;
        bucketHead = filled(buckets);
        occupied = new long[buckets / 64];
        bucketed = 0;
        far.n = 0;
        for (int slot : all) {
            place(slot, rec[REC * slot]);
        }
        daysMoved = 0;
        eventsMoved = 0;
        daysSkipped = 0;
        fromFar = 0;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private long seqOf(int slot) {
        return rec[REC * slot + 1];
    }

    private void grow() {
        int newCapacity = capacity * 2;
        if (newCapacity < 0 || newCapacity > (Integer.MAX_VALUE - 8) / REC) {
            throw new IllegalStateException("event queue cannot grow beyond " + capacity + " events");
        }
        rec = Arrays.copyOf(rec, REC * newCapacity);
        actions = Arrays.copyOf(actions, newCapacity);
        freeSlots = Arrays.copyOf(freeSlots, newCapacity);
        capacity = newCapacity;
    }

    /**
     * A 4-ary min-heap of (time, slot) ordered by (time, seq of slot). Times and slots in separate
     * primitive arrays; four sibling times are 32 bytes.
     */
    private final class TimeHeap {
        private static final int ARITY_SHIFT = 2;
        private static final int TIME_OFFSET = 1;
        private static final int SLOT_OFFSET = 3;

        private long[] times = new long[64 + TIME_OFFSET];
        private int[] slots = new int[64 + SLOT_OFFSET];
        int n;

        int topSlot() {
            return slots[SLOT_OFFSET];
        }

        long topTime() {
            return times[TIME_OFFSET];
        }

        int slotAt(int i) {
            return slots[i + SLOT_OFFSET];
        }

        void push(long t, int slot) {
            if (n + TIME_OFFSET == times.length) {
                times = Arrays.copyOf(times, 2 * n + TIME_OFFSET);
                slots = Arrays.copyOf(slots, 2 * n + SLOT_OFFSET);
            }
            siftUp(n++, t, slot);
        }

        void pop() {
            int last = --n;
            if (last > 0) {
                siftDown(0, times[last + TIME_OFFSET], slots[last + SLOT_OFFSET]);
            }
        }

        void replaceTop(long t, int slot) {
            siftDown(0, t, slot);
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
            final int size = n;
            while (true) {
                int first = (pos << ARITY_SHIFT) + 1;
                int best;
                long bt;
                if (first + 3 < size) {
                    // All four children exist: a two-round tournament without data-dependent
                    // jumps (which child is earliest is a coin toss, so a branch would be
                    // mispredicted half the time); the sign bit of a difference selects instead
                    // (times are never negative, so a difference cannot overflow). Equal times
                    // branch to the sequence-number tie-break.
                    final int f = first + TIME_OFFSET;
                    long t0 = ts[f];
                    long t1 = ts[f + 1];
                    long t2 = ts[f + 2];
                    long t3 = ts[f + 3];
                    int s01 = (int) ((t1 - t0) >>> 63);
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
                } else if (first < size) {
                    best = first;
                    bt = ts[first + TIME_OFFSET];
                    for (int c = first + 1; c < size; c++) {
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

        /** Tie-break between positions i and j of equal time: the one scheduled first runs first. */
        private boolean earlier(int i, int j) {
            return seqOf(slots[i + SLOT_OFFSET]) < seqOf(slots[j + SLOT_OFFSET]);
        }
    }
}
