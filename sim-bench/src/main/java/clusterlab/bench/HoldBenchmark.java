package clusterlab.bench;

import clusterlab.kernel.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The classic hold benchmark for event queues (see {@link HoldModel}): the kernel's real path
 * ({@link Simulation#schedule} from inside an event, then {@link Simulation#step}) against a plain
 * {@link java.util.PriorityQueue} of event objects doing the same work.
 *
 * <p>Both sides allocate one event object per scheduled event, assign sequence numbers from a
 * counter, order by (time, seq), read the same delay table in the same order and therefore run
 * the very same sequence of events. One operation is one event.
 *
 * <p>The queues are filled once per trial and stay at N events: the model is in steady state from
 * the first event, so warmup only needs to warm the JIT and the caches.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HoldBenchmark {

    /** Kernel side: a Simulation with tracing off and N pending events. */
    @State(Scope.Thread)
    public static class KernelHold {
        @Param({"1000", "100000", "1000000"})
        public int n;

        Simulation sim;
        Reschedule action;

        @Setup
        public void setUp() {
            long[] delays = HoldModel.delaysNanos(n);
            sim = new Simulation(HoldModel.SEED);
            sim.trace().setOn(false);
            action = new Reschedule(sim, delays);
            for (int i = 0; i < n; i++) {
                action.run(); // at now = 0: the initial N events, from the same draws as the baseline
            }
        }
    }

    /** The event action on the kernel side: schedule the next event of the hold model. */
    static final class Reschedule implements Runnable {
        private final Simulation sim;
        private final long[] delaysNanos;
        private int next;

        Reschedule(Simulation sim, long[] delaysNanos) {
            this.sim = sim;
            this.delaysNanos = delaysNanos;
        }

        @Override
        public void run() {
            sim.schedule(delaysNanos[next++ & HoldModel.DRAW_MASK], this);
        }
    }

    /** Baseline side: java.util.PriorityQueue of event objects ordered by (time, seq). */
    @State(Scope.Thread)
    public static class QueueHold {
        @Param({"1000", "100000", "1000000"})
        public int n;

        PriorityQueueSim sim;

        @Setup
        public void setUp() {
            sim = new PriorityQueueSim(HoldModel.delaysNanos(n));
            for (int i = 0; i < n; i++) {
                sim.reschedule.run();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(HoldModel.EVENTS_PER_INVOCATION)
    public void kernel(KernelHold s, Blackhole bh) {
        Simulation sim = s.sim;
        for (int i = 0; i < HoldModel.EVENTS_PER_INVOCATION; i++) {
            sim.step();
        }
        bh.consume(sim.now());
    }

    @Benchmark
    @OperationsPerInvocation(HoldModel.EVENTS_PER_INVOCATION)
    public void priorityQueue(QueueHold s, Blackhole bh) {
        PriorityQueueSim sim = s.sim;
        for (int i = 0; i < HoldModel.EVENTS_PER_INVOCATION; i++) {
            sim.step();
        }
        bh.consume(sim.now);
    }
}
