package clusterlab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.lab.shell.LabSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code :save FILE}: a lab session written as a scenario replays what was typed and injected. */
class SavedSessionTest {
    @Test
    void aSavedSessionReplaysItsCommandsFaultsAndWaits() {
        LabSession session = new LabSession(4, 2, text -> { });
        session.type("docker swarm init --advertise-addr eth0");
        String token = session.docker().cluster().host("node1").run("docker", "swarm", "join-token", "-q", "worker")
                .stdout().strip();
        session.switchTo("node2");
        session.type("docker swarm join --token " + token + " 192.168.0.11:2377");
        session.switchTo("node1");
        session.type("docker service create --detach --name web --replicas 2 nginx:1.12");
        session.advance(30 * Time.SECOND);
        session.crash("node2");
        session.advance(30 * Time.SECOND);

        Scenario saved = session.asScenario("saved");
        String yaml = ScenarioWriter.write(saved);
        Scenario loaded = ScenarioLoader.parse(yaml, "saved.yaml");
        assertThat(ScenarioWriter.write(loaded)).isEqualTo(yaml);
        assertThat(loaded.steps()).hasSize(6);
        assertThat(loaded.steps().get(4)).isEqualTo(new Scenario.Step.Fault(loaded.steps().get(4).line(),
                new Scenario.FaultKind.Crash("node2")));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScenarioRunner.Result r = new ScenarioRunner(loaded, loaded.seed(),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, Long.MAX_VALUE).run();
        String transcript = bytes.toString(StandardCharsets.UTF_8);
        assertThat(r.passed()).as(transcript).isTrue();
        assertThat(transcript).contains("This node joined a swarm as a worker.").contains("fault: crash node2");
        assertThat(List.of(transcript.split("\n"))).anyMatch(l -> l.endsWith("wait 30s"));
    }
}
