package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Raft panel's rows after a three-manager swarm forms, without a window. */
class RaftPanelViewModelTest {
    private LabViewModel lab;

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    /** docker swarm init on node1, then node2 and node3 join with the manager token. */
    static void threeManagers(LabViewModel lab) throws Exception {
        lab.type("node1", "docker swarm init --advertise-addr eth0").get(30, TimeUnit.SECONDS);
        lab.type("node1", "docker swarm join-token -q manager").get(30, TimeUnit.SECONDS);
        Matcher token = Pattern.compile("SWMTKN-\\S+").matcher(lab.terminal("node1").screen());
        String last = null;
        while (token.find()) {
            last = token.group();
        }
        assertThat(last).as("manager token on node1's screen").isNotNull();
        for (String node : new String[] {"node2", "node3"}) {
            lab.type(node, "docker swarm join --token " + last + " 192.168.0.11:2377").get(30, TimeUnit.SECONDS);
        }
        lab.advance(5 * Time.SECOND).get(30, TimeUnit.SECONDS);
    }

    @Test
    void threeManagersShowOneLeaderAndOneTerm() throws Exception {
        lab = new LabViewModel(1, 3, Runnable::run);
        RaftPanelViewModel raft = new RaftPanelViewModel(lab);
        lab.start().get(30, TimeUnit.SECONDS);
        assertThat(raft.managers()).isEmpty();
        assertThat(raft.summaryProperty().get()).startsWith("No managers");

        threeManagers(lab);
        System.out.println(lab.terminal("node2").screen());
        raft.managers().forEach(System.out::println);
        assertThat(raft.managers()).extracting(ManagerRaft::node).containsExactly("node1", "node2", "node3");
        assertThat(raft.leaderCount()).isEqualTo(1);
        assertThat(raft.termsAgree()).isTrue();
        ManagerRaft leader = raft.managers().stream().filter(ManagerRaft::isLeader).findFirst().orElseThrow();
        for (ManagerRaft m : raft.managers()) {
            assertThat(raft.nameOf(m.leader())).isEqualTo(leader.node());
            assertThat(m.log()).isNotEmpty().hasSizeLessThanOrEqualTo(RaftRows.LOG_ENTRIES);
            assertThat(m.appliedIndex()).isLessThanOrEqualTo(m.commitIndex());
            assertThat(m.log().get(m.log().size() - 1).index()).isEqualTo(m.lastIndex());
        }
        assertThat(raft.summaryProperty().get()).isEqualTo("3 managers · leader " + leader.node() + " · term "
                + leader.term());
    }

    @Test
    void longCommandsAreShortenedToOneLine() {
        assertThat(RaftRows.shorten("a\n  b")).isEqualTo("a b");
        String longer = "x".repeat(100);
        assertThat(RaftRows.shorten(longer)).hasSize(RaftRows.COMMAND_CHARS).endsWith("…");
    }
}
