package clusterlab.swarm.manager;

import static clusterlab.swarm.manager.SwarmTesting.docker;
import static clusterlab.swarm.manager.SwarmTesting.leaderHost;
import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.swarm.SwarmRuntime;
import clusterlab.swarm.store.NodeRecord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Crashes and partitions under SwarmKit's timing: elections, quorum loss, heartbeat expiry. */
class SwarmFaultTest {
    /** node1 inits; node2 and node3 join as managers (or workers). */
    private static SwarmRuntime swarm(long seed, boolean managers) {
        SwarmRuntime rt = SwarmRuntime.withHosts(seed, 3);
        assertThat(docker(rt, "node1", "swarm", "init", "--advertise-addr", "eth0").exitStatus()).isZero();
        String token = managers ? rt.node("node1").store().managerToken() : rt.node("node1").store().workerToken();
        for (String h : List.of("node2", "node3")) {
            CommandResult r = docker(rt, h, "swarm", "join", "--token", token, "192.168.0.11:2377");
            assertThat(r.stdout()).isEqualTo("This node joined a swarm as a " + (managers ? "manager" : "worker") + ".\n");
            rt.cluster().simulation().runFor(2 * Time.SECOND);
        }
        rt.cluster().simulation().runFor(10 * Time.SECOND);
        return rt;
    }

    private static String line(String table, String hostname) {
        for (String l : table.split("\n")) {
            if (l.contains(" " + hostname + " ")) {
                return l;
            }
        }
        return "";
    }

    @Test
    void leaderCrashElectsANewLeaderAndTheOldOneIsUnreachable() {
        SwarmRuntime rt = swarm(5, true);
        Simulation sim = rt.cluster().simulation();
        assertThat(leaderHost(rt)).isEqualTo("node1");
        String ls = docker(rt, "node1", "node", "ls").stdout();
        assertThat(line(ls, "node2")).contains("Ready").contains("Reachable");
        rt.cluster().host("node1").machine().crash();
        long crashed = sim.now();
        sim.runWhile(() -> leaderHost(rt) == null && sim.now() < crashed + 40 * Time.SECOND);
        String newLeader = leaderHost(rt);
        assertThat(newLeader).isIn("node2", "node3");
        // Election timeout 10-20 ticks of 1 s, plus a pre-vote and a vote round.
        assertThat(sim.now() - crashed).isBetween(10 * Time.SECOND, 22 * Time.SECOND);
        // The new leader's dispatcher starts within a second and has heard from nobody yet.
        sim.runFor(1_500 * Time.MILLISECOND);
        String oldId = rt.node("node1").nodeId();
        assertThat(rt.node(newLeader).store().node(oldId).status).isEqualTo("unknown");
        assertThat(line(docker(rt, newLeader, "node", "ls").stdout(), "node1")).contains("Unknown")
                .contains("Reachable");
        // Two silent periods: unreachable for the managers, not yet down for the dispatcher.
        sim.runFor(10 * Time.SECOND);
        assertThat(line(docker(rt, newLeader, "node", "ls").stdout(), "node1")).contains("Unknown")
                .contains("Unreachable");
        sim.runFor(15 * Time.SECOND);
        ls = docker(rt, newLeader, "node", "ls").stdout();
        assertThat(line(ls, "node1")).contains("Down").contains("Unreachable");
        assertThat(line(ls, newLeader)).contains("Leader").contains("Ready");
    }

    @Test
    void losingQuorumRefusesAndRestartRecoversEverything() {
        SwarmRuntime rt = swarm(6, true);
        Simulation sim = rt.cluster().simulation();
        assertThat(docker(rt, "node1", "node", "update", "--label-add", "zone=east", "node3").exitStatus()).isZero();
        rt.cluster().host("node2").machine().crash();
        rt.cluster().host("node3").machine().crash();
        sim.runFor(30 * Time.SECOND);
        CommandResult r = docker(rt, "node1", "node", "ls");
        assertThat(r.stderr()).isEqualTo("Error response from daemon: " + Errors.NO_LEADER + "\n");
        assertThat(r.exitStatus()).isEqualTo(1);
        r = docker(rt, "node1", "node", "update", "--availability", "drain", "node1");
        assertThat(r.stderr()).isEqualTo("Error response from daemon: " + Errors.NO_LEADER + "\n");
        rt.cluster().host("node2").machine().restart();
        rt.cluster().host("node3").machine().restart();
        sim.runFor(40 * Time.SECOND);
        assertThat(leaderHost(rt)).isNotNull();
        r = docker(rt, "node1", "node", "ls");
        assertThat(r.exitStatus()).isZero();
        for (String h : List.of("node1", "node2", "node3")) {
            assertThat(line(r.stdout(), h)).contains("Ready").contains("Active");
        }
        NodeRecord n3 = rt.node("node1").store().nodes().stream().filter(n -> n.hostname.equals("node3"))
                .findFirst().orElseThrow();
        assertThat(n3.labels).containsEntry("zone", "east");
        assertThat(rt.node("node1").store().node(rt.node("node1").nodeId()).availability).isEqualTo("active");
    }

    @Test
    void crashedWorkerIsDownThreeJitteredPeriodsAfterItsLastHeartbeat() {
        for (long seed = 1; seed <= 4; seed++) {
            SwarmRuntime rt = swarm(seed, false);
            Simulation sim = rt.cluster().simulation();
            SwarmNode leader = rt.node("node1");
            String worker = rt.node("node2").nodeId();
            sim.runFor(seed * 1_300 * Time.MILLISECOND);
            rt.cluster().host("node2").machine().crash();
            long crashed = sim.now();
            long last = leader.dispatcher().lastHeard(worker);
            assertThat(last).isPositive().isLessThanOrEqualTo(crashed);
            sim.runWhile(() -> !"down".equals(leader.store().node(worker).status)
                    && sim.now() < crashed + 30 * Time.SECOND);
            long down = sim.now() - last;
            assertThat(down).isBetween(13_500 * Time.MILLISECOND, 16_501 * Time.MILLISECOND);
            assertThat(line(docker(rt, "node1", "node", "ls").stdout(), "node2")).contains("Down");
            assertThat(line(docker(rt, "node1", "node", "ls").stdout(), "node3")).contains("Ready");
        }
    }

    @Test
    void partitionedMinorityManagerLeavesTheMajorityWorking() {
        SwarmRuntime rt = swarm(8, true);
        Simulation sim = rt.cluster().simulation();
        assertThat(leaderHost(rt)).isEqualTo("node1");
        rt.cluster().network().partition(List.of(Set.of("node1"), Set.of("node2", "node3")));
        sim.runFor(45 * Time.SECOND);
        String leader = leaderHost(rt);
        assertThat(leader).isIn("node2", "node3");
        CommandResult r = docker(rt, leader, "node", "update", "--label-add", "side=majority", "node2");
        assertThat(r.exitStatus()).isZero();
        r = docker(rt, leader, "node", "ls");
        assertThat(line(r.stdout(), "node1")).contains("Down").contains("Unreachable");
        assertThat(line(r.stdout(), leader)).contains("Leader");
        r = docker(rt, "node1", "node", "ls");
        assertThat(r.stderr()).isEqualTo("Error response from daemon: " + Errors.NO_LEADER + "\n");
        rt.cluster().network().heal();
        sim.runFor(30 * Time.SECOND);
        r = docker(rt, "node1", "node", "ls");
        assertThat(r.exitStatus()).isZero();
        assertThat(line(r.stdout(), "node1")).contains("Ready").contains("Reachable");
    }

    @Test
    void aFollowerManagersWriteIsCommittedThroughTheLeaderOnEveryManager() {
        SwarmRuntime rt = swarm(9, true);
        assertThat(leaderHost(rt)).isEqualTo("node1");
        CommandResult r = docker(rt, "node3", "node", "update", "--label-add", "disk=ssd", "node2");
        assertThat(r.stdout()).isEqualTo("node2\n");
        rt.cluster().simulation().runFor(2 * Time.SECOND);
        for (String h : List.of("node1", "node2", "node3")) {
            NodeRecord n2 = rt.node(h).store().node(rt.node("node2").nodeId());
            assertThat(n2.labels).as(h).containsEntry("disk", "ssd");
        }
        r = docker(rt, "node3", "node", "ls");
        assertThat(line(r.stdout(), "node3")).startsWith(rt.node("node3").nodeId() + " *");
    }
}
