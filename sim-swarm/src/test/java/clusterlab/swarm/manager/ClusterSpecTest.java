package clusterlab.swarm.manager;

import static clusterlab.swarm.manager.SwarmTesting.docker;
import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.host.CommandResult;
import clusterlab.swarm.SwarmRuntime;
import clusterlab.swarm.raft.RaftCore;
import org.junit.jupiter.api.Test;

/** Cluster spec settings that change how the managers run. */
class ClusterSpecTest {
    @Test
    void snapshotIntervalFromSwarmUpdateDecidesWhenRaftSnapshots() {
        SwarmRuntime rt = SwarmRuntime.withHosts(5, 1);
        docker(rt, "node1", "swarm", "init", "--advertise-addr", "eth0");
        CommandResult r = docker(rt, "node1", "swarm", "update", "--snapshot-interval", "20", "--max-snapshots", "2");
        assertThat(r.exitStatus()).as(r.stderr()).isZero();
        RaftCore core = rt.swarm().driver().core(rt.node("node1").raftId());
        assertThat(core.snapshotInterval()).isEqualTo(20);
        for (int i = 0; i < 30; i++) {
            docker(rt, "node1", "node", "update", "--label-add", "k" + i + "=v", "node1");
        }
        assertThat(core.snapshot().index()).as("a snapshot after 20 entries").isPositive();
        assertThat(docker(rt, "node1", "info").stdout()).contains("   Snapshot Interval: 20\n")
                .contains("   Number of Old Snapshots to Retain: 2\n");
    }
}
