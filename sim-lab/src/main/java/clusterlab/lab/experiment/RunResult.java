package clusterlab.lab.experiment;

/**
 * One finished run: its index in the sweep, grid point, seed, and metric values. The values are
 * already rounded to their metric's decimals, so a sweep and a merge of its shards (which reads
 * them back from runs.json) compute the same summary.
 */
public record RunResult(int index, ExperimentSpec.Point point, long seed, double[] metrics) {}
