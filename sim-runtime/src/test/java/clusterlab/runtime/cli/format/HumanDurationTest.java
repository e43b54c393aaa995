package clusterlab.runtime.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cases from go-units duration_test.go. */
class HumanDurationTest {

    private static final long MS = 1_000_000L;
    private static final long SEC = 1_000 * MS;
    private static final long MIN = 60 * SEC;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static final long MONTH = 30 * DAY;
    private static final long YEAR = 365 * DAY;

    @Test
    void matchesGoUnits() {
        assertThat(HumanDuration.of(450 * MS)).isEqualTo("Less than a second");
        assertThat(HumanDuration.of(-5 * SEC)).isEqualTo("Less than a second");
        assertThat(HumanDuration.of(SEC)).isEqualTo("1 second");
        assertThat(HumanDuration.of(45 * SEC)).isEqualTo("45 seconds");
        assertThat(HumanDuration.of(59 * SEC + 999 * MS)).isEqualTo("59 seconds");
        assertThat(HumanDuration.of(60 * SEC)).isEqualTo("About a minute");
        assertThat(HumanDuration.of(3 * MIN)).isEqualTo("3 minutes");
        assertThat(HumanDuration.of(35 * MIN + 40 * SEC)).isEqualTo("35 minutes");
        assertThat(HumanDuration.of(59 * MIN)).isEqualTo("59 minutes");
        assertThat(HumanDuration.of(HOUR)).isEqualTo("About an hour");
        assertThat(HumanDuration.of(HOUR + 29 * MIN)).isEqualTo("About an hour");
        assertThat(HumanDuration.of(HOUR + 31 * MIN)).isEqualTo("2 hours");
        assertThat(HumanDuration.of(3 * HOUR + 29 * MIN)).isEqualTo("3 hours");
        assertThat(HumanDuration.of(3 * HOUR + 31 * MIN)).isEqualTo("4 hours");
        assertThat(HumanDuration.of(24 * HOUR)).isEqualTo("24 hours");
        assertThat(HumanDuration.of(DAY + 12 * HOUR)).isEqualTo("36 hours");
        assertThat(HumanDuration.of(2 * DAY)).isEqualTo("2 days");
        assertThat(HumanDuration.of(13 * DAY + 5 * HOUR)).isEqualTo("13 days");
        assertThat(HumanDuration.of(2 * WEEK)).isEqualTo("2 weeks");
        assertThat(HumanDuration.of(4 * WEEK + 3 * DAY)).isEqualTo("4 weeks");
        assertThat(HumanDuration.of(MONTH)).isEqualTo("4 weeks");
        assertThat(HumanDuration.of(MONTH + 2 * WEEK)).isEqualTo("6 weeks");
        assertThat(HumanDuration.of(2 * MONTH)).isEqualTo("2 months");
        assertThat(HumanDuration.of(5 * MONTH + 2 * WEEK)).isEqualTo("5 months");
        assertThat(HumanDuration.of(24 * MONTH)).isEqualTo("24 months");
        assertThat(HumanDuration.of(24 * MONTH + 2 * WEEK)).isEqualTo("2 years");
        assertThat(HumanDuration.of(3 * YEAR + 2 * MONTH)).isEqualTo("3 years");
    }

    @Test
    void createdColumnSaysAgo() {
        assertThat(HumanDuration.ago(100 * SEC, 68 * SEC)).isEqualTo("32 seconds ago");
        assertThat(HumanDuration.ago(10 * MIN, 9 * MIN)).isEqualTo("About a minute ago");
    }
}
