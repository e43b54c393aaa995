package clusterlab.runtime.cli.args;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoValuesTest {
    private static final long S = 1_000_000_000L;

    @Test
    void durationsFollowGoSyntax() {
        assertThat(GoValues.parseDuration("10s")).isEqualTo(10 * S);
        assertThat(GoValues.parseDuration("1m30s")).isEqualTo(90 * S);
        assertThat(GoValues.parseDuration("1.5h")).isEqualTo(5400 * S);
        assertThat(GoValues.parseDuration("-2ms")).isEqualTo(-2_000_000L);
        assertThat(GoValues.parseDuration("0")).isZero();
        assertThat(GoValues.parseDuration("300us")).isEqualTo(300_000L);
        assertThat(GoValues.parseDuration("1\u00b5s")).isEqualTo(1_000L);
        assertThat(GoValues.parseDuration(".5s")).isEqualTo(S / 2);
        assertThat(GoValues.parseDuration("2160h0m0s")).isEqualTo(2160L * 3600 * S);
    }

    @Test
    void durationErrorsUseGo112Texts() {
        assertThatThrownBy(() -> GoValues.parseDuration("10")).hasMessage("time: missing unit in duration 10");
        assertThatThrownBy(() -> GoValues.parseDuration("10x")).hasMessage("time: unknown unit x in duration 10x");
        assertThatThrownBy(() -> GoValues.parseDuration("")).hasMessage("time: invalid duration ");
        assertThatThrownBy(() -> GoValues.parseDuration("abc")).hasMessage("time: invalid duration abc");
        assertThatThrownBy(() -> GoValues.parseDuration(".s")).hasMessage("time: invalid duration .s");
        assertThatThrownBy(() -> GoValues.parseDuration("9999999999999999999s"))
                .hasMessage("time: invalid duration 9999999999999999999s");
        assertThatThrownBy(() -> GoValues.parseDuration("3000000h")).hasMessage("time: invalid duration 3000000h");
    }

    @Test
    void memorySizesAreBinaryMultiples() {
        assertThat(GoValues.ramInBytes("512m")).isEqualTo(512L << 20);
        assertThat(GoValues.ramInBytes("1g")).isEqualTo(1L << 30);
        assertThat(GoValues.ramInBytes("1G")).isEqualTo(1L << 30);
        assertThat(GoValues.ramInBytes("1.5g")).isEqualTo(3L << 29);
        assertThat(GoValues.ramInBytes("100")).isEqualTo(100);
        assertThat(GoValues.ramInBytes("4 KiB")).isEqualTo(4096);
        assertThat(GoValues.ramInBytes("2mb")).isEqualTo(2L << 20);
        assertThat(GoValues.ramInBytes("1b")).isEqualTo(1);
    }

    @Test
    void memorySizeErrors() {
        assertThatThrownBy(() -> GoValues.ramInBytes("abc")).hasMessage("invalid size: 'abc'");
        assertThatThrownBy(() -> GoValues.ramInBytes("-1")).hasMessage("invalid size: '-1'");
        assertThatThrownBy(() -> GoValues.ramInBytes("1x")).hasMessage("invalid size: '1x'");
        assertThatThrownBy(() -> GoValues.ramInBytes("")).hasMessage("invalid size: ''");
        assertThatThrownBy(() -> GoValues.ramInBytes("1.2.3m"))
                .hasMessage("strconv.ParseFloat: parsing \"1.2.3\": invalid syntax");
    }

    @Test
    void nanoCpusAreRationalBillionths() {
        assertThat(GoValues.parseNanoCpus("0.5")).isEqualTo(500_000_000L);
        assertThat(GoValues.parseNanoCpus("2")).isEqualTo(2_000_000_000L);
        assertThat(GoValues.parseNanoCpus("3/2")).isEqualTo(1_500_000_000L);
        assertThat(GoValues.parseNanoCpus("1e-3")).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> GoValues.parseNanoCpus("x")).hasMessage("failed to parse x as a rational number");
        assertThatThrownBy(() -> GoValues.parseNanoCpus("1e-10")).hasMessage("value is too precise");
        assertThatThrownBy(() -> GoValues.parseNanoCpus("1/0")).hasMessage("failed to parse 1/0 as a rational number");
    }

    @Test
    void integersParseWithBaseZero() {
        assertThat(GoValues.parseInt("10", 64)).isEqualTo(10);
        assertThat(GoValues.parseInt("-1", 64)).isEqualTo(-1);
        assertThat(GoValues.parseInt("0x10", 64)).isEqualTo(16);
        assertThat(GoValues.parseInt("010", 64)).isEqualTo(8);
        assertThat(GoValues.parseInt("0", 64)).isZero();
        assertThat(GoValues.parseInt("1_000", 64)).isEqualTo(1000);
        assertThatThrownBy(() -> GoValues.parseInt("08", 64))
                .hasMessage("strconv.ParseInt: parsing \"08\": invalid syntax");
        assertThatThrownBy(() -> GoValues.parseInt("1.5", 64))
                .hasMessage("strconv.ParseInt: parsing \"1.5\": invalid syntax");
        assertThatThrownBy(() -> GoValues.parseUint("-1", 64))
                .hasMessage("strconv.ParseUint: parsing \"-1\": invalid syntax");
        assertThatThrownBy(() -> GoValues.parseUint("65536", 16))
                .hasMessage("strconv.ParseUint: parsing \"65536\": value out of range");
    }

    @Test
    void boolsAndQuoting() {
        assertThat(GoValues.parseBool("T")).isTrue();
        assertThat(GoValues.parseBool("0")).isFalse();
        assertThatThrownBy(() -> GoValues.parseBool("yes"))
                .hasMessage("strconv.ParseBool: parsing \"yes\": invalid syntax");
        assertThat(GoText.quote("a\tb\"c\u0001é")).isEqualTo("\"a\\tb\\\"c\\x01é\"");
        assertThat(GoText.quoteRune('\'')).isEqualTo("'\\''");
        assertThat(GoText.quoteRune(0x85)).isEqualTo("'\\u0085'");
    }

    @Test
    void helpWrapsLikePflag() {
        String usage = HelpFormatter.flagUsages(java.util.List.of(
                FlagSpec.string("config", null, "/root/.docker", "Location of client config files")), 79);
        assertThat(usage).isEqualTo("      --config string   Location of client config files (default\n"
                + " ".repeat(24) + "\"/root/.docker\")\n");
    }
}
