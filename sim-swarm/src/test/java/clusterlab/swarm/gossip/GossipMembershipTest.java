package clusterlab.swarm.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.kernel.Time;
import clusterlab.kernel.trace.MemoryTraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GossipMembershipTest {
    private static final GossipConfig LAN = GossipConfig.lan();

    private static List<Integer> range(int from, int to, int except) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (i != except) {
                r.add(i);
            }
        }
        return r;
    }

    @Test
    void nodesJoinThroughOneSeed() {
        GossipCluster c = new GossipCluster(11, 8, false, LAN);
        for (int i = 0; i < 8; i++) {
            c.driver.addNode(c.machines.get(i), i == 0 ? List.of() : List.of(c.name(0)));
        }
        long t = c.runUntil(() -> {
            for (int s = 0; s < 8; s++) {
                if (!c.allLiveSee(s, MemberState.ALIVE, range(0, 8, -1))) {
                    return false;
                }
            }
            return true;
        }, 100 * Time.MILLISECOND, 20 * Time.SECOND);
        System.out.printf("gossip join: 8 nodes through one seed converged in %s%n", Time.format(t));
        assertTrue(t < 5 * Time.SECOND, "membership converged after " + Time.format(t) + "\n" + c.describe());
    }

    @Test
    void crashIsDetectedByAllWithinTheBound() {
        int n = 8;
        GossipCluster c = new GossipCluster(7, n, false, LAN);
        c.driver.addConvergedCluster(c.machines);
        c.sim.runFor(5 * Time.SECOND);
        c.machines.get(3).crash();
        long t = c.runUntil(() -> c.allLiveSee(3, MemberState.DEAD, range(0, n, 3)), 50 * Time.MILLISECOND,
                60 * Time.SECOND);
        // Someone probes the crashed node within one probe round over the others (usually the first
        // second), the probe fails after one interval, suspicion lasts 4 × max(1, log10 8) s, then
        // the death spreads by gossip within a few gossip rounds.
        long suspicion = LAN.suspicionTimeoutNanos(n);
        long bound = (n - 1) * LAN.probeIntervalNanos() + LAN.probeIntervalNanos() + suspicion + 2 * Time.SECOND;
        System.out.printf("gossip crash: dead at all 7 others after %s (suspicion %s, bound %s)%n",
                Time.format(t), Time.format(suspicion), Time.format(bound));
        assertTrue(t >= suspicion, "declared dead before the suspicion timeout: " + Time.format(t));
        assertTrue(t <= bound, "detected after " + Time.format(t) + " > bound " + Time.format(bound));
        // the typical case is far below the worst-case bound
        assertTrue(t <= 2 * LAN.probeIntervalNanos() + suspicion + Time.SECOND, "detected after " + Time.format(t));
    }

    @Test
    void restartedNodeRejoinsAndRefutesItsDeath() {
        int n = 6;
        GossipCluster c = new GossipCluster(3, n, true, LAN);
        MemoryTraceSink sink = new MemoryTraceSink(200_000);
        c.sim.trace().addSink(sink);
        c.driver.addConvergedCluster(c.machines);
        c.sim.runFor(3 * Time.SECOND);
        c.machines.get(2).crash();
        c.runUntil(() -> c.allLiveSee(2, MemberState.DEAD, range(0, n, 2)), 100 * Time.MILLISECOND, 30 * Time.SECOND);
        assertTrue(c.allLiveSee(2, MemberState.DEAD, range(0, n, 2)), c.describe());
        long deadIncarnation = c.node(0).member(c.name(2)).incarnation();
        c.machines.get(2).restart();
        assertEquals(0, c.node(2).incarnation(), "a restarted node starts afresh");
        long t = c.runUntil(() -> c.allLiveSee(2, MemberState.ALIVE, range(0, n, -1)), 100 * Time.MILLISECOND,
                30 * Time.SECOND);
        assertTrue(c.allLiveSee(2, MemberState.ALIVE, range(0, n, -1)), c.describe());
        System.out.printf("gossip restart: alive again everywhere after %s, incarnation %d -> %d%n",
                Time.format(t), deadIncarnation, c.node(2).incarnation());
        assertTrue(t < 5 * Time.SECOND, "rejoined after " + Time.format(t));
        for (int o = 0; o < n; o++) {
            assertTrue(c.node(o).member(c.name(2)).incarnation() > deadIncarnation, c.describe());
        }
        assertTrue(c.node(2).incarnation() > deadIncarnation);
        assertTrue(sink.records().stream().anyMatch(r -> r.machine().equals(c.name(2)) && r.kind().equals("refute")
                && "gossip".equals(r.component())), "a refute record");
        assertTrue(sink.records().stream().anyMatch(r -> r.kind().equals("dead") && "gossip".equals(r.component())));
    }

    @Test
    void partitionMarksTheOtherSideDeadAndHealingMergesAgain() {
        int n = 6;
        GossipCluster c = new GossipCluster(5, n, false, LAN);
        c.driver.addConvergedCluster(c.machines);
        c.sim.runFor(3 * Time.SECOND);
        c.network.partition(List.of(Set.of(c.name(0), c.name(1), c.name(2)), Set.of(c.name(3), c.name(4), c.name(5))));
        List<Integer> left = List.of(0, 1, 2);
        List<Integer> right = List.of(3, 4, 5);
        long split = c.runUntil(() -> {
            for (int s : right) {
                if (!c.allLiveSee(s, MemberState.DEAD, left)) {
                    return false;
                }
            }
            for (int s : left) {
                if (!c.allLiveSee(s, MemberState.DEAD, right)) {
                    return false;
                }
            }
            return true;
        }, 100 * Time.MILLISECOND, 60 * Time.SECOND);
        assertTrue(split < 30 * Time.SECOND, "halves saw each other dead after " + Time.format(split) + "\n" + c.describe());
        // each side still sees itself alive
        for (int s : left) {
            assertTrue(c.allLiveSee(s, MemberState.ALIVE, left), c.describe());
        }
        // Stay apart past memberlist's 30 s of gossip to the dead: afterwards only the reconnect
        // push/pull with a member believed dead can bring the halves together again.
        c.sim.runFor(40 * Time.SECOND);
        c.network.heal();
        long healed = c.runUntil(() -> {
            for (int s = 0; s < n; s++) {
                if (!c.allLiveSee(s, MemberState.ALIVE, range(0, n, -1))) {
                    return false;
                }
            }
            return true;
        }, 100 * Time.MILLISECOND, 120 * Time.SECOND);
        System.out.printf("gossip partition: halves dead to each other after %s, merged %s after heal%n",
                Time.format(split), Time.format(healed));
        assertTrue(healed < 60 * Time.SECOND, "merged after " + Time.format(healed) + "\n" + c.describe());
    }

    @Test
    void lossyNetworkCausesNoFalseDeaths() {
        int n = 10;
        GossipCluster c = new GossipCluster(9, n, false, LAN);
        c.network.setLoss(0.05);
        c.driver.addConvergedCluster(c.machines);
        int[] suspicions = {0};
        int[] deaths = {0};
        c.driver.addMemberListener((node, before, after) -> {
            if (before != null && after.state() == MemberState.SUSPECT && before.state() != MemberState.SUSPECT) {
                suspicions[0]++;
            }
            if (after.state() == MemberState.DEAD) {
                deaths[0]++;
            }
        });
        c.sim.runFor(60 * Time.SECOND);
        System.out.printf("gossip loss 5%%: %d suspicions refuted, %d deaths in 60 s on %d nodes%n",
                suspicions[0], deaths[0], n);
        assertEquals(0, deaths[0], "indirect probes and refutation keep live nodes alive\n" + c.describe());
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        String a = scenario(42);
        String b = scenario(42);
        String d = scenario(43);
        assertEquals(a, b);
        assertNotEquals(a, d);
    }

    private static String scenario(long seed) {
        GossipCluster c = new GossipCluster(seed, 6, true, LAN);
        c.driver.addConvergedCluster(c.machines);
        c.sim.runFor(2 * Time.SECOND);
        c.driver.publish(c.name(1), "svc/web/1", "10.0.9.2");
        c.machines.get(4).crash();
        c.sim.runFor(8 * Time.SECOND);
        c.machines.get(4).restart();
        c.sim.runFor(5 * Time.SECOND);
        return c.sim.trace().digestHex() + " " + c.sim.trace().count() + "\n" + c.describe();
    }
}
