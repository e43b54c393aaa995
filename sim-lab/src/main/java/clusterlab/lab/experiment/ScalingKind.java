package clusterlab.lab.experiment;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Network;
import clusterlab.kernel.net.Transport;
import clusterlab.swarm.SwarmRuntime;
import clusterlab.swarm.gossip.GossipConfig;
import clusterlab.swarm.gossip.GossipDriver;
import clusterlab.swarm.gossip.MemberState;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code kind: scaling}: how recovery times grow with the number of workers {@code workers} (W).
 * <ul>
 *   <li>{@code reconcile_s}: a swarm of one manager (drained, so it runs no tasks) and W workers runs
 *       a replicated service of W replicas (one per worker); the last worker crashes; virtual seconds
 *       until W replicas run again on live workers (heartbeat expiry, about 15 s, then rescheduling).
 *       Empty if not within 120 s. Swarms of more than 244 hosts live on 10.0.0.0/16.</li>
 *   <li>{@code gossip_converge_s}: W machines run memberlist-style gossip (LAN settings) from a
 *       converged membership; one crashes; virtual seconds until every live node holds it dead
 *       (empty if not within 300 s). Large W is slow: every node's push-pull carries the whole list.</li>
 * </ul>
 */
public final class ScalingKind implements ExperimentKind {
    static final long RECONCILE_BOUND_NANOS = 120 * Time.SECOND;
    static final long GOSSIP_BOUND_NANOS = 300 * Time.SECOND;
    static final long STEP_NANOS = 100 * Time.MILLISECOND;

    @Override
    public String name() {
        return "scaling";
    }

    @Override
    public String description() {
        return "W workers: service reconcile time and gossip failure-detection time after a worker crash";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.integer("workers", "workers in the swarm / machines in the gossip cluster", 2,
                50_000));
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("reconcile_s", 3, "seconds from a worker crash to full replicas again"),
                new Metric("gossip_converge_s", 3, "seconds from a crash until every live gossip node holds it dead"));
    }

    @Override
    public double[] run(Map<String, String> params, long seed) {
        int workers = Integer.parseInt(params.get("workers"));
        double reconcile = reconcile(workers, seed);
        return new double[] {reconcile, gossip(workers, seed)};
    }

    static double reconcile(int workers, long seed) {
        SwarmRuntime rt = SwarmRuntime.withHosts(seed, workers + 1);
        Simulation sim = rt.cluster().simulation();
        sim.trace().setOn(false);
        require(QuorumKind.docker(rt, "node1", "swarm", "init", "--advertise-addr", "eth0"), "swarm init");
        String token = rt.node("node1").store().workerToken();
        String manager = rt.cluster().host("node1").address() + ":2377";
        for (int i = 2; i <= workers + 1; i++) {
            require(QuorumKind.docker(rt, "node" + i, "swarm", "join", "--token", token, manager),
                    "join node" + i);
        }
        require(QuorumKind.docker(rt, "node1", "node", "update", "--availability", "drain", "node1"), "drain");
        require(QuorumKind.docker(rt, "node1", "service", "create", "--detach", "--name", "web", "--replicas",
                Integer.toString(workers), "nginx:1.12"), "service create");
        long created = sim.now();
        step(sim, () -> running(rt) >= workers, created, RECONCILE_BOUND_NANOS);
        if (running(rt) < workers) {
            throw new IllegalStateException("the service never reached " + workers + " replicas");
        }
        sim.runFor(5 * Time.SECOND);
        rt.cluster().host("node" + (workers + 1)).machine().crash();
        long crashed = sim.now();
        step(sim, () -> running(rt) >= workers, crashed, RECONCILE_BOUND_NANOS);
        return running(rt) < workers ? Double.NaN : (sim.now() - crashed) / (double) Time.SECOND;
    }

    /** Tasks of the service desired and observed running on a live host, as the manager's store says. */
    private static int running(SwarmRuntime rt) {
        ClusterStore s = rt.node("node1").store();
        int n = 0;
        for (TaskRecord t : s.workloads().tasks()) {
            if (t.desired == TaskState.RUNNING && t.observed == TaskState.RUNNING && t.nodeId != null
                    && s.node(t.nodeId) != null
                    && rt.cluster().host(s.node(t.nodeId).hostname).machine().isRunning()) {
                n++;
            }
        }
        return n;
    }

    static double gossip(int n, long seed) {
        Simulation sim = new Simulation(seed);
        sim.trace().setOn(false);
        Network network = new Network(sim);
        Transport transport = new Transport(network);
        List<Machine> machines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Machine m = Machine.standard(sim, String.format(java.util.Locale.ROOT, "m%05d", i + 1));
            network.attach(m, Ipv4.of(10, i / 60_000, (i / 200) % 256, 11 + i % 200));
            machines.add(m);
        }
        GossipDriver driver = new GossipDriver(network, transport, GossipConfig.lan());
        driver.addConvergedCluster(machines);
        sim.runFor(5 * Time.SECOND);
        Machine victim = machines.get(n - 1);
        TreeSet<String> holdDead = new TreeSet<>();
        driver.addMemberListener((node, before, after) -> {
            if (after != null && after.name().equals(victim.name())) {
                if (after.state() == MemberState.DEAD) {
                    holdDead.add(node);
                } else {
                    holdDead.remove(node);
                }
            }
        });
        victim.crash();
        long crashed = sim.now();
        step(sim, () -> holdDead.size() >= n - 1, crashed, GOSSIP_BOUND_NANOS);
        return holdDead.size() < n - 1 ? Double.NaN : (sim.now() - crashed) / (double) Time.SECOND;
    }

    /** Runs in steps of {@link #STEP_NANOS} until {@code done} or {@code bound} after {@code from}. */
    static void step(Simulation sim, java.util.function.BooleanSupplier done, long from, long bound) {
        while (!done.getAsBoolean() && sim.now() - from < bound) {
            sim.runFor(STEP_NANOS);
        }
    }

    private static void require(CommandResult r, String what) {
        if (r.exitStatus() != 0) {
            throw new IllegalStateException(what + " failed: " + r.stderr().strip());
        }
    }
}
