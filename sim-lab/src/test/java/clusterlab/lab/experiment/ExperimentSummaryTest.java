package clusterlab.lab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The summary's statistics against hand computations. */
class ExperimentSummaryTest {
    @Test
    void fiveValuesMatchAHandComputation() {
        // 1..5: mean 3, sample variance 10/4 = 2.5, sd 1.5811388; t(0.975, df 4) = 2.7764451;
        // half width 2.7764451 * 1.5811388 / sqrt(5) = 1.9632432. Median 3. p95: position
        // 0.95 * (5 + 1) = 5.7 >= n, so the maximum, 5.
        Summary s = Summary.of(new double[] {4, 2, 5, 1, 3});
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.missing()).isZero();
        assertThat(s.mean()).isEqualTo(3.0);
        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.p95()).isEqualTo(5.0);
        assertThat(s.ciLow()).isCloseTo(3 - 1.9632432, within(1e-6));
        assertThat(s.ciHigh()).isCloseTo(3 + 1.9632432, within(1e-6));
        assertThat(SweepOutput.format(s.ciLow(), 4)).isEqualTo("1.0368");
        assertThat(SweepOutput.format(s.ciHigh(), 4)).isEqualTo("4.9632");
    }

    @Test
    void missingValuesAreCountedAndLeftOut() {
        // 10, 20 and two NaN: n 2, mean 15, sd 7.0710678, t(0.975, df 1) = 12.7062047;
        // half width 12.7062047 * 7.0710678 / sqrt(2) = 63.5310236. Median 15 (between the two).
        Summary s = Summary.of(new double[] {Double.NaN, 20, 10, Double.NaN});
        assertThat(s.n()).isEqualTo(2);
        assertThat(s.missing()).isEqualTo(2);
        assertThat(s.mean()).isEqualTo(15.0);
        assertThat(s.median()).isEqualTo(15.0);
        assertThat(s.ciHigh() - s.mean()).isCloseTo(63.5310236, within(1e-6));
    }

    @Test
    void oneValueHasNoIntervalAndNoValueHasNothing() {
        Summary one = Summary.of(new double[] {7});
        assertThat(one.mean()).isEqualTo(7.0);
        assertThat(one.p95()).isEqualTo(7.0);
        assertThat(one.ciLow()).isNaN();
        Summary none = Summary.of(new double[] {Double.NaN});
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNaN();
        assertThat(SweepOutput.format(none.mean(), 4)).isEmpty();
    }
}
