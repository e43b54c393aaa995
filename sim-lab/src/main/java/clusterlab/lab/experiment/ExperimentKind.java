package clusterlab.lab.experiment;

import java.util.List;
import java.util.Map;

/**
 * A measurement a sweep can run: from one grid point's parameters and a seed, one independent,
 * deterministic simulation bounded in virtual time, and a value for each of its metrics (NaN when
 * the quantity did not happen within the bound, written as an empty cell).
 */
public interface ExperimentKind {
    /** The name used after {@code kind:} in experiment files. */
    String name();

    /** One line for error messages and help. */
    String description();

    /** The grid parameters this kind needs, in the order the outputs list them. */
    List<Parameter> parameters();

    /** The metrics one run produces, in order. */
    List<Metric> metrics();

    /** Whether a grid point makes sense at all (points that do not are left out of the sweep). */
    default String notApplicable(Map<String, String> params) {
        return null;
    }

    /** Runs one simulation; the result has one value per metric, NaN for "did not happen". */
    double[] run(Map<String, String> params, long seed);

    /** A grid parameter: its name, what it means, and a check of one value (null if fine). */
    record Parameter(String name, String description, java.util.function.Function<String, String> check) {
        /** An integer parameter within [min, max]. */
        public static Parameter integer(String name, String description, long min, long max) {
            return new Parameter(name, description, v -> {
                try {
                    long x = Long.parseLong(v);
                    return x < min || x > max ? "must be between " + min + " and " + max + ", got " + v : null;
                } catch (NumberFormatException e) {
                    return "must be an integer, got '" + v + "'";
                }
            });
        }
    }

    /** A metric: its name (a CSV column) and the decimals it is written with. */
    record Metric(String name, int decimals, String description) {}
}
