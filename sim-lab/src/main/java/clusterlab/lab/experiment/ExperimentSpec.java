package clusterlab.lab.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded experiment: a kind, a grid (every parameter's values, in file order) and seeds. The grid's
 * points are the cartesian product with the first parameter varying slowest; points the kind finds
 * not applicable are left out. Run {@code r} is point {@code r / seeds} with seed {@code seeds[r % seeds]}.
 */
public record ExperimentSpec(String name, ExperimentKind kind, List<Long> seeds, LinkedHashMap<String, List<Value>> grid) {
    /** Refuses sweeps bigger than this many runs. */
    public static final long MAX_RUNS = 10_000_000;

    /** One parameter value as written: its text, and whether it is a number (for JSON output). */
    public record Value(String text, boolean numeric) {}

    /** One grid point: its index among the applicable points, and its values by parameter. */
    public record Point(int index, LinkedHashMap<String, Value> values) {
        public Map<String, String> texts() {
            LinkedHashMap<String, String> m = new LinkedHashMap<>();
            values.forEach((k, v) -> m.put(k, v.text()));
            return m;
        }
    }

    /** One run of the sweep. */
    public record Run(int index, Point point, long seed) {}

    public List<String> parameterNames() {
        return new ArrayList<>(grid.keySet());
    }

    /** The applicable points, in grid order. */
    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        for (LinkedHashMap<String, Value> values : combinations()) {
            Point candidate = new Point(out.size(), values);
            if (kind.notApplicable(candidate.texts()) == null) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** Grid points left out, with the reason, for a note on stderr. */
    public List<String> skipped() {
        List<String> out = new ArrayList<>();
        for (LinkedHashMap<String, Value> values : combinations()) {
            Map<String, String> texts = new Point(-1, values).texts();
            String why = kind.notApplicable(texts);
            if (why != null) {
                out.add(texts + ": " + why);
            }
        }
        return out;
    }

    /** Every combination of the parameters' values, the first parameter varying slowest. */
    private List<LinkedHashMap<String, Value>> combinations() {
        List<LinkedHashMap<String, Value>> out = new ArrayList<>();
        List<String> names = parameterNames();
        int[] at = new int[names.size()];
        long total = 1;
        for (String n : names) {
            total *= grid.get(n).size();
        }
        for (long i = 0; i < total; i++) {
            LinkedHashMap<String, Value> values = new LinkedHashMap<>();
            for (int p = 0; p < names.size(); p++) {
                values.put(names.get(p), grid.get(names.get(p)).get(at[p]));
            }
            out.add(values);
            for (int p = names.size() - 1; p >= 0; p--) {
                if (++at[p] < grid.get(names.get(p)).size()) {
                    break;
                }
                at[p] = 0;
            }
        }
        return out;
    }

    /** Every run, ordered by (point, seed). */
    public List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (Point p : points()) {
            for (long s : seeds) {
                out.add(new Run(out.size(), p, s));
            }
        }
        return out;
    }
}
