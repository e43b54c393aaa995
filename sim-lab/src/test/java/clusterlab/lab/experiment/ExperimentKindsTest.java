package clusterlab.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.swarm.raft.ElectionExperiment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raft-fig16 and scaling kinds on small inputs: plausible values, the same for the same seed. */
class ExperimentKindsTest {
    @Test
    void raftFig16IsOneTrialOfThePapersExperiment() {
        double[] ms = new RaftFig16Kind().run(Map.of("timeout_ms", "150-300"), 5);
        assertThat(ms[0]).isEqualTo(ElectionExperiment.trial(new ElectionExperiment.Range(150, 300), 5)
                / (double) Time.MILLISECOND);
        assertThat(ms[0]).isBetween(150.0, 2_000.0);
        assertThat(new RaftFig16Kind().parameters().get(0).check().apply("300-150")).isNotNull();
        assertThat(new RaftFig16Kind().parameters().get(0).check().apply("12-24")).isNull();
    }

    @Test
    void scalingMeasuresReconcileAndGossipOnASmallCluster() {
        double[] a = new ScalingKind().run(Map.of("workers", "4"), 3);
        // Heartbeat expiry is 3 jittered 5 s periods after the last heartbeat; rescheduling follows.
        assertThat(a[0]).as("reconcile_s").isBetween(5.0, 30.0);
        // Suspicion lasts at least 4 probe intervals of 1 s before the death is declared.
        assertThat(a[1]).as("gossip_converge_s").isBetween(4.0, 30.0);
        assertThat(new ScalingKind().run(Map.of("workers", "4"), 3)).containsExactly(a);
    }

    @Test
    void swarmsBiggerThanTheLabLanStillReconcile() {
        // 250 workers and a manager do not fit in 192.168.0.0/24: the swarm is built on 10.0.0.0/16.
        double reconcile = new ScalingKind().run(Map.of("workers", "250"), 1)[0];
        assertThat(reconcile).isBetween(5.0, 60.0);
    }
}
