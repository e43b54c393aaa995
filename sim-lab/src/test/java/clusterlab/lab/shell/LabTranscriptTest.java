package clusterlab.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden transcripts of {@code ./lab shell} (datadriven style): {@code NAME.in} holds the lines a
 * person types, {@code NAME.out} the transcript the lab prints for them, prompts and all, checked
 * verbatim. Run with {@code -Dgolden.update=true} to rewrite the {@code .out} files, then review
 * the diff. A header line {@code # nodes: N seed: S} in the input sets up the lab.
 */
class LabTranscriptTest {
    private static final Path DIR = Path.of("src/test/resources/clusterlab/lab/shell");

    /** Replays {@code input} in a fresh lab and returns the transcript, as the non-interactive shell prints it. */
    static String replay(List<String> input) {
        int nodes = 1;
        long seed = 1;
        if (!input.isEmpty() && input.get(0).startsWith("# nodes:")) {
            String[] f = input.get(0).substring(1).trim().split("\\s+");
            nodes = Integer.parseInt(f[1]);
            seed = Long.parseLong(f[3]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LabSession session = new LabSession(seed, nodes, text -> out.print(
                text.replace("\u001b[H\u001b[2J", "\n").replace("\u001b[2J\u001b[H", "\n")));
        LabShell shell = new LabShell(session, seed, out);
        for (String line : input) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(":") || session.echoesInput()) {
                out.println(line);
            }
            shell.line(line);
            if (shell.wantsToQuit()) {
                break;
            }
        }
        out.println();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"l1-containers", "l2-images", "l3-swarm", "docker-commands", "login-push", "private-registry", "packages", "remote-daemon", "errors", "l3-force-new-cluster", "l3-swarm-info", "l3-autolock", "l3-services"})
    void transcriptMatches(String name) throws IOException {
        List<String> input = Files.readAllLines(DIR.resolve(name + ".in"), StandardCharsets.UTF_8);
        String actual = replay(input);
        Path expectedFile = DIR.resolve(name + ".out");
        if (Boolean.getBoolean("golden.update") || !Files.exists(expectedFile)) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertThat(replay(input)).as("the same input replays to the same transcript").isEqualTo(actual);
    }
}
