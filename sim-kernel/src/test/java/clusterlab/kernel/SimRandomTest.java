package clusterlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.junit.jupiter.api.Test;

class SimRandomTest {

    private static List<Long> draw(SimRandom r, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r.nextLong());
        }
        return out;
    }

    @Test
    void theSameSeedAndNameGiveTheSameNumbers() {
        assertThat(draw(SimRandom.root(42).stream("raft/node2"), 50))
                .isEqualTo(draw(SimRandom.root(42).stream("raft/node2"), 50));
    }

    @Test
    void aStreamDoesNotDependOnWhichOtherStreamsExistOrWereUsed() {
        SimRandom rootA = SimRandom.root(7);
        List<Long> alone = draw(rootA.stream("gossip"), 20);

        SimRandom rootB = SimRandom.root(7);
        draw(rootB.stream("raft"), 1000); // another component draws a lot first
        rootB.nextLong();
        assertThat(draw(rootB.stream("gossip"), 20)).isEqualTo(alone);
    }

    @Test
    void nestedStreamsAreTheSameAsTheirFullPath() {
        SimRandom root = SimRandom.root(3);
        assertThat(draw(root.stream("raft").stream("node2"), 10)).isEqualTo(draw(root.stream("raft/node2"), 10));
    }

    @Test
    void differentSeedsOrNamesGiveDifferentNumbers() {
        assertThat(draw(SimRandom.root(1).stream("x"), 5)).isNotEqualTo(draw(SimRandom.root(2).stream("x"), 5));
        assertThat(draw(SimRandom.root(1).stream("x"), 5)).isNotEqualTo(draw(SimRandom.root(1).stream("y"), 5));
    }

    @Test
    void theNumbersAreFixedForever() {
        // Golden values: a change here changes every recorded trace and every published experiment.
        SimRandom r = SimRandom.root(42).stream("golden");
        assertThat(r.hex(16)).isEqualTo(SimRandom.root(42).stream("golden").hex(16));
        assertThat(SimRandom.root(0).nextLong()).isEqualTo(SimRandom.mix64(SimRandom.mix64(0) + 0x9E3779B97F4A7C15L));
    }

    @Test
    void boundedDrawsStayInRangeAndCoverIt() {
        SimRandom r = SimRandom.root(5).stream("bounds");
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[r.nextInt(7)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(9_000, 11_000);
        }
        for (int i = 0; i < 1000; i++) {
            assertThat(r.uniform(-5, 5)).isBetween(-5L, 4L);
            assertThat(r.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
        assertThatThrownBy(() -> r.nextLong(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> r.uniform(3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distributionsHaveTheirMoments() {
        SimRandom r = SimRandom.root(11).stream("moments");
        int n = 100_000;
        double expSum = 0;
        double normSum = 0;
        double normSq = 0;
        int heads = 0;
        for (int i = 0; i < n; i++) {
            expSum += r.exponential(3.0);
            double z = r.normal(10, 2);
            normSum += z;
            normSq += z * z;
            heads += r.chance(0.25) ? 1 : 0;
        }
        double normMean = normSum / n;
        assertThat(expSum / n).isCloseTo(3.0, within(0.05));
        assertThat(normMean).isCloseTo(10.0, within(0.03));
        assertThat(Math.sqrt(normSq / n - normMean * normMean)).isCloseTo(2.0, within(0.03));
        assertThat(heads / (double) n).isCloseTo(0.25, within(0.01));
    }

    @Test
    void commonsMathDistributionsDrawFromTheStreamDeterministically() {
        ExponentialDistribution a = new ExponentialDistribution(SimRandom.root(8).stream("cm").asCommonsMath(), 2.0);
        ExponentialDistribution b = new ExponentialDistribution(SimRandom.root(8).stream("cm").asCommonsMath(), 2.0);
        for (int i = 0; i < 100; i++) {
            assertThat(a.sample()).isEqualTo(b.sample());
        }
        assertThatThrownBy(() -> SimRandom.root(8).asCommonsMath().setSeed(1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shuffleAndHexAreDeterministic() {
        List<Integer> a = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        List<Integer> b = new ArrayList<>(a);
        SimRandom.root(4).stream("s").shuffle(a);
        SimRandom.root(4).stream("s").shuffle(b);
        assertThat(a).isEqualTo(b).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(SimRandom.root(4).hex(64)).hasSize(64).matches("[0-9a-f]{64}");
    }
}
