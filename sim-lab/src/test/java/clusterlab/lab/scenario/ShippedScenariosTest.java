package clusterlab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in scenarios/ passes, and replays to the same transcript. */
class ShippedScenariosTest {
    private static final Path DIR = Path.of("..", "scenarios");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .sorted().toList();
            return names.stream();
        }
    }

    /** The transcript, then the trace's digest. */
    private static String run(Scenario s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ScenarioRunner runner = new ScenarioRunner(s, s.seed(), out, false, Long.MAX_VALUE);
        ScenarioRunner.Result r = runner.run();
        String transcript = bytes.toString(StandardCharsets.UTF_8);
        assertThat(r.passed()).as(transcript).isTrue();
        var trace = runner.world().cluster().simulation().trace();
        assertThat(trace.count()).as("the run is traced").isPositive();
        return transcript + "\ntrace " + trace.count() + " records, sha-256 " + trace.digestHex();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void passesAndReplaysIdentically(String name) {
        Scenario s = ScenarioLoader.load(DIR.resolve(name));
        String first = run(s);
        assertThat(run(s)).as("the same scenario and seed give the same transcript and trace").isEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void survivesTheWriterRoundTrip(String name) {
        Scenario s = ScenarioLoader.load(DIR.resolve(name));
        String yaml = ScenarioWriter.write(s);
        assertThat(ScenarioWriter.write(ScenarioLoader.parse(yaml, name))).isEqualTo(yaml);
    }
}
