package clusterlab.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quorum kind against the quorum table: a majority of 3 keeps writes, a minority does not. */
class QuorumExperimentTest {
    private static double[] run(int managers, int failures, long seed) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("managers", Integer.toString(managers));
        p.put("failures", Integer.toString(failures));
        return new QuorumKind().run(p, seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void threeManagersTolerateOneFailureButNotTwo(long seed) {
        double[] one = run(3, 1, seed);
        assertThat(one[0]).as("writes with 1 of 3 down").isEqualTo(1.0);
        // SwarmKit's elections: 10-20 ticks of 1 s, plus the voting rounds.
        assertThat(one[1]).as("election after the leader's crash").isBetween(10.0, 22.0);
        assertThat(one[2]).as("recovery when nothing was lost").isEqualTo(0.0, org.assertj.core.api.Assertions.within(1.0));

        double[] two = run(3, 2, seed);
        assertThat(two[0]).as("writes with 2 of 3 down").isEqualTo(0.0);
        assertThat(two[1]).as("no leader without a quorum").isNaN();
        assertThat(two[2]).as("writes come back after the restarts").isPositive().isLessThan(60.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void noFailuresMeansWritesAndNoWaiting(long seed) {
        assertThat(run(5, 0, seed)).containsExactly(1.0, 0.0, 0.0);
    }

    @org.junit.jupiter.api.Test
    void moreFailuresThanManagersIsNotAPoint() {
        assertThat(new QuorumKind().notApplicable(Map.of("managers", "1", "failures", "2"))).isNotNull();
        assertThat(new QuorumKind().notApplicable(Map.of("managers", "3", "failures", "3"))).isNull();
    }
}
