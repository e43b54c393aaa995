package clusterlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeTest {

    @ParameterizedTest
    @CsvSource({
        "250ms, 250000000",
        "30s, 30000000000",
        "5m, 300000000000",
        "1h, 3600000000000",
        "1h30m, 5400000000000",
        "1.5s, 1500000000",
        "0.1s, 100000000",
        "200us, 200000",
        "200µs, 200000",
        "7ns, 7",
        "0, 0",
        "2d, 172800000000000",
        "' 10s ', 10000000000"
    })
    void parsesDurations(String text, long nanos) {
        assertThat(Time.parseDuration(text)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "10x", "1.2.3s", "-5s", "ten seconds", "5 m", "1e3s"})
    void refusesWhatIsNotADurationNamingTheText(String text) {
        assertThatThrownBy(() -> Time.parseDuration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @Test
    void refusesOverflowAndNull() {
        assertThatThrownBy(() -> Time.parseDuration("9999999999999d")).hasMessageContaining("too large");
        assertThatThrownBy(() -> Time.parseDuration(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsTheShortestExactText() {
        assertThat(Time.format(0)).isEqualTo("0s");
        assertThat(Time.format(Time.millis(250))).isEqualTo("250ms");
        assertThat(Time.format(Time.seconds(90))).isEqualTo("1m30s");
        assertThat(Time.format(Time.hours(2))).isEqualTo("2h");
        assertThat(Time.format(1_500_000)).isEqualTo("1ms500us");
        assertThat(Time.formatInstant(Time.millis(12_345))).isEqualTo("12.345s");
    }

    @Property
    void formatThenParseIsTheIdentity(@ForAll @LongRange(min = 0, max = 100L * Time.DAY) long nanos) {
        assertThat(Time.parseDuration(Time.format(nanos))).isEqualTo(nanos);
    }
}
