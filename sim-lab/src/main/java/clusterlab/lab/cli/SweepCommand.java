package clusterlab.lab.cli;

import clusterlab.lab.experiment.ExperimentFile;
import clusterlab.lab.experiment.ExperimentFileException;
import clusterlab.lab.experiment.ExperimentSpec;
import clusterlab.lab.experiment.RunResult;
import clusterlab.lab.experiment.SweepMerge;
import clusterlab.lab.experiment.SweepOutput;
import clusterlab.lab.experiment.SweepRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab sweep EXPERIMENT.yaml [--out DIR] [--jobs N] [--shard i/N]}: runs every grid point of an
 * experiment file with every seed, each run an independent deterministic simulation, and writes
 * runs.csv, runs.json and summary.csv; {@code lab sweep merge DIR...} joins shard outputs.
 * Exit status: 0 done, 1 a run failed, 2 a bad experiment file, option or shard set.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run an experiment: every grid point x every seed, each an independent deterministic "
                + "simulation, in parallel; results are the same for any --jobs and any sharding.",
            "Writes runs.csv, runs.json and summary.csv (n, mean, median, p95, 95%% CI of the mean) to --out, "
                + "and prints the summary."},
        subcommands = SweepCommand.Merge.class)
final class SweepCommand implements Callable<Integer> {
    private static final Pattern SHARD = Pattern.compile("(\\d+)/(\\d+)");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT.yaml",
            description = "The experiment file (see experiments/).")
    Path experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/NAME, "
            + "or out/NAME-shard-I-of-N with --shard).")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "Simulations run side by side (default: the "
            + "number of processors).")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the runs whose index mod N is I-1 "
            + "(1 <= I <= N); join the shards with `sweep merge`.")
    String shard;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (experiment == null) {
            stderr.println("lab sweep: missing EXPERIMENT.yaml (or: lab sweep merge DIR...)");
            return 2;
        }
        int shardIndex = 1;
        int shards = 1;
        if (shard != null) {
            Matcher m = SHARD.matcher(shard);
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(1)) < 1
                    || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                stderr.println("lab sweep: --shard must be I/N with 1 <= I <= N, got '" + shard + "'");
                return 2;
            }
            shardIndex = Integer.parseInt(m.group(1));
            shards = Integer.parseInt(m.group(2));
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 1024) {
            stderr.println("lab sweep: --jobs must be between 1 and 1024");
            return 2;
        }
        ExperimentSpec exp;
        try {
            exp = ExperimentFile.load(experiment);
        } catch (ExperimentFileException e) {
            stderr.println("lab sweep: " + e.getMessage());
            return 2;
        }
        for (String skipped : exp.skipped()) {
            stderr.println("lab sweep: left out " + skipped);
        }
        List<ExperimentSpec.Run> runs = exp.runs();
        SweepOutput.Header header = SweepOutput.header(exp);
        List<ExperimentSpec.Run> mine = shards == 1 ? runs : SweepRunner.shard(runs, shardIndex, shards);
        Path dir = out != null ? out : Path.of("out", shards == 1 ? exp.name()
                : exp.name() + "-shard-" + shardIndex + "-of-" + shards);
        stderr.println("lab sweep: " + exp.name() + " (" + exp.kind().name() + "): " + header.points()
                + " grid points x " + exp.seeds().size() + " seeds = " + runs.size() + " runs"
                + (shards == 1 ? "" : ", shard " + shardIndex + "/" + shards + ": " + mine.size() + " runs")
                + ", " + threads + " jobs");
        stderr.flush();
        List<RunResult> results;
        try {
            results = new SweepRunner(threads, quiet ? null : stderr).run(exp.kind(), mine);
        } catch (SweepRunner.RunFailedException e) {
            stderr.println("lab sweep: " + e.getMessage());
            return 1;
        }
        SweepOutput.Results r = new SweepOutput.Results(header, shards == 1 ? null : shardIndex + "/" + shards,
                results);
        SweepOutput.write(dir, r);
        if (shards == 1) {
            stdout.print(SweepOutput.summaryTable(r));
            stdout.flush();
            stderr.println("lab sweep: wrote " + dir.resolve(SweepOutput.RUNS_CSV) + ", " + SweepOutput.RUNS_JSON
                    + " and " + SweepOutput.SUMMARY_CSV);
        } else {
            stderr.println("lab sweep: wrote shard " + shardIndex + "/" + shards + " to " + dir
                    + "; join the shards with: lab sweep merge DIR...");
        }
        return 0;
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Join the output directories of `sweep --shard I/N` runs into one output, the same "
                    + "bytes as an unsharded run.")
    static final class Merge implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Shard output directories.")
        List<Path> dirs;

        @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/NAME).")
        Path out;

        @Override
        public Integer call() throws IOException {
            PrintWriter stderr = spec.commandLine().getErr();
            SweepOutput.Results r;
            try {
                r = SweepMerge.merge(dirs);
            } catch (ExperimentFileException e) {
                stderr.println("lab sweep merge: " + e.getMessage());
                return 2;
            }
            Path dir = out != null ? out : Path.of("out", r.header().name());
            SweepOutput.write(dir, r);
            spec.commandLine().getOut().print(SweepOutput.summaryTable(r));
            spec.commandLine().getOut().flush();
            stderr.println("lab sweep merge: " + dirs.size() + " shards, " + r.runs().size() + " runs, written to "
                    + dir);
            return 0;
        }
    }
}
