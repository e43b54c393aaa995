package clusterlab.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Experiment files: the format, and a {@code file:line: key: problem} message for every mistake. */
class ExperimentFileTest {
    private static final String GOOD = """
            name: quorum
            kind: quorum            # which measurement
            seeds: {from: 1, count: 3}
            grid:
              managers: [1, 3, 5]
              failures: [0, 1, 2]
            """;

    @Test
    void theExampleLoads() throws Exception {
        ExperimentSpec spec = ExperimentFile.parse("q.yaml", GOOD);
        assertThat(spec.name()).isEqualTo("quorum");
        assertThat(spec.kind()).isInstanceOf(QuorumKind.class);
        assertThat(spec.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(spec.parameterNames()).containsExactly("managers", "failures");
        // (1, 2) has more failures than managers: left out; the first parameter varies slowest.
        List<ExperimentSpec.Point> points = spec.points();
        assertThat(points).hasSize(8);
        assertThat(points.get(0).texts()).containsEntry("managers", "1").containsEntry("failures", "0");
        assertThat(points.get(2).texts()).containsEntry("managers", "3").containsEntry("failures", "0");
        assertThat(spec.skipped()).containsExactly("{managers=1, failures=2}: failures > managers");
        List<ExperimentSpec.Run> runs = spec.runs();
        assertThat(runs).hasSize(24);
        assertThat(runs.get(4).point().index()).isEqualTo(1);
        assertThat(runs.get(4).seed()).isEqualTo(2L);
    }

    @Test
    void seedsMayBeAListAndAParameterOneValue() throws Exception {
        ExperimentSpec spec = ExperimentFile.parse("r.yaml", """
                name: fig16-small
                kind: raft-fig16
                seeds: [7, 9]
                grid:
                  timeout_ms: "150-300"
                """);
        assertThat(spec.seeds()).containsExactly(7L, 9L);
        assertThat(spec.points()).hasSize(1);
        assertThat(spec.points().get(0).values().get("timeout_ms").numeric()).isFalse();
    }

    @Test
    void theShippedExperimentsLoad() throws Exception {
        Path dir = Path.of("..", "experiments");
        for (String f : List.of("quorum.yaml", "raft-fig16.yaml", "scaling.yaml")) {
            ExperimentSpec spec = ExperimentFile.load(dir.resolve(f));
            assertThat(spec.runs()).as(f).isNotEmpty();
        }
        assertThat(ExperimentFile.load(dir.resolve("quorum.yaml")).points()).hasSize(7 * 4 - 3);
        assertThat(Files.readString(dir.resolve("scaling.yaml"))).contains("10000");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            name: a\\nkind: quorum\\nname: b\\nseeds: [1]\\ngrid: {managers: 1, failures: 0}     | x.yaml:3: name: duplicate key                         | duplicate top-level key
            name: a\\nkind: quorum\\nseeds: [1]\\ngrid:\\n  managers: 1\\n  managers: 3\\n  failures: 0 | x.yaml:6: grid.managers: duplicate key             | duplicate parameter
            name: a\\nkind: !!java.io.File /etc\\nseeds: [1]                                        | x.yaml:2: yaml: Global tag is not allowed: tag:yaml.org,2002:java.io.File | global tag
            name: a\\nkind: !local quorum\\nseeds: [1]                                              | x.yaml:2: kind: tag !local is not allowed           | local tag
            name: a\\nkind: paxos\\nseeds: [1]\\ngrid: {}                                          | x.yaml:2: kind: unknown kind 'paxos' (expected quorum | unknown kind
            name: a\\nkind: quorum\\nseeds: [1]\\ngrid:\\n  managers: [1]\\n  replicas: [2]        | x.yaml:6: grid.replicas: not a parameter of kind quorum | unknown parameter
            name: a\\nkind: quorum\\nseeds: [1]\\ngrid:\\n  managers: [1]                           | x.yaml:5: grid: missing parameter 'failures'        | missing parameter
            name: a\\nkind: quorum\\nseeds: [1]\\ngrid:\\n  managers: [1, three]\\n  failures: 0     | x.yaml:5: grid.managers: must be an integer, got 'three' | bad value
            name: a\\nkind: quorum\\nseeds: [1]\\ngrid:\\n  managers: [1, 1]\\n  failures: 0        | x.yaml:5: grid.managers: value 1 listed twice      | repeated value
            name: a\\nkind: quorum\\nseeds: {from: 1, count: 0}\\ngrid: {managers: 1, failures: 0} | x.yaml:3: seeds.count: must be between 1 and      | zero seeds
            name: a\\nkind: quorum\\nseeds: {from: 1}\\ngrid: {managers: 1, failures: 0}           | x.yaml:3: seeds.count: missing                     | missing count
            name: a\\nkind: quorum\\ngrid: {managers: 1, failures: 0}                              | x.yaml:1: seeds: missing                           | missing seeds
            name: ../etc\\nkind: quorum\\nseeds: [1]\\ngrid: {managers: 1, failures: 0}            | x.yaml:1: name: must be 1-64 letters                | path in name
            name: a\\nkind: quorum\\nseeds: [1]\\ngrid: {managers: 1, failures: 0}\\nrepeat: 3     | x.yaml:5: repeat: unknown key                      | unknown key
            name: a\\nkind: quorum\\nseeds: [1]\\ngrid: {managers: 1, failures: 2}                 | x.yaml:4: grid: no applicable grid point           | nothing to run
            name: a\\nkind: quorum\\nseeds: [1\\ngrid: {managers: 1}                                | x.yaml:4: yaml:                                    | syntax error
            - just\\n- a list                                                                        | x.yaml:1: file: expected a mapping                 | not a mapping
            '#' nothing                                                                             | x.yaml:1: file: empty                              | empty file
            """)
    void mistakesAreReportedWithFileLineAndKey(String text, String message, String what) {
        String yaml = text.replace("\\n", "\n").replace("'#'", "#");
        assertThatThrownBy(() -> ExperimentFile.parse("x.yaml", yaml))
                .isInstanceOf(ExperimentFileException.class).hasMessageStartingWith(message.strip());
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder yaml = new StringBuilder("name: a\nkind: quorum\nseeds: [1]\na0: &a0 [x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> ExperimentFile.parse("bomb.yaml", yaml.toString()))
                .isInstanceOf(ExperimentFileException.class).hasMessageStartingWith("bomb.yaml:")
                .hasMessageContaining("yaml: ");
    }
}
