package clusterlab.swarm.cli;

import clusterlab.kernel.Time;
import clusterlab.kernel.testing.GoldenFile;
import clusterlab.swarm.SwarmRuntime;
import java.io.IOException;
import java.nio.file.Path;
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
        SwarmRuntime rt = SwarmRuntime.withHosts(42, 3);
        GoldenFile.check(DIR.resolve(name), command -> {
            int dollar = command.indexOf("$ ");
            if (dollar < 0 || command.contains("\n")) {
                throw new IllegalStateException(name + ": expected 'host$ command' and ----: " + command);
            }
            return GoldenFile.bash(rt.cluster().host(command.substring(0, dollar)), command.substring(dollar + 2));
        }, line -> act(rt, line));
    }

    private static void act(SwarmRuntime rt, String line) {
        String[] w = line.split(" ");
        switch (w[0]) {
            case "sleep" -> rt.cluster().simulation().runFor(Time.parseDuration(w[1]));
            case "crash" -> rt.cluster().host(w[1]).machine().crash();
            case "restart" -> rt.cluster().host(w[1]).machine().restart();
            default -> throw new IllegalStateException("unknown action " + line);
        }
    }
}
