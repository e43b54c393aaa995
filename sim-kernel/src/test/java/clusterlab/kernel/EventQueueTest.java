package clusterlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The event queue against a reference: a sorted set of (time, seq). Random operation mixes cover
 * ties (small time ranges), far-future events, growth past the initial capacity, draining to empty
 * and refilling (slot reuse), peek between takes, the fused take-then-add path, and lazy
 * cancellation with stale handles (cancel after run, after cancel, after the slot was reused).
 *
 * <p>Like the simulation, the tests never add an event earlier than the last one taken.
 */
class EventQueueTest {
    private static final Runnable NOTHING = () -> { };

    /** A reference entry: what the queue should hold. */
    private record Ref(long time, long seq, int slot) {
    }

    private static final Comparator<Ref> BY_TIME_THEN_SEQ =
            Comparator.comparingLong(Ref::time).thenComparingLong(Ref::seq);

    @Test
    void randomOperationsMatchReferenceOrder() {
        for (long seed = 1; seed <= 60; seed++) {
            SimRandom rnd = SimRandom.root(seed).stream("queue-test");
            // Small ranges force many equal times; large ones exercise the plain comparisons.
            long timeRange = switch ((int) (seed % 6)) {
                case 0 -> 3;
                case 1 -> 50;
                case 2 -> 10_000;
                case 3 -> 1_000_000_000L;
                case 4 -> Long.MAX_VALUE / 4;
                default -> 1L << (10 + rnd.nextInt(40)); // a different scale per seed
            };
            int operations = 3_000 + rnd.nextInt(12_000);
            checkAgainstReference(rnd, timeRange, operations);
        }
    }

    private void checkAgainstReference(SimRandom rnd, long timeRange, int operations) {
        EventQueue queue = new EventQueue();
        TreeSet<Ref> reference = new TreeSet<>(BY_TIME_THEN_SEQ); // queued, cancelled or not
        TreeSet<Long> cancelled = new TreeSet<>();
        List<Ref> handles = new ArrayList<>(); // every event ever added, for (stale) cancels
        long nextSeq = 0;
        long lastTaken = 0;
        boolean lastWasTake = false;
        for (int op = 0; op < operations; op++) {
            int kind = rnd.nextInt(12);
            // Phases of growth and shrinkage, so the queue crosses its initial capacity, empties and refills.
            boolean growing = (op / 900) % 2 == 0;
            if (kind < (growing ? 6 : 3) || (lastWasTake && kind < 8)) {
                long time;
                int shape = rnd.nextInt(20);
                if (shape == 0) {
                    time = Long.MAX_VALUE - rnd.nextInt(3); // far future, at the very end of time
                } else if (shape == 1) {
                    time = lastTaken; // now
                } else {
                    time = lastTaken + rnd.nextLong(Math.max(1, Math.min(timeRange, Long.MAX_VALUE - lastTaken)));
                }
                long seq = nextSeq++;
                int slot = queue.add(time, seq, NOTHING);
                Ref r = new Ref(time, seq, slot);
                reference.add(r);
                handles.add(r);
                lastWasTake = false;
            } else if (kind < 9) {
                int slot = queue.takeHead();
                Ref expected = reference.pollFirst();
                if (expected == null) {
                    assertThat(slot).isEqualTo(-1);
                    lastWasTake = false;
                } else {
                    assertThat(slot).isEqualTo(expected.slot());
                    assertThat(queue.headTime()).isEqualTo(expected.time());
                    assertThat(queue.seqAt(slot)).isEqualTo(expected.seq());
                    Runnable action = queue.fire(slot);
                    assertThat(action == null).isEqualTo(cancelled.remove(expected.seq()));
                    assertThat(queue.isPending(slot, expected.seq())).isFalse();
                    lastTaken = expected.time();
                    lastWasTake = true;
                }
            } else if (kind < 10) {
                int slot = queue.peek();
                Ref expected = reference.isEmpty() ? null : reference.first();
                assertThat(slot).isEqualTo(expected == null ? -1 : expected.slot());
                if (expected != null) {
                    assertThat(queue.headTime()).isEqualTo(expected.time());
                    assertThat(queue.isCancelled(slot)).isEqualTo(cancelled.contains(expected.seq()));
                }
                lastWasTake = false;
            } else if (!handles.isEmpty()) {
                // Cancel a random event ever added: pending, already cancelled, run, or slot reused.
                Ref r = handles.get(rnd.nextInt(handles.size()));
                boolean pending = reference.contains(r) && !cancelled.contains(r.seq());
                assertThat(queue.isPending(r.slot(), r.seq())).isEqualTo(pending);
                assertThat(queue.cancel(r.slot(), r.seq())).isEqualTo(pending);
                assertThat(queue.isPending(r.slot(), r.seq())).isFalse();
                if (pending) {
                    cancelled.add(r.seq());
                }
                lastWasTake = false;
            }
            assertThat(queue.size()).isEqualTo(reference.size());
            assertThat(queue.isEmpty()).isEqualTo(reference.isEmpty());
        }
        int slot;
        while ((slot = queue.takeHead()) >= 0) {
            Ref expected = reference.pollFirst();
            assertThat(expected).isNotNull();
            assertThat(slot).isEqualTo(expected.slot());
            assertThat(queue.headTime()).isEqualTo(expected.time());
            queue.fire(slot);
        }
        assertThat(reference).isEmpty();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void holdPatternTakeThenAddKeepsOrder() {
        for (int n : new int[] {10, 1_000, 20_000}) {
            SimRandom rnd = SimRandom.root(7).stream("hold" + n);
            EventQueue queue = new EventQueue();
            TreeSet<Ref> reference = new TreeSet<>(BY_TIME_THEN_SEQ);
            long seq = 0;
            for (int i = 0; i < n; i++) {
                long t = rnd.nextLong(2L * n);
                reference.add(new Ref(t, seq, queue.add(t, seq, NOTHING)));
                seq++;
            }
            for (int i = 0; i < 100_000; i++) {
                int slot = queue.takeHead();
                Ref expected = reference.pollFirst();
                assertThat(slot).isEqualTo(expected.slot());
                long now = queue.headTime();
                assertThat(now).isEqualTo(expected.time());
                assertThat(queue.fire(slot)).isSameAs(NOTHING);
                // Sometimes at the same instant (ties with the rest of the queue), usually later,
                // now and then much later (a different scale: the bucket structure must cope).
                long t = now + (i % 5 == 0 ? 0 : i % 97 == 0 ? rnd.nextLong(1L << 40) : rnd.nextLong(2L * n));
                reference.add(new Ref(t, seq, queue.add(t, seq, NOTHING)));
                seq++;
            }
            assertThat(queue.size()).isEqualTo(n);
            if (n >= 1_000) {
                // The ring adapted to the spacing (mean gap 2 ns): rebuilt, and days of a few ns.
                assertThat(queue.rebuilds()).isPositive();
                assertThat(queue.dayShift()).isBetween(0, 4);
            }
        }
    }

    @Test
    void sameTimeEventsLeaveInSchedulingOrder() {
        EventQueue queue = new EventQueue();
        List<Integer> added = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            added.add(queue.add(42, i, NOTHING));
        }
        for (int i = 0; i < 1_000; i++) {
            int slot = queue.takeHead();
            assertThat(slot).isEqualTo(added.get(i));
            assertThat(queue.seqAt(slot)).isEqualTo(i);
        }
        assertThat(queue.takeHead()).isEqualTo(-1);
    }

    @Test
    void scaleChangesKeepOrder() {
        // Dense bursts, then sparse far-apart events, then dense again: a structure that adapts to
        // the spacing of times must keep the order through every change.
        EventQueue queue = new EventQueue();
        TreeSet<Ref> reference = new TreeSet<>(BY_TIME_THEN_SEQ);
        SimRandom rnd = SimRandom.root(11).stream("scales");
        long seq = 0;
        long now = 0;
        long[] scales = {1, 1_000_000_000L, 3, 1L << 50, 100, 7};
        for (long scale : scales) {
            for (int round = 0; round < 3; round++) {
                int count = 1 + rnd.nextInt(5_000);
                for (int i = 0; i < count; i++) {
                    long t = now + rnd.nextLong(Math.max(1, Math.min(scale * count, Long.MAX_VALUE - now)));
                    reference.add(new Ref(t, seq, queue.add(t, seq, NOTHING)));
                    seq++;
                }
                int takes = rnd.nextInt(reference.size() + 1);
                for (int i = 0; i < takes; i++) {
                    int slot = queue.takeHead();
                    Ref expected = reference.pollFirst();
                    assertThat(slot).isEqualTo(expected.slot());
                    assertThat(queue.headTime()).isEqualTo(expected.time());
                    now = expected.time();
                    queue.fire(slot);
                }
            }
        }
        int slot;
        while ((slot = queue.takeHead()) >= 0) {
            assertThat(slot).isEqualTo(reference.pollFirst().slot());
        }
        assertThat(reference).isEmpty();
        assertThat(queue.rebuilds()).as("width changes").isGreaterThan(2);
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

    @Test
    void simulationWithEventsCancellingAndSchedulingMatchesReference() {
        // Events schedule more events and cancel random others (including already-run ones and
        // ones whose slot was reused); the run order is checked against a reference ordering.
        for (long seed = 1; seed <= 10; seed++) {
            Simulation sim = new Simulation(seed);
            sim.trace().setOn(false);
            SimRandom rnd = SimRandom.root(seed).stream("sim-cancel");
            TreeSet<Ref> expected = new TreeSet<>(BY_TIME_THEN_SEQ); // (time, scheduling index)
            List<EventHandle> handles = new ArrayList<>();
            List<Ref> refs = new ArrayList<>();
            List<Ref> ran = new ArrayList<>();
            long range = seed % 2 == 0 ? 20 : 1_000_000;
            class Spawner {
                void spawn(long delay) {
                    int index = handles.size();
                    long time = sim.now() + delay;
                    Ref r = new Ref(time, index, -1);
                    refs.add(r);
                    expected.add(r);
                    handles.add(sim.schedule(delay, () -> {
                        ran.add(r);
                        assertThat(sim.now()).isEqualTo(time);
                        assertThat(handles.get(index).isPending()).isFalse();
                        if (handles.size() < 20_000) {
                            for (int k = rnd.nextInt(3); k > 0; k--) {
                                spawn(rnd.nextInt(10) == 0 ? (1L << 45) + rnd.nextLong(range) : rnd.nextLong(range));
                            }
                        }
                        if (rnd.nextInt(4) == 0) {
                            int victim = rnd.nextInt(handles.size());
                            boolean wasPending = handles.get(victim).isPending();
                            assertThat(wasPending).isEqualTo(expected.contains(refs.get(victim)));
                            assertThat(handles.get(victim).cancel()).isEqualTo(wasPending);
                            expected.remove(refs.get(victim));
                        }
                    }));
                }
            }
            Spawner spawner = new Spawner();
            for (int i = 0; i < 500; i++) {
                spawner.spawn(rnd.nextLong(range));
            }
            List<Ref> order = new ArrayList<>();
            while (sim.nextEventTime() != Long.MAX_VALUE) {
                Ref next = expected.pollFirst();
                order.add(next);
                assertThat(sim.nextEventTime()).isEqualTo(next.time());
                sim.step();
                assertThat(ran.get(ran.size() - 1)).isEqualTo(next);
            }
            assertThat(expected).isEmpty();
            assertThat(sim.pendingEvents()).isZero();
            assertThat(ran).isEqualTo(order);
        }
    }
}
