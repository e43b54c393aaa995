package clusterlab.swarm.manager;

import static clusterlab.swarm.manager.SwarmTesting.docker;
import static clusterlab.swarm.manager.SwarmTesting.leaderHost;
import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.swarm.SwarmRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The course's quorum table on swarms of 3, 5 and 7 managers: a crashed leader is replaced within
 * the election window, (N-1)/2 failures are tolerated, one more stops every write with Docker's
 * message, and restarting the managers brings back everything committed.
 */
class QuorumSizesTest {
    private static final String NO_LEADER = "Error response from daemon: rpc error: code = Unknown desc = "
            + "The swarm does not have a leader. It's possible that too few managers are online. "
            + "Make sure more than half of the managers are online.\n";

    private static SwarmRuntime managers(int n) {
        SwarmRuntime rt = SwarmRuntime.withHosts(40 + n, n);
        assertThat(docker(rt, "node1", "swarm", "init", "--advertise-addr", "eth0").exitStatus()).isZero();
        String token = rt.node("node1").store().managerToken();
        for (int i = 2; i <= n; i++) {
            CommandResult r = docker(rt, "node" + i, "swarm", "join", "--token", token, "192.168.0.11:2377");
            assertThat(r.stdout()).isEqualTo("This node joined a swarm as a manager.\n");
        }
        rt.cluster().simulation().runFor(10 * Time.SECOND);
        return rt;
    }

    @ParameterizedTest(name = "{0} managers")
    @ValueSource(ints = {3, 5, 7})
    void toleratesAMinorityAndStopsWritesWithoutQuorum(int n) {
        SwarmRuntime rt = managers(n);
        Simulation sim = rt.cluster().simulation();
        String first = leaderHost(rt);
        assertThat(first).isEqualTo("node1");

        // The leader crashes: a new one within the election window (10-20 ticks of 1 s, plus rounds).
        rt.cluster().host(first).machine().crash();
        long crashed = sim.now();
        sim.runWhile(() -> leaderHost(rt) == null && sim.now() < crashed + 40 * Time.SECOND);
        String second = leaderHost(rt);
        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(sim.now() - crashed).isBetween(10 * Time.SECOND, 22 * Time.SECOND);
        sim.runFor(15 * Time.SECOND);
        assertThat(docker(rt, second, "node", "ls").stdout()).containsPattern(" " + first + " .*Unreachable");

        // Crash followers up to (n-1)/2 failures in all: still a leader, writes still commit.
        List<String> down = new ArrayList<>(List.of(first));
        for (int i = n; down.size() < (n - 1) / 2; i--) {
            if (!("node" + i).equals(second)) {
                rt.cluster().host("node" + i).machine().crash();
                down.add("node" + i);
            }
        }
        sim.runFor(30 * Time.SECOND);
        assertThat(docker(rt, second, "node", "update", "--label-add", "tolerated=yes", second).exitStatus())
                .as("%d of %d managers down", down.size(), n).isZero();

        // One more failure loses the quorum: every write is refused with Docker's message.
        String lastStraw = null;
        for (int i = 2; lastStraw == null; i++) {
            if (!down.contains("node" + i) && !("node" + i).equals(second)) {
                lastStraw = "node" + i;
            }
        }
        rt.cluster().host(lastStraw).machine().crash();
        down.add(lastStraw);
        sim.runFor(30 * Time.SECOND);
        CommandResult refused = docker(rt, second, "node", "update", "--label-add", "lost=yes", second);
        assertThat(refused.exitStatus()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo(NO_LEADER);

        // The managers come back: a leader again, the committed label kept, the refused one absent.
        for (String h : down) {
            rt.cluster().host(h).machine().restart();
        }
        long restarted = sim.now();
        sim.runWhile(() -> leaderHost(rt) == null && sim.now() < restarted + 60 * Time.SECOND);
        assertThat(leaderHost(rt)).as("a leader after the restarts").isNotNull();
        sim.runFor(30 * Time.SECOND);
        String inspect = docker(rt, second, "node", "inspect", "--format", "{{json .Spec.Labels}}", second).stdout();
        assertThat(inspect).contains("\"tolerated\":\"yes\"").doesNotContain("lost");
    }
}
