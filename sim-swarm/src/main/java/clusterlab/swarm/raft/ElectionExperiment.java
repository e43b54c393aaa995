package clusterlab.swarm.raft;

import clusterlab.kernel.SimRandom;
import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.net.LatencyModel;
import clusterlab.kernel.net.Network;
import clusterlab.kernel.net.Transport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The election experiment of the Raft paper (Ongaro and Ousterhout, section 9.3, Figure 16):
 * five servers, a broadcast time of about 15 ms, the leader crashed uniformly at random within its
 * heartbeat interval (half the minimum election timeout), and the time until a new leader is
 * elected measured, for several ranges of randomized election timeouts. Plain Raft, as in the
 * paper: no PreVote, no CheckQuorum. Every trial is its own deterministic simulation.
 */
public final class ElectionExperiment {
    /** The paper's ranges in milliseconds: [min, max] of the randomized election timeout. */
    public record Range(int minMs, int maxMs) {
        public Range {
            if (minMs < 2 || maxMs < minMs) {
                throw new IllegalArgumentException("invalid election timeout range " + minMs + "-" + maxMs);
            }
        }

        public String label() {
            return minMs + "-" + maxMs + "ms";
        }
    }

    public static final List<Range> FIGURE_16 = List.of(new Range(150, 150), new Range(150, 151),
            new Range(150, 155), new Range(150, 175), new Range(150, 200), new Range(150, 300), new Range(12, 24));
    static final int SERVERS = 5;
    /** Raft runs on 1 ms ticks here, so every range is exact to the millisecond. */
    static final long TICK_NANOS = Time.MILLISECOND;
    /**
     * The network: 1.5-2.5 ms one way. With the synchronous disk write a server makes before it
     * answers (its vote, its term), a broadcast takes about 15 ms, the paper's figure.
     */
    static final LatencyModel LATENCY = LatencyModel.uniformJitter(1500 * Time.MICROSECOND, Time.MILLISECOND);
    static final long DISK_WRITE_NANOS = 11 * Time.MILLISECOND;
    /** Servers' timers are not in lockstep: their tickers start up to 100 µs apart. */
    static final long TICK_PHASE_SPREAD_NANOS = 100 * Time.MICROSECOND;
    /** A trial gives up waiting for a leader after this long (the paper's graph ends near 10 s). */
    public static final long CAP_NANOS = 30 * Time.SECOND;
    private static final long SETTLE_NANOS = 2 * Time.SECOND;

    /** The downtimes of one range, sorted, in nanoseconds. */
    public record Result(Range range, long[] downtimesNanos) {
        public long percentile(double p) {
            int i = (int) Math.min(downtimesNanos.length - 1, Math.floor(p * (downtimesNanos.length - 1) + 0.5));
            return downtimesNanos[i];
        }

        public long max() {
            return downtimesNanos[downtimesNanos.length - 1];
        }

        public double mean() {
            return Arrays.stream(downtimesNanos).average().orElse(0);
        }

        /** Fraction of trials whose election took longer than {@code nanos}. */
        public double fractionAbove(long nanos) {
            return Arrays.stream(downtimesNanos).filter(d -> d > nanos).count() / (double) downtimesNanos.length;
        }

        /** One summary line: range, trials, mean, median, p95, max, share over 10 s. */
        public String summary() {
            return String.format(Locale.ROOT, "%-12s %6d %10.1f %10.1f %10.1f %10.1f %8.1f%%", range.label(),
                    downtimesNanos.length, mean() / 1e6, percentile(0.5) / 1e6, percentile(0.95) / 1e6, max() / 1e6,
                    100 * fractionAbove(10 * Time.SECOND));
        }
    }

    public static final String SUMMARY_HEADER = String.format(Locale.ROOT, "%-12s %6s %10s %10s %10s %10s %9s",
            "range", "trials", "mean ms", "median ms", "p95 ms", "max ms", ">10s");

    private ElectionExperiment() {}

    /** Runs {@code trials} trials of one range; trial i uses seed {@code seed * 1_000_003 + i}. */
    public static Result run(Range range, int trials, long seed) {
        return run(range, trials, seed, Setup.DEFAULT);
    }

    public static Result run(Range range, int trials, long seed, Setup setup) {
        long[] out = new long[trials];
        for (int i = 0; i < trials; i++) {
            out[i] = trial(range, seed * 1_000_003L + i, setup);
        }
        Arrays.sort(out);
        return new Result(range, out);
    }

    /**
     * The physical setting of a trial: one-way network latency, the synchronous disk write before
     * a reply, and how far apart the servers' tickers may run (timer jitter between machines).
     */
    public record Setup(LatencyModel latency, long diskWriteNanos, long tickPhaseSpreadNanos) {
        public static final Setup DEFAULT = new Setup(LATENCY, DISK_WRITE_NANOS, TICK_PHASE_SPREAD_NANOS);
    }

    /** One trial: time from the leader's crash until a new leader is elected (capped at {@link #CAP_NANOS}). */
    public static long trial(Range range, long seed) {
        return trial(range, seed, Setup.DEFAULT);
    }

    public static long trial(Range range, long seed, Setup setup) {
        Simulation sim = new Simulation(seed);
        sim.trace().setOn(false);
        Network net = new Network(sim);
        net.setLatency(setup.latency());
        Transport transport = new Transport(net);
        int heartbeatTicks = Math.max(1, range.minMs() / 2);
        RaftConfig config = RaftConfig.swarmDefaults(1).withElectionRange(range.minMs(), range.maxMs(), heartbeatTicks)
                .withFlags(false, false);
        RaftDriver driver = new RaftDriver(net, transport, config, TICK_NANOS, new RaftDriver.Application() {
            @Override
            public void apply(long node, Entry entry) {}

            @Override
            public String snapshot(long node) {
                return "";
            }

            @Override
            public void restore(long node, Snapshot snapshot) {}
        });
        driver.setDiskWriteNanos(setup.diskWriteNanos());
        driver.setTickPhaseSpreadNanos(setup.tickPhaseSpreadNanos());
        List<Long> ids = new ArrayList<>();
        List<Machine> machines = new ArrayList<>();
        for (long id = 1; id <= SERVERS; id++) {
            ids.add(id);
            Machine m = Machine.standard(sim, "s" + id);
            net.attach(m);
            machines.add(m);
        }
        for (int i = 0; i < SERVERS; i++) {
            driver.addNode(ids.get(i), machines.get(i), ids);
        }
        // A first leader, then a quiet stretch so every follower's timer runs from heartbeats.
        sim.runWhile(() -> driver.leader() == 0 && sim.now() < CAP_NANOS);
        if (driver.leader() == 0) {
            return CAP_NANOS;
        }
        sim.runFor(SETTLE_NANOS);
        SimRandom when = sim.random().stream("experiment/crash");
        sim.runFor(when.uniform(0, heartbeatTicks * TICK_NANOS));
        // With very short timeouts leadership may be changing at this instant: crash a settled leader.
        long settleDeadline = sim.now() + CAP_NANOS;
        sim.runWhile(() -> driver.leader() == 0 && sim.now() < settleDeadline);
        if (driver.leader() == 0) {
            return CAP_NANOS;
        }
        long oldLeader = driver.leader();
        long oldTerm = driver.core(oldLeader).term();
        driver.machine(oldLeader).crash();
        long crashedAt = sim.now();
        sim.runWhile(() -> !newLeader(driver, oldTerm) && sim.now() - crashedAt < CAP_NANOS);
        return Math.min(CAP_NANOS, sim.now() - crashedAt);
    }

    private static boolean newLeader(RaftDriver driver, long oldTerm) {
        long leader = driver.leader();
        return leader != 0 && driver.core(leader).term() > oldTerm;
    }

    /** The CDF of a result as CSV lines: {@code downtime_ms,cumulative_fraction}. */
    public static String cdfCsv(Result r) {
        StringBuilder s = new StringBuilder("downtime_ms,cumulative_fraction\n");
        long[] d = r.downtimesNanos();
        for (int i = 0; i < d.length; i++) {
            s.append(String.format(Locale.ROOT, "%.3f,%.4f%n", d[i] / 1e6, (i + 1) / (double) d.length));
        }
        return s.toString();
    }
}
