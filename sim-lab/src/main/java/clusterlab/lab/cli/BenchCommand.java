package clusterlab.lab.cli;

import clusterlab.kernel.OutsideSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lab bench ...}: hands the benchmarks to sim-bench's own jar (JMH and the scale runs live
 * there, so nothing in the lab depends upward on the bench module).
 */
@OutsideSimulation("starts the benchmark JVM as a child process")
@Command(name = "bench",
        description = {"Run a benchmark (they print numbers; timings never fail anything).",
            "  kernel [--quick]   the event queue's hold model against a PriorityQueue baseline"},
        mixinStandardHelpOptions = true)
final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    static final String BENCH_JAR = "sim-bench/target/benchmarks.jar";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Unmatched
    List<String> arguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        String home = System.getProperty("clusterlab.home");
        Path jar = home == null ? null : Path.of(home).resolve(BENCH_JAR);
        if (jar == null || !Files.isRegularFile(jar)) {
            spec.commandLine().getErr().println("lab bench: cannot find " + BENCH_JAR
                    + (home == null ? " (run it through ./lab at the repository root)" : " under " + home
                    + " (build it with: mvn -q -DskipTests install)"));
            return 2;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor();
    }
}
