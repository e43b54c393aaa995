package clusterlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same seed gives the same trace digest in separate JVM processes, not only within one: no
 * identity hash codes, no JIT-dependent floating point, no state left over from earlier runs.
 */
class CrossProcessDeterminismTest {

    private static String runInFreshJvm(long seed) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Identity hash codes all equal (hashCode=2) in the child: any order that leaked from them would show.
        Process p = new ProcessBuilder(java, "-XX:+UnlockExperimentalVMOptions", "-XX:hashCode=2", "-cp", System.getProperty("java.class.path"),
                NetworkDeterminismTest.class.getName(), Long.toString(seed))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).as("child JVM exit status; output:%n%s", out).isZero();
        List<String> lines = out.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void theSameSeedGivesTheSameDigestInSeparateProcessesAndDifferentSeedsDiffer() throws Exception {
        String inProcess = NetworkDeterminismTest.runWorkload(2024);
        String childA = runInFreshJvm(2024);
        String childB = runInFreshJvm(2024);
        String otherSeed = runInFreshJvm(2025);
        assertThat(inProcess).matches("[0-9a-f]{64}");
        assertThat(childA).isEqualTo(inProcess);
        assertThat(childB).isEqualTo(inProcess);
        assertThat(otherSeed).isNotEqualTo(inProcess);
    }
}
