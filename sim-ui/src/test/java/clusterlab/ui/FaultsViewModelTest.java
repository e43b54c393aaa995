package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.kernel.Time;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault of the Faults panel, applied through the lab's session, without a window. */
class FaultsViewModelTest {
    private LabViewModel lab;
    private FaultsViewModel faults;

    private void start(int nodes) throws Exception {
        lab = new LabViewModel(1, nodes, Runnable::run);
        faults = new FaultsViewModel(lab);
        lab.start().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void swarmLeaveIsTypedOnTheSelectedMachine() throws Exception {
        start(2);
        lab.type("node1", "docker swarm init --advertise-addr eth0").get(30, TimeUnit.SECONDS);
        assertThat(lab.card("node1").swarmRole()).isEqualTo("manager");
        lab.selectedMachineProperty().set("node1");
        faults.leaveSwarm().get(30, TimeUnit.SECONDS);
        assertThat(lab.terminal("node1").screen()).contains("$ docker swarm leave --force\n");
        assertThat(lab.card("node1").swarmRole()).isEmpty();
        assertThat(lab.raft()).isEmpty();
    }

    @Test
    void partitionSplitsTheNetworkAndHealJoinsIt() throws Exception {
        start(3);
        assertThat(faults.networkSummaryProperty().get()).contains("no partition");
        faults.partitionTextProperty().set("node1 | node2,node3");
        faults.applyPartition().get(30, TimeUnit.SECONDS);
        assertThat(lab.networkProperty().get().partitioned()).isTrue();
        assertThat(faults.networkSummaryProperty().get()).contains("partitioned");
        assertThat(faults.messageProperty().get()).isEqualTo("partitioned: node1 | node2,node3");

        faults.heal().get(30, TimeUnit.SECONDS);
        assertThat(lab.networkProperty().get().partitioned()).isFalse();
    }

    @Test
    void aMistypedPartitionChangesNothing() throws Exception {
        start(3);
        faults.partitionTextProperty().set("node1 | node9");
        faults.applyPartition().get(30, TimeUnit.SECONDS);
        assertThat(faults.messageProperty().get()).startsWith("no machine node9");
        lab.advance(0).get(30, TimeUnit.SECONDS);
        assertThat(lab.networkProperty().get().partitioned()).isFalse();
    }

    @Test
    void partitionTextIsParsedIntoGroups() {
        List<String> machines = List.of("node1", "node2", "node3");
        assertThat(FaultsViewModel.parseGroups("node1 | node2,node3", machines))
                .containsExactly(Set.of("node1"), Set.of("node2", "node3"));
        assertThat(FaultsViewModel.parseGroups(" node2 ", machines)).containsExactly(Set.of("node2"));
        assertThat(FaultsViewModel.parseGroups("node1|node2 node3", machines))
                .containsExactly(Set.of("node1"), Set.of("node2", "node3"));
        assertThatThrownBy(() -> FaultsViewModel.parseGroups("node1 | node1", machines)).hasMessageContaining("two groups");
        assertThatThrownBy(() -> FaultsViewModel.parseGroups("node1 |", machines)).hasMessageContaining("empty group");
        assertThatThrownBy(() -> FaultsViewModel.parseGroups("node1,node2,node3", machines))
                .hasMessageContaining("splits nothing");
    }

    @Test
    void lossAndLatencySlidersReachTheNetwork() throws Exception {
        start(2);
        faults.lossPercentProperty().set(20);
        faults.applyLoss().get(30, TimeUnit.SECONDS);
        assertThat(lab.networkProperty().get().loss()).isEqualTo(0.2);
        faults.latencyMillisProperty().set(150);
        faults.applyLatency().get(30, TimeUnit.SECONDS);
        assertThat(lab.networkProperty().get().latencyNanos()).isEqualTo(150 * Time.MILLISECOND);
        assertThat(faults.networkSummaryProperty().get()).isEqualTo("loss 20 % · latency 150 ms · no partition");

        faults.lossPercentProperty().set(90); // beyond the slider: clamped
        faults.applyLoss().get(30, TimeUnit.SECONDS);
        assertThat(lab.networkProperty().get().loss()).isEqualTo(0.5);
    }
}
