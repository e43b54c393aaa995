package clusterlab.swarm.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipStoreTest {
    private static final GossipConfig LAN = GossipConfig.lan();

    private static boolean everyLiveNode(GossipCluster c, java.util.function.Predicate<GossipNode> p) {
        for (GossipNode n : c.driver.liveNodes()) {
            if (!p.test(n)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void publishedKeyReachesAllAndRemovalPropagates() {
        GossipCluster c = new GossipCluster(21, 20, false, LAN);
        c.driver.addConvergedCluster(c.machines);
        List<String> changes = new ArrayList<>();
        c.driver.addKvListener((node, before, after) -> {
            if (node.equals(c.name(7))) {
                changes.add(after.key() + (after.deleted() ? " removed" : "=" + after.value()));
            }
        });
        c.sim.runFor(2 * Time.SECOND);
        c.driver.publish(c.name(3), "svc/web/task1", "10.0.9.5");
        c.driver.publish(c.name(3), "svc/web/task2", "10.0.9.6");
        c.driver.publish(c.name(11), "svc/api/task1", "10.0.9.7");
        long t = c.runUntil(() -> everyLiveNode(c, n -> n.entries().size() == 3), 50 * Time.MILLISECOND,
                20 * Time.SECOND);
        assertTrue(t < 3 * Time.SECOND, "published after " + Time.format(t) + "\n" + c.describe());
        for (GossipNode n : c.driver.liveNodes()) {
            assertEquals(List.of("svc/api/task1", "svc/web/task1", "svc/web/task2"),
                    n.entries().stream().map(KvEntry::key).toList(), "entries() is sorted by key");
            assertEquals("10.0.9.5", n.get("svc/web/task1"));
        }
        c.driver.remove(c.name(3), "svc/web/task1");
        long r = c.runUntil(() -> everyLiveNode(c, n -> n.get("svc/web/task1") == null), 50 * Time.MILLISECOND,
                20 * Time.SECOND);
        assertTrue(r < 3 * Time.SECOND, "removed after " + Time.format(r));
        assertNull(c.node(0).get("svc/web/task1"));
        assertEquals(2, c.node(19).entries().size());
        assertEquals(List.of("svc/web/task1=10.0.9.5", "svc/web/task2=10.0.9.6", "svc/api/task1=10.0.9.7",
                "svc/web/task1 removed"), sortedTail(changes));
        System.out.printf("gossip store: 3 keys on 20 nodes in %s, removal in %s%n", Time.format(t), Time.format(r));
    }

    /** The first three changes may arrive in any order; the removal comes last. */
    private static List<String> sortedTail(List<String> changes) {
        List<String> first = new ArrayList<>(changes.subList(0, 3));
        List<String> expectedOrder = List.of("svc/web/task1=10.0.9.5", "svc/web/task2=10.0.9.6", "svc/api/task1=10.0.9.7");
        first.sort((a, b) -> Integer.compare(expectedOrder.indexOf(a), expectedOrder.indexOf(b)));
        first.addAll(changes.subList(3, changes.size()));
        return first;
    }

    @Test
    void concurrentWritesSettleOnTheSameWinnerEverywhere() {
        GossipCluster c = new GossipCluster(22, 10, false, LAN);
        c.driver.addConvergedCluster(c.machines);
        c.sim.runFor(Time.SECOND);
        c.driver.publish(c.name(1), "vip", "a");
        c.driver.publish(c.name(8), "vip", "b"); // same version 1: the higher owner name wins
        c.runUntil(() -> everyLiveNode(c, n -> "b".equals(n.get("vip"))), 50 * Time.MILLISECOND, 10 * Time.SECOND);
        assertTrue(everyLiveNode(c, n -> "b".equals(n.get("vip"))), c.describe());
        c.driver.publish(c.name(1), "vip", "c"); // node 1 has seen version 1 now: writes version 2
        c.runUntil(() -> everyLiveNode(c, n -> "c".equals(n.get("vip"))), 50 * Time.MILLISECOND, 10 * Time.SECOND);
        assertTrue(everyLiveNode(c, n -> "c".equals(n.get("vip"))), c.describe());
    }

    @Test
    void restartedNodeGetsTheStoreByPushPull() {
        GossipCluster c = new GossipCluster(23, 6, false, LAN);
        c.driver.addConvergedCluster(c.machines);
        c.sim.runFor(Time.SECOND);
        c.driver.publish(c.name(0), "k", "v");
        c.sim.runFor(3 * Time.SECOND);
        c.machines.get(5).crash();
        c.sim.runFor(Time.SECOND);
        c.machines.get(5).restart();
        assertNull(c.node(5).get("k"));
        c.runUntil(() -> "v".equals(c.node(5).get("k")), 50 * Time.MILLISECOND, 5 * Time.SECOND);
        assertEquals("v", c.node(5).get("k"), "the join's push/pull brings the store");
    }

    /**
     * Epidemic dissemination: the time for a key to reach every node grows like log N. Each size
     * runs one seed with the trace off and a converged membership; the time is averaged over three
     * keys published by different nodes, a few seconds apart.
     */
    @Test
    void convergenceTimeGrowsLikeLogN() {
        long t10 = convergence(10);
        long t100 = convergence(100);
        long t1000 = convergence(1000);
        System.out.printf("gossip convergence: N=10 %s, N=100 %s, N=1000 %s (ratio 1000/10 = %.2f)%n",
                Time.format(t10), Time.format(t100), Time.format(t1000), (double) t1000 / t10);
        assertTrue(t10 < t100 && t100 < t1000, "grows with N: " + t10 + " " + t100 + " " + t1000);
        assertTrue(t1000 < 5 * t10, "t(1000)/t(10) = " + (double) t1000 / t10 + ", far below 100");
        assertTrue(t1000 < 5 * Time.SECOND, "1000 nodes within " + Time.format(t1000));
    }

    private static long convergence(int n) {
        GossipCluster c = new GossipCluster(1000 + n, n, false, LAN);
        c.driver.addConvergedCluster(c.machines);
        String[] key = {null};
        int[] reached = {0};
        c.driver.addKvListener((node, before, after) -> {
            if (after.key().equals(key[0])) {
                reached[0]++;
            }
        });
        c.sim.runFor(2 * Time.SECOND);
        long total = 0;
        int keys = 3;
        for (int k = 0; k < keys; k++) {
            key[0] = "svc/k" + k;
            reached[0] = 0;
            long start = c.sim.now();
            c.driver.publish(c.name((k * 37) % n), key[0], "10.0.9." + k);
            long limit = start + 30 * Time.SECOND;
            c.sim.runWhile(() -> reached[0] < n && c.sim.now() < limit);
            assertEquals(n, reached[0], "key " + k + " reached every node of " + n);
            total += c.sim.now() - start;
            c.sim.runFor(3 * Time.SECOND);
        }
        return total / keys;
    }
}
