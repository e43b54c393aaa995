package clusterlab.swarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.host.Host;
import clusterlab.swarm.SwarmRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden transcripts of swarm commands on a 3-host swarm runtime (seed 42). A case is
 * {@code nodeN$ command}, a {@code ----} line, the expected output and a {@code ----} line; stderr
 * follows {@code [stderr]}, a non-zero status is {@code [exit N]}. Lines {@code @sleep 20s},
 * {@code @crash nodeN} and {@code @restart nodeN} act on the simulation between cases. Regenerate
 * with {@code -Dgolden.update=true} and review the diff.
 */
class SwarmTranscriptTest {
    private static final Path DIR = Path.of("src/test/resources/clusterlab/swarm/cli");

    @Test
    void l3FirstHalf() throws IOException {
        check("l3_swarm.txt");
    }

    @Test
    void l3SecondHalf() throws IOException {
        check("services.txt");
    }

    @Test
    void serviceAndStackCommands() throws IOException {
        check("service-commands.txt");
    }

    @Test
    void errors() throws IOException {
        check("errors.txt");
    }

    @Test
    void nodeManagement() throws IOException {
        check("nodes.txt");
    }

    @Test
    void crashesAndRestarts() throws IOException {
        check("faults.txt");
    }

    static void check(String name) throws IOException {
        Path file = DIR.resolve(name);
        SwarmRuntime rt = SwarmRuntime.withHosts(42, 3);
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
            if (line.startsWith("@")) {
                act(rt, line);
                rewritten.append(line).append('\n');
                i++;
                continue;
            }
            int dollar = line.indexOf("$ ");
            if (dollar < 0 || i + 1 >= lines.size() || !lines.get(i + 1).equals("----")) {
                throw new IllegalStateException(name + ": expected 'host$ command' and ----: " + line);
            }
            Host host = rt.cluster().host(line.substring(0, dollar));
            String script = line.substring(dollar + 2);
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).equals("----")) {
                end++;
            }
            String expected = String.join("\n", lines.subList(i + 2, Math.min(end, lines.size())));
            String actual = run(host, script);
            if (!actual.equals(expected)) {
                mismatches.add(line + "\n--- expected\n" + expected + "\n--- actual\n" + actual);
            }
            rewritten.append(line).append("\n----\n").append(actual).append(actual.isEmpty() ? "" : "\n")
                    .append("----\n");
            i = end + 1;
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(mismatches).as("run with -Dgolden.update=true to regenerate").isEmpty();
    }

    private static void act(SwarmRuntime rt, String line) {
        String[] w = line.substring(1).split(" ");
        switch (w[0]) {
            case "sleep" -> rt.cluster().simulation().runFor(Time.parseDuration(w[1]));
            case "crash" -> rt.cluster().host(w[1]).machine().crash();
            case "restart" -> rt.cluster().host(w[1]).machine().restart();
            default -> throw new IllegalStateException("unknown action " + line);
        }
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
