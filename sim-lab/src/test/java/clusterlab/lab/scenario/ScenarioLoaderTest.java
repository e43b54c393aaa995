package clusterlab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.lab.scenario.Scenario.Expect;
import clusterlab.lab.scenario.Scenario.FaultKind;
import clusterlab.lab.scenario.Scenario.Machine;
import clusterlab.lab.scenario.Scenario.Network;
import clusterlab.lab.scenario.Scenario.Step;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioLoaderTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    private static final String FULL = """
            name: l3-swarm-leave
            description: A worker leaves the swarm; its tasks move.
            seed: 42
            machines:
              - {name: node1, cores: 4, memory: 8GiB}
              - {count: 2, name: "node{i}", from: 2}
              - {name: db, memory: 512MiB}
            network: {subnet: 10.0.0.0/16, latency: 1ms, jitter: 200us, loss: 0.01}
            steps:
              - on: node1
                run: docker swarm init
                capture: {JOIN: 'docker swarm join --token (\\S+)'}
                expect: {contains: "Swarm initialized", exit: 0}
              - {on: node2, run: "${JOIN}"}
              - {wait: 1m30s}
              - wait_until: {on: node1, run: docker service ls, contains: "5/5", timeout: 2m, every: 500ms}
              - {fault: {crash: node2}}
              - {fault: {restart: node2}}
              - {fault: {leave: node3}}
              - {fault: {partition: [[node1], [node2, node3]]}}
              - {fault: {block: {from: node1, to: db}}}
              - {fault: heal}
              - {fault: {heal: true}}
              - {fault: {loss: 0.1}}
              - {fault: {latency: 5ms}}
              - {checkpoint: after-leave}
              - {on: db, run: "echo ${JOIN}", expect: {equals: 42, matches: "^\\\\d+$", not_contains: err}}
            """;

    @Test
    void aFullScenarioBecomesTheExpectedRecords() {
        Scenario s = ScenarioLoader.parse(FULL, "full.yaml");

        assertThat(s.name()).isEqualTo("l3-swarm-leave");
        assertThat(s.description()).isEqualTo("A worker leaves the swarm; its tasks move.");
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.machines()).containsExactly(
                new Machine("node1", 4, 8 * GIB),
                new Machine("node2", 4, 4 * GIB),
                new Machine("node3", 4, 4 * GIB),
                new Machine("db", 4, 512L * 1024 * 1024));
        assertThat(s.network()).isEqualTo(new Network("10.0.0.0/16", MS, 200_000, 0.01));
        Map<String, String> capture = new LinkedHashMap<>();
        capture.put("JOIN", "docker swarm join --token (\\S+)");
        assertThat(s.steps()).containsExactly(
                new Step.Run(10, "node1", "docker swarm init", capture,
                        new Expect(null, "Swarm initialized", null, null, 0)),
                new Step.Run(14, "node2", "${JOIN}", null, new Expect(null, null, null, null, null)),
                new Step.Wait(15, 90 * S),
                new Step.WaitUntil(16, "node1", "docker service ls", new Expect(null, "5/5", null, null, null),
                        120 * S, 500 * MS),
                new Step.Fault(17, new FaultKind.Crash("node2")),
                new Step.Fault(18, new FaultKind.Restart("node2")),
                new Step.Fault(19, new FaultKind.Leave("node3")),
                new Step.Fault(20, new FaultKind.Partition(List.of(List.of("node1"), List.of("node2", "node3")))),
                new Step.Fault(21, new FaultKind.Block("node1", "db")),
                new Step.Fault(22, new FaultKind.Heal()),
                new Step.Fault(23, new FaultKind.Heal()),
                new Step.Fault(24, new FaultKind.Loss(0.1)),
                new Step.Fault(25, new FaultKind.Latency(5 * MS)),
                new Step.Checkpoint(26, "after-leave"),
                new Step.Run(27, "db", "echo ${JOIN}", null, new Expect("42", null, "^\\d+$", "err", null)));
    }

    @Test
    void leftOutKeysTakeTheirDefaults() {
        Scenario s = ScenarioLoader.parse("name: tiny\nmachines: [{name: n1}]\n"
                + "steps: [{wait_until: {on: n1, run: docker ps, exit: 0}}]\n", "tiny.yaml");

        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.description()).isEmpty();
        assertThat(s.machines()).containsExactly(new Machine("n1", 4, 4 * GIB));
        assertThat(s.network()).isEqualTo(Network.DEFAULT);
        assertThat(s.steps()).containsExactly(
                new Step.WaitUntil(3, "n1", "docker ps", new Expect(null, null, null, null, 0), 60 * S, S));
    }

    @Test
    void sizesFollowDockerForOneLetterUnitsAndSiForTwo() {
        assertThat(Sizes.parse("1G")).isEqualTo(GIB);
        assertThat(Sizes.parse("1g")).isEqualTo(GIB);
        assertThat(Sizes.parse("1GB")).isEqualTo(1_000_000_000L);
        assertThat(Sizes.parse("1.5KiB")).isEqualTo(1536);
        assertThat(Sizes.parse("1048576")).isEqualTo(1_048_576);
    }

    @Test
    void loadNamesTheFileAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: x\nmachines: []\n");

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":2:11: machines: must list at least one machine");
        assertThat(ScenarioLoader.load(writeFull(dir))).isEqualTo(ScenarioLoader.parse(FULL, "other name"));
    }

    @Test
    void anUnreadableFileIsAScenarioErrorToo(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> ScenarioLoader.load(missing))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(missing + ": cannot read it: NoSuchFileException");
    }

    @Test
    void aTenMegabyteDocumentIsRefusedBeforeParsing() {
        // Generated rather than shipped: a long but valid list of steps, far over the 3 MiB limit.
        StringBuilder text = new StringBuilder("name: big\nmachines: [{name: n1}]\nsteps:\n");
        while (text.length() < 10 * 1024 * 1024) {
            text.append("  - {wait: 1s}\n");
        }

        assertThatThrownBy(() -> ScenarioLoader.parse(text.toString(), "big.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("big.yaml:1:1: the file is too large: " + text.length()
                        + " characters (a scenario may have at most 3145728)");
    }

    @Test
    void theCorpusHasEveryKindOfMistake() throws Exception {
        assertThat(badFiles()).hasSizeGreaterThanOrEqualTo(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void eachBadFileGetsItsExactMessage(String name) throws Exception {
        Path file = badDir().resolve(name);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String expected = Files.readString(badDir().resolve(name.replaceFirst("\\.yaml$", ".expected")),
                StandardCharsets.UTF_8).strip();

        assertThatThrownBy(() -> ScenarioLoader.parse(text, name))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\tat "));
    }

    static Stream<String> badFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(badDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .toList().stream();
        }
    }

    private static Path badDir() throws URISyntaxException {
        return Path.of(ScenarioLoaderTest.class.getResource("bad").toURI());
    }

    private static Path writeFull(Path dir) throws IOException {
        Path file = dir.resolve("full.yaml");
        Files.writeString(file, FULL);
        return file;
    }
}
