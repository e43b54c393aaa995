package clusterlab.kernel.programs.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden transcripts of the network programs (datadriven style). A file is a sequence of
 * {@code > command} lines, each followed by the expected output and a {@code ----} line; comments
 * start with {@code #}. Each file gets a fresh two-host world. Run with
 * {@code -Dgolden.update=true} to rewrite the expected blocks, then review the diff.
 */
class ServersGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/clusterlab/kernel/programs/servers");

    @ParameterizedTest
    @ValueSource(strings = {"nginx.txt", "curl.txt", "flask.txt", "mongod.txt"})
    void transcript(String file) throws IOException {
        Path path = DIR.resolve(file);
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        GoldenWorld world = new GoldenWorld();
        StringBuilder actual = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i++);
            if (!line.startsWith("> ")) {
                actual.append(line).append('\n');
                continue;
            }
            actual.append(line).append('\n');
            while (i < lines.size() && !lines.get(i).equals("----")) {
                i++; // the old expected block
            }
            i++;
            actual.append(world.execute(line.substring(2))).append("----\n");
        }
        String expected = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(path, actual.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual.toString()).as("golden transcript %s (rerun with -Dgolden.update=true)", file)
                .isEqualTo(expected);
    }

}
