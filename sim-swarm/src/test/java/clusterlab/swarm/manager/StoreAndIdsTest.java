package clusterlab.swarm.manager;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.SimRandom;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import org.junit.jupiter.api.Test;

/** The store's command language and snapshot encoding; SwarmKit's id and token shapes. */
class StoreAndIdsTest {
    @Test
    void idsAndTokensHaveSwarmKitsShapes() {
        SimRandom r = SimRandom.root(3).stream("t");
        for (int i = 0; i < 50; i++) {
            assertThat(Ids.newId(r)).matches("[0-9a-z]{25}");
            assertThat(Ids.caDigest(r)).matches("[0-9a-z]{50}");
        }
        String token = "SWMTKN-1-" + Ids.caDigest(r) + "-" + Ids.newId(r);
        assertThat(Ids.wellFormedToken(token)).isTrue();
        assertThat(Ids.wellFormedToken(token + "x")).isFalse();
        assertThat(Ids.wellFormedToken(token.replace("SWMTKN-1-", "SWMTKN-2-"))).isFalse();
        assertThat(Ids.wellFormedToken("SWMTKN-1-abc-def")).isFalse();
        assertThat(Ids.newId(SimRandom.root(3).stream("t"))).isEqualTo(Ids.newId(SimRandom.root(3).stream("t")));
    }

    @Test
    void snapshotRebuildsTheSameStateIncludingAwkwardLabels() {
        ClusterStore s = new ClusterStore();
        s.apply(ClusterStore.cmd("init", "c".repeat(50), "w".repeat(25), "m".repeat(25)), 0);
        s.apply(ClusterStore.nodeAdd("a".repeat(25), 7, "node1", "192.168.0.11", "18.09.4", "manager", 5, 4, 1L << 32), 5);
        s.apply(ClusterStore.cmd("node-label", "a".repeat(25), "note", "two words % 20 and\nnewline"), 6);
        s.apply(ClusterStore.cmd("node-label", "a".repeat(25), "empty", ""), 6);
        s.apply(ClusterStore.cmd("node-avail", "a".repeat(25), "drain"), 7);
        s.apply(ClusterStore.cmd("node-status", "a".repeat(25), "down"), 8);
        s.apply(ClusterStore.cmd("token", "worker", "x".repeat(25)), 9);
        s.apply("node-status nosuchnode ready", 10);
        s.apply("garbage", 10);
        s.apply("node-rm", 10);
        s.apply("node-add x notanumber h a v worker 1 2 3", 10);
        ClusterStore copy = ClusterStore.decode(s.encode(), 11);
        assertThat(copy.encode()).isEqualTo(s.encode());
        NodeRecord n = copy.node("a".repeat(25));
        assertThat(n.labels).containsEntry("note", "two words % 20 and\nnewline").containsEntry("empty", "");
        assertThat(n.availability).isEqualTo("drain");
        assertThat(n.status).isEqualTo("down");
        assertThat(n.cpus).isEqualTo(4);
        assertThat(copy.workerToken()).isEqualTo("SWMTKN-1-" + "c".repeat(50) + "-" + "x".repeat(25));
        assertThat(copy.managerToken()).endsWith("-" + "m".repeat(25));
        s.apply(ClusterStore.cmd("node-rm", "a".repeat(25)), 12);
        assertThat(s.nodes()).isEmpty();
    }
}
