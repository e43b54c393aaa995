package clusterlab.bench;

import clusterlab.kernel.SimRandom;

/**
 * Shared inputs of the hold benchmark, so the kernel and the PriorityQueue baseline see exactly
 * the same delays in the same order.
 *
 * <p>The hold model: N events are pending; running one schedules another at now + uniform(0, 2N)
 * ns, so the queue stays at N events and every event costs one remove-min and one insert.
 *
 * <p>Why pre-generated draws: drawing inside the measured loop would add the generator's cost to
 * both sides and shrink the visible difference between the queues. Reading a sequential array is
 * nearly free (the hardware prefetcher streams it). The table repeats after {@link #DRAW_COUNT}
 * draws; that changes nothing that matters, since every draw is still uniform and independent of
 * the queue state it lands in.
 */
final class HoldModel {
    /** Length of the draw table; a power of two so the index wraps with a mask. */
    static final int DRAW_COUNT = 1 << 18;
    static final int DRAW_MASK = DRAW_COUNT - 1;
    /** Events run per benchmark invocation; JMH reports per event through @OperationsPerInvocation. */
    static final int EVENTS_PER_INVOCATION = 100_000;
    static final long SEED = 42L;

    private HoldModel() {
    }

    /** Delays in ns, uniform in [0, 2n), from a seeded stream: the same table for both sides. */
    static long[] delaysNanos(int n) {
        SimRandom stream = SimRandom.root(SEED).stream("bench/hold/n" + n);
        long bound = 2L * n;
        long[] delays = new long[DRAW_COUNT];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = stream.nextLong(bound);
        }
        return delays;
    }
}
