package clusterlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

/**
 * The event heap against a reference: java.util.PriorityQueue ordered by (time, seq). Random
 * operation mixes cover ties (small time ranges), growth past the initial capacity, draining to
 * empty and refilling (slot reuse), peek between takes, and the fused take-then-add path.
 */
class EventQueueTest {
    private static final Comparator<Event> BY_TIME_THEN_SEQ =
            Comparator.<Event>comparingLong(e -> e.time).thenComparingLong(e -> e.seq);

    private final Simulation owner = new Simulation(1);
    private long nextSeq;

    private Event event(long time) {
        return new Event(owner, time, nextSeq++, () -> { });
    }

    @Test
    void randomOperationsMatchReferenceOrder() {
        for (long seed = 1; seed <= 40; seed++) {
            SimRandom rnd = SimRandom.root(seed).stream("queue-test");
            // Small ranges force many equal times; large ones exercise the plain comparisons.
            long timeRange = seed % 4 == 0 ? 3 : seed % 4 == 1 ? 50 : seed % 4 == 2 ? 10_000 : Long.MAX_VALUE / 4;
            int operations = 2_000 + rnd.nextInt(8_000);
            checkAgainstReference(rnd, timeRange, operations);
        }
    }

    private void checkAgainstReference(SimRandom rnd, long timeRange, int operations) {
        EventQueue queue = new EventQueue();
        PriorityQueue<Event> reference = new PriorityQueue<>(BY_TIME_THEN_SEQ);
        boolean lastWasTake = false;
        for (int op = 0; op < operations; op++) {
            int kind = rnd.nextInt(10);
            // Phases of growth and shrinkage, so the queue crosses its initial capacity, empties and refills.
            boolean growing = (op / 700) % 2 == 0;
            if (kind < (growing ? 6 : 3) || (lastWasTake && kind < 8)) {
                Event e = event(rnd.nextLong(timeRange));
                queue.add(e);
                reference.add(e);
                lastWasTake = false;
            } else if (kind < 9) {
                Event taken = queue.takeHead();
                assertThat(taken).isSameAs(reference.poll());
                lastWasTake = taken != null;
            } else {
                assertThat(queue.peek()).isSameAs(reference.peek());
                lastWasTake = false;
            }
            assertThat(queue.size()).isEqualTo(reference.size());
            assertThat(queue.isEmpty()).isEqualTo(reference.isEmpty());
        }
        Event e;
        while ((e = queue.takeHead()) != null) {
            assertThat(e).isSameAs(reference.poll());
        }
        assertThat(reference).isEmpty();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void holdPatternTakeThenAddKeepsOrder() {
        SimRandom rnd = SimRandom.root(7).stream("hold");
        EventQueue queue = new EventQueue();
        PriorityQueue<Event> reference = new PriorityQueue<>(BY_TIME_THEN_SEQ);
        for (int i = 0; i < 1_000; i++) {
            Event e = event(rnd.nextLong(2_000));
            queue.add(e);
            reference.add(e);
        }
        for (int i = 0; i < 50_000; i++) {
            Event head = queue.takeHead();
            assertThat(head).isSameAs(reference.poll());
            // Sometimes at the same instant (ties with the rest of the queue), usually later.
            Event next = event(head.time + (i % 5 == 0 ? 0 : rnd.nextLong(2_000)));
            queue.add(next);
            reference.add(next);
        }
        assertThat(queue.size()).isEqualTo(1_000);
    }

    @Test
    void sameTimeEventsLeaveInSchedulingOrder() {
        EventQueue queue = new EventQueue();
        List<Event> added = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Event e = event(42);
            added.add(e);
            queue.add(e);
        }
        for (Event expected : added) {
            assertThat(queue.takeHead()).isSameAs(expected);
        }
        assertThat(queue.takeHead()).isNull();
    }

    @Test
    void simulationRunsInTimeThenSchedulingOrderAndSkipsCancelled() {
        Simulation sim = new Simulation(3);
        sim.trace().setOn(false);
        SimRandom rnd = SimRandom.root(3).stream("sim-order");
        List<long[]> ran = new ArrayList<>(); // {time, scheduling index}
        List<EventHandle> handles = new ArrayList<>();
        List<Boolean> cancelled = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            final int index = i;
            handles.add(sim.schedule(rnd.nextLong(500), () -> {
                ran.add(new long[] {sim.now(), index});
                assertThat(cancelled.get(index)).isFalse();
            }));
            cancelled.add(false);
        }
        for (int i = 0; i < 5_000; i += 3) {
            assertThat(handles.get(i).cancel()).isTrue();
            cancelled.set(i, true);
        }
        assertThat(sim.pendingEvents()).isEqualTo(5_000 - 1_667);
        sim.run();
        assertThat(ran).hasSize(5_000 - 1_667);
        for (int i = 1; i < ran.size(); i++) {
            long[] a = ran.get(i - 1);
            long[] b = ran.get(i);
            assertThat(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1])).as("event %d after %d", b[1], a[1]).isTrue();
        }
        assertThat(sim.pendingEvents()).isZero();
    }
}
