package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's view model without a window: snapshots are applied on the simulation thread. */
class LabViewModelTest {
    private LabViewModel lab;

    private LabViewModel start(int nodes) throws Exception {
        lab = new LabViewModel(1, nodes, Runnable::run);
        lab.start().get(30, TimeUnit.SECONDS);
        return lab;
    }

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void everyTabShowsItsPlayWithDockerPrompt() throws Exception {
        start(2);
        System.out.println("[" + lab.terminal("node1").screen() + "]");
        System.out.println("[" + lab.terminal("node2").screen() + "]");
        assertThat(lab.terminal("node1").screen()).isEqualTo("[node1] (local) root@192.168.0.11 ~\n$ ");
        assertThat(lab.terminal("node2").screen()).startsWith("[node2] (local) root@192.168.0.12 ~\n$ ");
        assertThat(lab.cards()).extracting(MachineCard::summary)
                .containsExactly("node1 192.168.0.11 no swarm Ready", "node2 192.168.0.12 no swarm Ready");
    }

    @Test
    void swarmInitMakesTheCardAManagerAndLeader() throws Exception {
        start(2);
        lab.type("node1", "docker swarm init --advertise-addr eth0").get(30, TimeUnit.SECONDS);
        System.out.println("[" + lab.terminal("node1").screen() + "]");
        MachineCard card = lab.card("node1");
        assertThat(card.swarmRole()).isEqualTo("manager");
        assertThat(card.raftRole()).isEqualTo("Leader");
        assertThat(card.term()).isPositive();
        assertThat(lab.card("node2").swarmRole()).isEmpty();
        assertThat(lab.terminal("node1").screen()).contains("Swarm initialized");
    }

    @Test
    void typingOnAnotherTabGoesToThatMachine() throws Exception {
        start(2);
        lab.type("node2", "hostname").get(30, TimeUnit.SECONDS);
        lab.type("node1", "hostname").get(30, TimeUnit.SECONDS);
        System.out.println("[" + lab.terminal("node1").screen() + "]");
        System.out.println("[" + lab.terminal("node2").screen() + "]");
        assertThat(lab.terminal("node2").screen()).contains("$ hostname\nnode2\n");
        assertThat(lab.terminal("node1").screen()).contains("$ hostname\nnode1\n").doesNotContain("node2");
    }

    @Test
    void runningContainersShowOnTheCardAndCrashMakesItDown() throws Exception {
        start(1);
        lab.type("node1", "docker run -d --name web nginx").get(30, TimeUnit.SECONDS);
        assertThat(lab.card("node1").containers()).containsExactly("web");
        lab.crash("node1").get(30, TimeUnit.SECONDS);
        assertThat(lab.card("node1").status()).isEqualTo("Down");
        assertThat(lab.card("node1").containers()).isEmpty();
        lab.restart("node1").get(30, TimeUnit.SECONDS);
        assertThat(lab.card("node1").status()).isEqualTo("Ready");
        System.out.println("[" + lab.terminal("node1").screen() + "]");
    }

    @Test
    void advanceMovesTheClockAndCtrlCEndsAForegroundProgram() throws Exception {
        start(1);
        lab.advance(10 * Time.SECOND).get(30, TimeUnit.SECONDS);
        assertThat(lab.timeProperty().get()).startsWith("10.");
        lab.type("node1", "sleep 3600").get(30, TimeUnit.SECONDS);
        lab.interrupt("node1").get(30, TimeUnit.SECONDS);
        System.out.println("[" + lab.terminal("node1").screen() + "]");
        assertThat(lab.terminal("node1").screen()).contains("$ sleep 3600\n^C\n[node1] (local)").endsWith("$ ");
    }

    @Test
    void historyGoesBackAndForth() throws Exception {
        TerminalViewModel t = new TerminalViewModel("node1");
        t.remember("ls");
        t.remember("docker ps");
        assertThat(t.historyUp()).isEqualTo("docker ps");
        assertThat(t.historyUp()).isEqualTo("ls");
        assertThat(t.historyUp()).isEqualTo("ls");
        assertThat(t.historyDown()).isEqualTo("docker ps");
        assertThat(t.historyDown()).isEmpty();
    }

    @Test
    void saveWritesAScenarioThatNamesTheCommands(@TempDir Path dir) throws Exception {
        start(1);
        lab.type("node1", "docker run -d nginx").get(30, TimeUnit.SECONDS);
        Path file = lab.save(dir.resolve("mine.yaml")).get(30, TimeUnit.SECONDS);
        String yaml = Files.readString(file);
        System.out.println(yaml);
        assertThat(yaml).contains("docker run -d nginx").contains("mine");
    }
}
