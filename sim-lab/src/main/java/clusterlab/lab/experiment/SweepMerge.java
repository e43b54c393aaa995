package clusterlab.lab.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code sweep merge}: joins shard outputs of one sweep into the output an unsharded run gives,
 * byte for byte. The shards must come from the same experiment (same digest of name, kind, grid
 * and seeds) and together hold every run exactly once.
 */
public final class SweepMerge {
    private SweepMerge() {}

    public static SweepOutput.Results merge(List<Path> dirs) throws ExperimentFileException, IOException {
        if (dirs.isEmpty()) {
            throw new ExperimentFileException("sweep merge: no directories given");
        }
        SweepOutput.Results first = null;
        TreeMap<Integer, RunResult> runs = new TreeMap<>();
        TreeMap<Integer, Path> from = new TreeMap<>();
        for (Path dir : dirs) {
            SweepOutput.Results r = SweepOutput.readShard(dir);
            Path file = dir.resolve(SweepOutput.RUNS_JSON);
            if (first == null) {
                first = r;
            } else {
                SweepOutput.Header a = first.header();
                SweepOutput.Header b = r.header();
                if (!a.digest().equals(b.digest()) || !a.name().equals(b.name()) || a.kind() != b.kind()
                        || a.runsTotal() != b.runsTotal() || !a.parameters().equals(b.parameters())) {
                    throw new ExperimentFileException(file + ":1: digest: a shard of another experiment ("
                            + b.name() + " " + b.digest() + ", not " + a.name() + " " + a.digest() + ")");
                }
            }
            for (RunResult run : r.runs()) {
                if (run.index() < 0 || run.index() >= r.header().runsTotal()) {
                    throw new ExperimentFileException(file + ":1: runs: run " + run.index() + " out of range");
                }
                Path before = from.put(run.index(), dir);
                if (before != null) {
                    throw new ExperimentFileException(file + ":1: runs: run " + run.index() + " is also in " + before);
                }
                runs.put(run.index(), run);
            }
        }
        int total = first.header().runsTotal();
        if (runs.size() != total) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < total && missing.size() < 5; i++) {
                if (!runs.containsKey(i)) {
                    missing.add(i);
                }
            }
            throw new ExperimentFileException("sweep merge: " + (total - runs.size()) + " of " + total
                    + " runs missing (first: " + missing + "); is a shard left out?");
        }
        List<RunResult> all = new ArrayList<>(runs.values());
        all.sort(Comparator.comparingInt(RunResult::index));
        return new SweepOutput.Results(first.header(), null, all);
    }
}
