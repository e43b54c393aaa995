package clusterlab.lab.cli;

import clusterlab.kernel.Time;
import clusterlab.kernel.trace.JsonLinesTraceSink;
import clusterlab.lab.scenario.Scenario;
import clusterlab.lab.scenario.ScenarioException;
import clusterlab.lab.scenario.ScenarioLoader;
import clusterlab.lab.scenario.ScenarioRunner;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab run SCENARIO [--seed N] [--trace FILE] [--until DURATION] [--quiet]}: replays a
 * scenario and prints its transcript and a summary. Exit 0 when every expectation holds, 1 when
 * one fails (with expected, actual and the seed), 2 when the scenario or the options are invalid.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Replay a scenario (YAML) and check its expectations.")
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file.")
    Path file;

    @Option(names = "--seed", description = "Run with this seed instead of the scenario's.")
    Long seed;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the trace as JSON Lines.")
    Path trace;

    @Option(names = "--until", paramLabel = "DURATION", description = "Stop once virtual time passes this (e.g. 5m).")
    String until;

    @Option(names = "--quiet", description = "Print only the summary and failures.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        var err = spec.commandLine().getErr();
        Scenario scenario;
        long untilNanos = Long.MAX_VALUE;
        try {
            scenario = ScenarioLoader.load(file);
            if (until != null) {
                untilNanos = Time.parseDuration(until);
            }
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("lab run: --until: " + e.getMessage());
            return 2;
        }
        long s = seed != null ? seed : scenario.seed();
        ScenarioRunner runner;
        try {
            runner = new ScenarioRunner(scenario, s, out, quiet, untilNanos);
        } catch (IllegalArgumentException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        }
        JsonLinesTraceSink sink = trace == null ? null : new JsonLinesTraceSink(trace);
        if (sink != null) {
            runner.world().cluster().simulation().trace().addSink(sink);
        }
        try {
            return runner.run().passed() ? 0 : 1;
        } finally {
            if (sink != null) {
                sink.close();
            }
        }
    }
}
