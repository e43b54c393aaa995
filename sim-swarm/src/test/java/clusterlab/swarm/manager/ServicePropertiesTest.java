package clusterlab.swarm.manager;

import static clusterlab.swarm.manager.SwarmTesting.docker;
import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.runtime.engine.Container;
import clusterlab.swarm.SwarmRuntime;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.ServiceSpec;
import clusterlab.swarm.store.TaskRecord;
import clusterlab.swarm.store.Workloads;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of services on whole simulated swarms (and of the store's task states). */
class ServicePropertiesTest {
    private static final String NGINX_MOUNT =
            "source=/etc/hostname,target=/usr/share/nginx/html/index.html,type=bind,ro";

    /** node1..node3 managers, node4..node5 workers. */
    private static SwarmRuntime fiveNodes(long seed) {
        SwarmRuntime rt = SwarmRuntime.withHosts(seed, 5);
        docker(rt, "node1", "swarm", "init", "--advertise-addr", "eth0");
        String worker = docker(rt, "node1", "swarm", "join-token", "-q", "worker").stdout().strip();
        String manager = docker(rt, "node1", "swarm", "join-token", "-q", "manager").stdout().strip();
        for (int i = 2; i <= 5; i++) {
            CommandResult r = docker(rt, "node" + i, "swarm", "join", "--token", i <= 3 ? manager : worker,
                    "192.168.0.11:2377");
            assertThat(r.exitStatus()).as(r.stderr()).isZero();
        }
        return rt;
    }

    private static int running(SwarmRuntime rt, String serviceName) {
        String leader = SwarmTesting.leaderHost(rt);
        ClusterStore s = rt.node(leader).store();
        int n = 0;
        for (TaskRecord t : s.workloads().tasks()) {
            boolean live = rt.cluster().host(s.node(t.nodeId).hostname).machine().isRunning();
            if (t.spec.name().equals(serviceName) && t.desired == TaskState.RUNNING
                    && t.observed == TaskState.RUNNING && live) {
                n++;
            }
        }
        return n;
    }

    @Property(tries = 25)
    void replicasComeBackAfterNodeFailuresThatKeepQuorum(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 6) int replicas, @ForAll("failures") List<String> crashed) {
        SwarmRuntime rt = fiveNodes(seed);
        CommandResult created = docker(rt, "node1", "service", "create", "--detach", "--name", "web",
                "--replicas", Integer.toString(replicas), "nginx:1.12");
        assertThat(created.exitStatus()).as(created.stderr()).isZero();
        rt.cluster().simulation().runFor(60 * Time.SECOND);
        assertThat(running(rt, "web")).as("before the failures (seed %d)", seed).isEqualTo(replicas);
        for (String host : crashed) {
            rt.cluster().host(host).machine().crash();
        }
        rt.cluster().simulation().runFor(150 * Time.SECOND);
        assertThat(running(rt, "web")).as("after crashing %s (seed %d)", crashed, seed).isEqualTo(replicas);
    }

    /** At most one manager (quorum stays) and any workers; at least one node keeps running. */
    @Provide
    Arbitrary<List<String>> failures() {
        Arbitrary<List<String>> manager = Arbitraries.of("node1", "node2", "node3").list().ofMaxSize(1);
        Arbitrary<List<String>> workers = Arbitraries.of("node4", "node5").set().ofMaxSize(2)
                .map(ArrayList::new);
        return manager.flatMap(m -> workers.map(w -> {
            List<String> all = new ArrayList<>(m);
            all.addAll(w);
            return all;
        }));
    }

    @Property(tries = 25)
    void theRoutingMeshSpreadsRequestsEvenlyOverTheTasks(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 1, max = 5) int tasks, @ForAll @IntRange(min = 1, max = 24) int requests) {
        SwarmRuntime rt = fiveNodes(seed);
        docker(rt, "node1", "service", "create", "--detach", "--name", "web", "--replicas", Integer.toString(tasks),
                "--publish", "80:80", "--mount", NGINX_MOUNT, "nginx:1.12");
        rt.cluster().simulation().runFor(60 * Time.SECOND);
        for (int i = 0; i < requests; i++) {
            CommandResult r = rt.cluster().host("node4").run("curl", "-s", "localhost:80");
            assertThat(r.stdout()).as("request %d (seed %d)", i, seed).matches("node\\d\n");
        }
        List<Integer> served = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            for (Container c : rt.docker().engine("node" + i).containers()) {
                if (c.name().startsWith("web.") && c.isRunning()) {
                    served.add(c.log().entries().size());
                }
            }
        }
        assertThat(served).hasSize(tasks);
        int low = requests / tasks;
        int high = (requests + tasks - 1) / tasks;
        assertThat(served).as("requests per task (seed %d)", seed).allSatisfy(n ->
                assertThat(n).isBetween(low, high));
        assertThat(served.stream().mapToInt(Integer::intValue).sum()).isEqualTo(requests);
    }

    @Property(tries = 300)
    void observedTaskStatesNeverGoBackwards(@ForAll @Size(max = 30) List<TaskState> reports) {
        ClusterStore s = new ClusterStore();
        s.apply(ClusterStore.cmd("init", "ca", "w", "m"), 0);
        s.apply(ClusterStore.nodeAdd("n1", 1, "node1", "192.168.0.11", "18.09.4", "manager", 0, 2, 1L << 30), 0);
        s.apply(Workloads.serviceCreate("svc", ServiceSpec.of("web", "nginx:1.12")), 1);
        s.apply(Workloads.taskCreate("t", "svc", 1, "", 1, TaskState.RUNNING), 2);
        s.apply(Workloads.taskAssign("t", "n1"), 3);
        TaskState before = s.workloads().task("t").observed;
        long time = 4;
        for (TaskState r : reports) {
            s.apply(Workloads.taskStatus("t", r, "m", "", "", 0), time++);
            TaskState now = s.workloads().task("t").observed;
            assertThat(now.ordinal()).isGreaterThanOrEqualTo(before.ordinal());
            if (before.isTerminal()) {
                assertThat(now).isEqualTo(before);
            }
            before = now;
        }
    }
}
