package clusterlab.lab.experiment;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.swarm.SwarmRuntime;
import clusterlab.swarm.manager.SwarmNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: quorum}: a swarm of {@code managers} managers (SwarmKit's Raft timing: 1 s ticks,
 * elections after 10-20 ticks) loses {@code failures} of them at one instant. The leader is always
 * among the crashed (the worst case, and the only one that needs an election); the other victims
 * are the lowest-numbered followers. Measured:
 * <ul>
 *   <li>{@code writes_available}: 1 if {@code docker service create} on a surviving manager succeeds
 *       2 s after a new leader is in office (or 30 s after the crash if none
 *       is), else 0 (always 0 when every manager is down);</li>
 *   <li>{@code leader_elected_s}: virtual seconds from the crash until a running manager is leader
 *       (0 with no failures; empty if none within 60 s);</li>
 *   <li>{@code recover_s}: after the crashed managers are restarted, virtual seconds until a
 *       {@code docker service create} has succeeded (tried again 0.5 s after each failure) (0 with no failures; empty if not
 *       within 120 s).</li>
 * </ul>
 * Points with more failures than managers are left out.
 */
public final class QuorumKind implements ExperimentKind {
    static final long ELECTION_BOUND_NANOS = 60 * Time.SECOND;
    static final long WRITE_CHECK_NANOS = 30 * Time.SECOND;
    static final long RECOVER_BOUND_NANOS = 120 * Time.SECOND;
    static final long SETTLE_NANOS = 2 * Time.SECOND;
    static final long RETRY_NANOS = 500 * Time.MILLISECOND;

    @Override
    public String name() {
        return "quorum";
    }

    @Override
    public String description() {
        return "M managers, F of them (the leader first) crashed: writes, election time, recovery time";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("managers", "managers in the swarm", 1, 99),
                Parameter.integer("failures", "managers crashed at once, the leader first", 0, 99));
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("writes_available", 0, "1 if a write commits after the failures"),
                new Metric("leader_elected_s", 3, "seconds from the crash to a new leader"),
                new Metric("recover_s", 3, "seconds from restarting the crashed managers to a committed write"));
    }

    @Override
    public String notApplicable(Map<String, String> params) {
        int m = Integer.parseInt(params.get("managers"));
        int f = Integer.parseInt(params.get("failures"));
        return f > m ? "failures > managers" : null;
    }

    @Override
    public double[] run(Map<String, String> params, long seed) {
        int managers = Integer.parseInt(params.get("managers"));
        int failures = Integer.parseInt(params.get("failures"));
        SwarmRuntime rt = SwarmRuntime.withHosts(seed, managers);
        Simulation sim = rt.cluster().simulation();
        sim.trace().setOn(false);
        require(docker(rt, "node1", "swarm", "init", "--advertise-addr", "eth0"), "swarm init");
        String token = rt.node("node1").store().managerToken();
        for (int i = 2; i <= managers; i++) {
            require(docker(rt, "node" + i, "swarm", "join", "--token", token, rt.cluster().host("node1").address() + ":2377"), "join node" + i);
        }
        sim.runFor(10 * Time.SECOND);
        String leader = leaderHost(rt);
        if (leader == null) {
            throw new IllegalStateException("no leader 10 s after the swarm was built");
        }
        if (failures == 0) {
            return new double[] {docker(rt, leader, "service", "create", "--detach", "--name", "probe",
                    "nginx:1.12").exitStatus() == 0 ? 1 : 0, 0, 0};
        }
        List<String> down = new ArrayList<>(List.of(leader));
        for (int i = 1; i <= managers && down.size() < failures; i++) {
            if (!down.contains("node" + i)) {
                down.add("node" + i);
            }
        }
        for (String h : down) {
            rt.cluster().host(h).machine().crash();
        }
        long crashed = sim.now();
        sim.runWhile(() -> leaderHost(rt) == null && sim.now() - crashed < ELECTION_BOUND_NANOS);
        String newLeader = leaderHost(rt);
        double elected = newLeader == null ? Double.NaN : seconds(sim.now() - crashed);
        if (newLeader == null && sim.now() - crashed < WRITE_CHECK_NANOS) {
            sim.runFor(WRITE_CHECK_NANOS - (sim.now() - crashed));
        } else if (newLeader != null) {
            sim.runFor(SETTLE_NANOS); // a new leader's first heartbeats and dispatcher start
        }
        String survivor = newLeader != null ? newLeader : firstRunning(rt, managers);
        int probes = 0;
        double writes = survivor != null && docker(rt, survivor, "service", "create", "--detach", "--name",
                "probe" + probes++, "nginx:1.12").exitStatus() == 0 ? 1 : 0;

        for (String h : down) {
            rt.cluster().host(h).machine().restart();
        }
        long restarted = sim.now();
        double recover = Double.NaN;
        while (sim.now() - restarted <= RECOVER_BOUND_NANOS) {
            String target = leaderHost(rt) != null ? leaderHost(rt) : firstRunning(rt, managers);
            CommandResult r = docker(rt, target, "service", "create", "--detach", "--name", "probe" + probes++,
                    "nginx:1.12");
            if (r.exitStatus() == 0) {
                recover = seconds(sim.now() - restarted);
                break;
            }
            sim.runFor(RETRY_NANOS);
        }
        return new double[] {writes, elected, recover};
    }

    private static double seconds(long nanos) {
        return nanos / (double) Time.SECOND;
    }

    private static void require(CommandResult r, String what) {
        if (r.exitStatus() != 0) {
            throw new IllegalStateException(what + " failed: " + r.stderr().strip());
        }
    }

    static CommandResult docker(SwarmRuntime rt, String host, String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "docker";
        System.arraycopy(args, 0, argv, 1, args.length);
        return rt.cluster().host(host).run(argv);
    }

    private static String firstRunning(SwarmRuntime rt, int hosts) {
        for (int i = 1; i <= hosts; i++) {
            if (rt.cluster().host("node" + i).machine().isRunning()) {
                return "node" + i;
            }
        }
        return null;
    }

    /** The host whose running manager Raft knows as leader, or null while there is none. */
    static String leaderHost(SwarmRuntime rt) {
        long leader = rt.swarm().driver().leader();
        if (leader == 0) {
            return null;
        }
        for (SwarmNode n : rt.swarm().nodes()) {
            if (n.inSwarm() && n.raftId() == leader && n.host().machine().isRunning()) {
                return n.host().name();
            }
        }
        return null;
    }
}
