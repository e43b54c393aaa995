package clusterlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void eventsRunInTimeOrderAndSameTimeEventsInSchedulingOrder() {
        Simulation sim = new Simulation(1);
        List<String> ran = new ArrayList<>();
        sim.schedule(20, () -> ran.add("b@20"));
        sim.schedule(10, () -> ran.add("a@10"));
        for (int i = 0; i < 5; i++) {
            int n = i;
            sim.schedule(30, () -> ran.add("same" + n));
        }
        sim.at(10, () -> ran.add("c@10"));
        sim.run();
        assertThat(ran).containsExactly("a@10", "c@10", "b@20", "same0", "same1", "same2", "same3", "same4");
        assertThat(sim.now()).isEqualTo(30);
        assertThat(sim.eventsExecuted()).isEqualTo(8);
    }

    @Test
    void eventsScheduledWhileRunningAtTheSameInstantRunAfterTheOnesAlreadyQueued() {
        Simulation sim = new Simulation(1);
        List<String> ran = new ArrayList<>();
        sim.schedule(5, () -> {
            ran.add("first");
            sim.schedule(0, () -> ran.add("scheduled-by-first"));
        });
        sim.schedule(5, () -> ran.add("second"));
        sim.run();
        assertThat(ran).containsExactly("first", "second", "scheduled-by-first");
    }

    @Test
    void cancelledEventsNeverRun() {
        Simulation sim = new Simulation(1);
        List<Integer> ran = new ArrayList<>();
        List<EventHandle> handles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            handles.add(sim.schedule(i % 7, () -> ran.add(n)));
        }
        for (int i = 0; i < 100; i += 3) {
            assertThat(handles.get(i).cancel()).isTrue();
            assertThat(handles.get(i).cancel()).as("second cancel").isFalse();
        }
        assertThat(sim.pendingEvents()).isEqualTo(100 - 34);
        sim.run();
        assertThat(ran).hasSize(66).allMatch(n -> n % 3 != 0);
        assertThat(handles.get(1).isPending()).isFalse();
        assertThat(handles.get(1).cancel()).as("cancel after running").isFalse();
        assertThat(sim.pendingEvents()).isZero();
    }

    @Test
    void anEventCanCancelAnotherDueAtTheSameInstant() {
        Simulation sim = new Simulation(1);
        List<String> ran = new ArrayList<>();
        EventHandle[] victim = new EventHandle[1];
        sim.schedule(10, () -> victim[0].cancel());
        victim[0] = sim.schedule(10, () -> ran.add("victim"));
        sim.run();
        assertThat(ran).isEmpty();
    }

    @Test
    void schedulingInThePastOrWithANegativeDelayIsRefusedNamingTheValue() {
        Simulation sim = new Simulation(1);
        sim.runUntil(100);
        assertThatThrownBy(() -> sim.schedule(-5, () -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5");
        assertThatThrownBy(() -> sim.at(99, () -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99").hasMessageContaining("past");
        assertThatThrownBy(() -> sim.runUntil(50)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runUntilRunsDueEventsAndAdvancesTheClock() {
        Simulation sim = new Simulation(1);
        List<Long> times = new ArrayList<>();
        for (long t = 10; t <= 100; t += 10) {
            sim.at(t, () -> times.add(sim.now()));
        }
        sim.runUntil(55);
        assertThat(times).containsExactly(10L, 20L, 30L, 40L, 50L);
        assertThat(sim.now()).isEqualTo(55);
        sim.runFor(20);
        assertThat(times).endsWith(60L, 70L);
        assertThat(sim.now()).isEqualTo(75);
    }

    @Test
    void runWhileStopsWhenTheConditionTurnsFalse() {
        Simulation sim = new Simulation(1);
        int[] count = {0};
        for (int i = 0; i < 10; i++) {
            sim.schedule(i, () -> count[0]++);
        }
        sim.runWhile(() -> count[0] < 4);
        assertThat(count[0]).isEqualTo(4);
        assertThat(sim.pendingEvents()).isEqualTo(6);
    }

    @Test
    void aRunawayModelStopsWithAClearMessageNamingTheSeed() {
        Simulation sim = new Simulation(4242);
        sim.setMaxEventsPerRun(1_000);
        Runnable[] forever = new Runnable[1];
        forever[0] = () -> sim.schedule(1, forever[0]);
        sim.schedule(0, forever[0]);
        assertThatThrownBy(sim::run)
                .isInstanceOf(SimulationLimitException.class)
                .hasMessageContaining("1000 events")
                .hasMessageContaining("--seed 4242");
    }

    @Test
    void aFailingEventReportsTheSeedTimeAndEventIndex() {
        Simulation sim = new Simulation(77);
        sim.schedule(Time.SECOND, () -> {});
        sim.schedule(2 * Time.SECOND, () -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(sim::run)
                .isInstanceOf(SimulationException.class)
                .hasMessageContaining("boom")
                .hasMessageContaining("seed 77")
                .hasMessageContaining("t=2.000s")
                .hasMessageContaining("event #1")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void queueOrderMatchesASortedReferenceUnderRandomSchedulingAndCancellation() {
        Simulation sim = new Simulation(9);
        SimRandom rnd = sim.random().stream("test");
        List<long[]> expected = new ArrayList<>(); // {time, seq}
        List<long[]> actual = new ArrayList<>();
        List<EventHandle> handles = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long t = rnd.nextLong(5_000);
            long seq = i;
            handles.add(sim.schedule(t, () -> actual.add(new long[] {sim.now(), seq})));
            expected.add(new long[] {t, seq});
        }
        for (int i = 0; i < 20_000; i += 1 + rnd.nextInt(5)) {
            handles.get(i).cancel();
            expected.get(i)[1] = -1;
        }
        sim.run();
        List<long[]> kept = new ArrayList<>(expected.stream().filter(e -> e[1] >= 0).toList());
        kept.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        assertThat(actual).hasSameSizeAs(kept);
        for (int i = 0; i < kept.size(); i++) {
            assertThat(actual.get(i)).as("event %d", i).containsExactly(kept.get(i));
        }
    }
}
