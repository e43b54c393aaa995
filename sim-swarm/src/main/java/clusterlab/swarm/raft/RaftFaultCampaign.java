package clusterlab.swarm.raft;

import clusterlab.kernel.SimRandom;
import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.net.LatencyModel;
import clusterlab.kernel.net.Network;
import clusterlab.kernel.net.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Raft fault campaign: per seed, 3, 5 or 7 nodes take client proposals through random
 * crashes and restarts, symmetric and one-way partitions, loss, duplication and reordering (all
 * settings of the simulated world); then everything heals and the run must show liveness (a leader
 * within a bounded time) and durability (every acknowledged proposal applied on every node, in
 * the same order). The invariant checker runs after every step. Entry point for {@code ./lab fuzz raft}.
 */
public final class RaftFaultCampaign {
    /** Compressed time: a 100 ms tick (election after 1-2 s) keeps each run small. */
    public static final long TICK_NANOS = 100 * Time.MILLISECOND;
    public static final long FAULT_PHASE_NANOS = 60 * Time.SECOND;
    public static final long LEADER_BOUND_NANOS = 30 * Time.SECOND;
    public static final long CATCH_UP_BOUND_NANOS = 30 * Time.SECOND;

    /** The outcome of one seed. */
    public record SeedResult(long seed, int nodes, long proposed, long acknowledged, long leaderAfterHealNanos,
                             String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** The outcome of a campaign. */
    public record Summary(long fromSeed, int seeds, int violations, long proposed, long acknowledged,
                          long maxLeaderAfterHealNanos, List<String> failures) {
        @Override
        public String toString() {
            return "seeds: " + seeds + ", violations: " + violations + ", proposals: " + proposed + ", acknowledged: "
                    + acknowledged + ", worst time to a leader after healing: " + Time.format(maxLeaderAfterHealNanos);
        }
    }

    private RaftFaultCampaign() {}

    public static Summary runCampaign(long fromSeed, int seeds) {
        int violations = 0;
        long proposed = 0;
        long acked = 0;
        long worst = 0;
        List<String> failures = new ArrayList<>();
        for (long seed = fromSeed; seed < fromSeed + seeds; seed++) {
            SeedResult r = runSeed(seed);
            proposed += r.proposed();
            acked += r.acknowledged();
            worst = Math.max(worst, r.leaderAfterHealNanos());
            if (!r.ok()) {
                violations++;
                failures.add("seed " + seed + ": " + r.failure());
            }
        }
        return new Summary(fromSeed, seeds, violations, proposed, acked, worst, failures);
    }

    /** One run; never throws for a failure of Raft (it is reported in the result, with the seed). */
    public static SeedResult runSeed(long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setOn(false);
        SimRandom chaos = sim.random().stream("campaign/faults");
        SimRandom client = sim.random().stream("campaign/client");
        int n = new int[] {3, 5, 7}[chaos.nextInt(3)];
        Network net = new Network(sim);
        Transport transport = new Transport(net);
        net.setLatency(LatencyModel.uniformJitter(Time.MILLISECOND, 10 * Time.MILLISECOND));
        InvariantChecker checker = new InvariantChecker(seed);
        TreeMap<Long, List<String>> states = new TreeMap<>();
        RaftDriver.Application app = new RaftDriver.Application() {
            @Override
            public void apply(long node, Entry entry) {
                checker.onApply(node, entry);
                if (entry.command() instanceof Command.Data d) {
                    states.get(node).add(d.value());
                }
            }

            @Override
            public String snapshot(long node) {
                return String.join(",", states.get(node));
            }

            @Override
            public void restore(long node, Snapshot snapshot) {
                List<String> s = new ArrayList<>();
                if (!snapshot.data().isEmpty()) {
                    s.addAll(List.of(snapshot.data().split(",")));
                }
                states.put(node, s);
                checker.onRestore(node, snapshot.index());
            }
        };
        RaftConfig config = RaftConfig.swarmDefaults(1).withSnapshots(16, 4);
        config = new RaftConfig(1, config.electionTicks(), config.heartbeatTicks(), true, true, 16, 8, 16, 4, config.electionSpreadTicks());
        RaftDriver driver = new RaftDriver(net, transport, config, TICK_NANOS, app);
        driver.setObserver(d -> checker.check(d.liveCores()));
        List<Long> ids = new ArrayList<>();
        List<Machine> machines = new ArrayList<>();
        for (long id = 1; id <= n; id++) {
            ids.add(id);
            Machine m = Machine.standard(sim, "m" + id);
            net.attach(m);
            machines.add(m);
        }
        for (int i = 0; i < n; i++) {
            driver.addNode(ids.get(i), machines.get(i), ids);
        }
        long[] proposed = {0};
        long[] leaderAt = {-1};
        try {
            // Faults: one action every 0.5-3 s; a proposal every 100-300 ms.
            for (long t = 0; t < FAULT_PHASE_NANOS; t += chaos.uniform(500, 3000) * Time.MILLISECOND) {
                sim.at(t, () -> chaos(chaos, net, machines));
            }
            for (long t = 0; t < FAULT_PHASE_NANOS; t += client.uniform(100, 300) * Time.MILLISECOND) {
                sim.at(t, () -> {
                    long leader = driver.leader();
                    if (leader != 0) {
                        driver.propose(leader, new Command.Data("s" + seed + "p" + proposed[0]++));
                    }
                });
            }
            sim.runWhile(() -> sim.now() < FAULT_PHASE_NANOS);
            // Heal everything; then a leader must appear and everyone must catch up.
            net.heal();
            net.setLoss(0);
            net.setDuplication(0);
            for (Machine m : machines) {
                if (!m.isRunning()) {
                    m.restart();
                }
            }
            long healedAt = sim.now();
            sim.runWhile(() -> driver.leader() == 0 && sim.now() - healedAt < LEADER_BOUND_NANOS);
            if (driver.leader() == 0) {
                return new SeedResult(seed, n, proposed[0], 0, LEADER_BOUND_NANOS,
                        "no leader " + Time.format(LEADER_BOUND_NANOS) + " after healing");
            }
            leaderAt[0] = sim.now() - healedAt;
            // A final proposal, retried until applied everywhere, proves the cluster makes progress.
            String marker = "s" + seed + "final";
            long deadline = sim.now() + CATCH_UP_BOUND_NANOS;
            while (sim.now() < deadline && !states.values().stream().allMatch(s -> s.contains(marker))) {
                boolean anywhere = states.values().stream().anyMatch(s -> s.contains(marker));
                long leader = driver.leader();
                if (!anywhere && leader != 0) {
                    driver.propose(leader, new Command.Data(marker));
                }
                long until = sim.now() + Time.SECOND;
                sim.runWhile(() -> sim.now() < until);
            }
            // Every acknowledged (applied somewhere) proposal is on every node, in the same order.
            TreeMap<Long, Entry> acked = checker.applied();
            List<String> expected = new ArrayList<>();
            for (Entry e : acked.values()) {
                if (e.command() instanceof Command.Data d) {
                    expected.add(d.value());
                }
            }
            for (var s : states.entrySet()) {
                if (!s.getValue().equals(expected)) {
                    return new SeedResult(seed, n, proposed[0], expected.size(), leaderAt[0], "node " + s.getKey()
                            + " applied " + s.getValue().size() + " commands, the cluster acknowledged "
                            + expected.size() + (s.getValue().contains(marker) ? "" : " (no final marker)"));
                }
            }
            if (!expected.contains(marker)) {
                return new SeedResult(seed, n, proposed[0], expected.size(), leaderAt[0], "final proposal not applied");
            }
            return new SeedResult(seed, n, proposed[0], expected.size(), leaderAt[0], null);
        } catch (InvariantViolation v) {
            return new SeedResult(seed, n, proposed[0], 0, Math.max(0, leaderAt[0]), v.getMessage());
        } catch (RuntimeException e) {
            if (e.getCause() instanceof InvariantViolation v) {
                return new SeedResult(seed, n, proposed[0], 0, Math.max(0, leaderAt[0]), v.getMessage());
            }
            return new SeedResult(seed, n, proposed[0], 0, Math.max(0, leaderAt[0]), "crashed: " + e);
        }
    }

    private static void chaos(SimRandom r, Network net, List<Machine> machines) {
        int action = r.nextInt(10);
        Machine m = r.pick(machines);
        switch (action) {
            case 0, 1 -> m.crash();
            case 2, 3 -> {
                if (!m.isRunning()) {
                    m.restart();
                }
            }
            case 4 -> {
                Set<String> side = new TreeSet<>();
                for (Machine x : machines) {
                    if (r.chance(0.5)) {
                        side.add(x.name());
                    }
                }
                if (!side.isEmpty()) {
                    net.partition(List.of(side));
                }
            }
            case 5 -> net.block(m.name(), r.pick(machines).name().equals(m.name())
                    ? machines.get((machines.indexOf(m) + 1) % machines.size()).name() : r.pick(machines).name());
            case 6 -> net.heal();
            case 7 -> net.setLoss(r.chance(0.5) ? 0 : r.nextInt(20) / 100.0);
            case 8 -> net.setDuplication(r.chance(0.5) ? 0 : r.nextInt(10) / 100.0);
            default -> {
                // a quiet interval
            }
        }
    }
}
