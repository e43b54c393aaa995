package clusterlab.lab.cli;

import clusterlab.swarm.raft.ElectionExperiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab raft fig16 [--trials N] [--out DIR]}: the Raft paper's election experiment
 * (section 9.3, Figure 16): for each election timeout range, the CDF of the time from a leader's
 * crash to a new leader, as CSV files, and a summary table.
 */
@Command(name = "raft", mixinStandardHelpOptions = true,
        description = "Raft experiments: fig16 reproduces the paper's leader-election measurement.")
final class RaftCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "The experiment: fig16.")
    String experiment;

    @Option(names = "--trials", description = "Trials per timeout range (default: ${DEFAULT-VALUE}, as the paper).",
            defaultValue = "1000")
    int trials;

    @Option(names = "--out", description = "Directory for fig16-<range>.csv files (default: none).")
    Path out;

    @Option(names = "--seed", description = "Seed of the first trial (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Override
    public Integer call() throws IOException {
        var stdout = spec.commandLine().getOut();
        if (!experiment.equals("fig16")) {
            spec.commandLine().getErr().println("lab raft: unknown experiment '" + experiment + "' (try: fig16)");
            return 2;
        }
        if (trials < 1 || trials > 100_000) {
            spec.commandLine().getErr().println("lab raft: --trials must be between 1 and 100000");
            return 2;
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        stdout.println("Raft paper, Figure 16: 5 servers, broadcast about 15 ms, leader crashed within its heartbeat "
                + "interval; " + trials + " trials per range (seed " + seed + ")");
        stdout.println(ElectionExperiment.SUMMARY_HEADER);
        for (ElectionExperiment.Range range : ElectionExperiment.FIGURE_16) {
            ElectionExperiment.Result r = ElectionExperiment.run(range, trials, seed);
            stdout.println(r.summary());
            if (out != null) {
                Files.writeString(out.resolve("fig16-" + range.minMs() + "-" + range.maxMs() + ".csv"),
                        ElectionExperiment.cdfCsv(r), StandardCharsets.UTF_8);
            }
        }
        return 0;
    }
}
