package clusterlab.lab.experiment;

import clusterlab.kernel.Time;
import clusterlab.swarm.raft.ElectionExperiment;
import java.util.List;
import java.util.Map;

/**
 * {@code kind: raft-fig16}: one trial of the Raft paper's election experiment (section 9.3, Figure
 * 16; {@link ElectionExperiment}) per run: five servers, plain Raft, the leader crashed within its
 * heartbeat interval. Parameter {@code timeout_ms}: the randomized election timeout range as
 * {@code MIN-MAX} in milliseconds (e.g. {@code 150-300}). Metric {@code election_ms}: virtual
 * milliseconds from the crash to a new leader (empty if none within {@link ElectionExperiment#CAP_NANOS}).
 * The run's seed is the trial's seed.
 */
public final class RaftFig16Kind implements ExperimentKind {
    @Override
    public String name() {
        return "raft-fig16";
    }

    @Override
    public String description() {
        return "Raft paper Figure 16: time to elect a leader after the leader's crash, per timeout range";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(new Parameter("timeout_ms", "election timeout range MIN-MAX in ms, e.g. 150-300", v -> {
            try {
                range(v);
                return null;
            } catch (IllegalArgumentException e) {
                return "must be MIN-MAX milliseconds with 2 <= MIN <= MAX <= 100000, got '" + v + "'";
            }
        }));
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("election_ms", 3, "milliseconds from the leader's crash to a new leader"));
    }

    static ElectionExperiment.Range range(String v) {
        int dash = v.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException(v);
        }
        int min = Integer.parseInt(v.substring(0, dash).strip());
        int max = Integer.parseInt(v.substring(dash + 1).strip());
        if (max > 100_000) {
            throw new IllegalArgumentException(v);
        }
        return new ElectionExperiment.Range(min, max);
    }

    @Override
    public double[] run(Map<String, String> params, long seed) {
        long nanos = ElectionExperiment.trial(range(params.get("timeout_ms")), seed);
        return new double[] {nanos >= ElectionExperiment.CAP_NANOS ? Double.NaN : nanos / (double) Time.MILLISECOND};
    }
}
