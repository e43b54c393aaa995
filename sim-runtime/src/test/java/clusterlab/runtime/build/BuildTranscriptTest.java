package clusterlab.runtime.build;

import clusterlab.kernel.host.Host;
import clusterlab.kernel.testing.GoldenFile;
import clusterlab.runtime.DockerRuntime;
import java.io.IOException;
import java.nio.file.Path;
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
        Host host = DockerRuntime.withHosts(7, 1).cluster().hosts().get(0);
        GoldenFile.check(DIR.resolve(name), script -> GoldenFile.bash(host, script), null);
    }
}
