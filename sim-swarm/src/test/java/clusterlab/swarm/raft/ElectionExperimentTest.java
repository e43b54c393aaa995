package clusterlab.swarm.raft;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import org.junit.jupiter.api.Test;

/**
 * A reduced run of the paper's Figure 16 experiment, checking the shape that matters: the less
 * randomness in the election timeout, the longer split votes keep the cluster without a leader;
 * short timeouts elect quickly; and every trial is reproducible from its seed.
 */
class ElectionExperimentTest {
    private static final int TRIALS = 40;

    private static ElectionExperiment.Result run(int min, int max) {
        return ElectionExperiment.run(new ElectionExperiment.Range(min, max), TRIALS, 3);
    }

    @Test
    void lessRandomnessMeansLongerElections() {
        ElectionExperiment.Result none = run(150, 150);
        ElectionExperiment.Result one = run(150, 151);
        ElectionExperiment.Result five = run(150, 155);
        ElectionExperiment.Result fifty = run(150, 200);
        assertThat(none.percentile(0.5)).isGreaterThan(one.percentile(0.5));
        assertThat(one.percentile(0.5)).isGreaterThan(five.percentile(0.5));
        assertThat(five.percentile(0.95)).isGreaterThan(fifty.percentile(0.95));
        // With no randomness, split votes repeat: the worst trial takes many election rounds.
        assertThat(none.max()).isGreaterThan(10 * 150 * Time.MILLISECOND);
        // With 50 ms of randomness, an election rarely needs more than a few rounds.
        assertThat(fifty.max()).isLessThan(1000 * Time.MILLISECOND);
    }

    @Test
    void shortTimeoutsElectQuicklyAndNothingIsElectedBeforeTheTimeoutCanFire() {
        ElectionExperiment.Result fast = run(12, 24);
        ElectionExperiment.Result paper = run(150, 300);
        assertThat(fast.mean()).isLessThan(paper.mean());
        // A follower last heard from the leader at most one heartbeat (75 ms) before the crash.
        assertThat(paper.downtimesNanos()[0]).isGreaterThanOrEqualTo(75 * Time.MILLISECOND);
    }

    @Test
    void aTrialIsReproducibleFromItsSeed() {
        ElectionExperiment.Range r = new ElectionExperiment.Range(150, 155);
        assertThat(ElectionExperiment.trial(r, 12345)).isEqualTo(ElectionExperiment.trial(r, 12345));
    }
}
