package clusterlab.runtime.build;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.host.Host;
import clusterlab.runtime.DockerRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden transcripts of {@code docker image build} and friends on node1 of a one-host Docker
 * cluster (seed 7), run through {@code bash -c} in /root as a student types them. Each case is
 * one or more command lines, a {@code ----} line, the expected output, and a {@code ----} line;
 * standard error follows {@code [stderr]}, a non-zero status is shown as {@code [exit N]}.
 * Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class BuildTranscriptTest {
    private static final Path DIR = Path.of("src/test/resources/clusterlab/runtime/build");

    @Test
    void l2Flow() throws IOException {
        check("l2_flow.txt");
    }

    @Test
    void errors() throws IOException {
        check("errors.txt");
    }

    @Test
    void instructions() throws IOException {
        check("instructions.txt");
    }

    private static void check(String name) throws IOException {
        Path file = DIR.resolve(name);
        DockerRuntime docker = DockerRuntime.withHosts(7, 1);
        Host host = docker.cluster().hosts().get(0);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder rewritten = new StringBuilder();
        List<String> mismatches = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                rewritten.append(line).append('\n');
                i++;
                continue;
            }
            List<String> command = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).equals("----")) {
                command.add(lines.get(i++));
            }
            if (i >= lines.size()) {
                throw new IllegalStateException(name + ": command without ---- : " + command);
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals("----")) {
                end++;
            }
            String expected = String.join("\n", lines.subList(i + 1, Math.min(end, lines.size())));
            String script = String.join("\n", command);
            String actual = run(host, script);
            if (!actual.equals(expected)) {
                mismatches.add(script + "\n--- expected\n" + expected + "\n--- actual\n" + actual);
            }
            rewritten.append(script).append("\n----\n").append(actual).append(actual.isEmpty() ? "" : "\n")
                    .append("----\n");
            i = end + 1;
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(mismatches).as("run with -Dgolden.update=true to regenerate").isEmpty();
    }

    private static String run(Host host, String script) {
        CommandResult r = host.run(List.of("bash", "-c", script), null, 600 * Time.SECOND);
        StringBuilder out = new StringBuilder(r.stdout());
        if (!r.stderr().isEmpty()) {
            out.append("[stderr]\n").append(r.stderr());
        }
        if (r.exitStatus() != 0) {
            out.append("[exit ").append(r.exitStatus()).append("]\n");
        }
        String s = out.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
