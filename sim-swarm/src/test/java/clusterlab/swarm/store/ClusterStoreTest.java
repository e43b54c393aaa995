package clusterlab.swarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStoreTest {
    private static final String CA = "0c7qwku7nif2nci15uqcqtplhgg1eln6no7w5xrorwo9foojvn";

    private static ClusterStore storeOf(List<String> commands) {
        ClusterStore s = new ClusterStore();
        for (String c : commands) {
            s.apply(c, 0);
        }
        return s;
    }

    @Test
    void clusterSpecStartsAtSwarmKitDefaults() {
        ClusterStore s = storeOf(List.of(ClusterStore.cmd("init", CA, "w", "m")));
        assertThat(s.taskHistoryLimit()).isEqualTo(5);
        assertThat(s.heartbeatPeriodNanos()).isEqualTo(5_000_000_000L);
        assertThat(s.certExpiryNanos()).isEqualTo(2160L * 3600 * 1_000_000_000L);
        assertThat(s.snapshotInterval()).isEqualTo(10_000);
        assertThat(s.maxSnapshots()).isZero();
    }

    @Test
    void snapshotKeepsEverythingCommitted() {
        ClusterStore s = storeOf(List.of(
                ClusterStore.cmd("init", CA, "w", "m"),
                ClusterStore.clusterConfig(2, 10_000_000_000L, 3_600_000_000_000L, 500, 2),
                ClusterStore.nodeAdd("n1", 7, "node1", "192.168.0.11", "18.09.4", "manager", 0, 4, 4L << 30),
                ClusterStore.cmd("node-label", "n1", "zone", "east side"),
                ClusterStore.cmd("node-avail", "n1", "drain")));
        ClusterStore copy = ClusterStore.decode(s.encode(), 0);
        assertThat(copy.encode()).isEqualTo(s.encode());
        assertThat(copy.taskHistoryLimit()).isEqualTo(2);
        assertThat(copy.heartbeatPeriodNanos()).isEqualTo(10_000_000_000L);
        assertThat(copy.certExpiryNanos()).isEqualTo(3_600_000_000_000L);
        assertThat(copy.snapshotInterval()).isEqualTo(500);
        assertThat(copy.maxSnapshots()).isEqualTo(2);
        assertThat(copy.node("n1").labels).containsEntry("zone", "east side");
        assertThat(copy.node("n1").availability).isEqualTo("drain");
        assertThat(copy.workerToken()).isEqualTo("SWMTKN-1-" + CA + "-w");
    }

    @Test
    void defaultSpecAddsNothingToTheSnapshot() {
        ClusterStore s = storeOf(List.of(ClusterStore.cmd("init", CA, "w", "m")));
        assertThat(s.encode()).doesNotContain("cluster-config");
    }
}
