package clusterlab.runtime.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Cases from go-units size_test.go plus Go's %g rules. */
class HumanSizeTest {

    private static final double KIB = 1024;
    private static final double MIB = KIB * 1024;
    private static final double GIB = MIB * 1024;
    private static final double TIB = GIB * 1024;
    private static final double PIB = TIB * 1024;

    @Test
    void decimalSizes() {
        assertThat(HumanSize.decimal(0)).isEqualTo("0B");
        assertThat(HumanSize.decimal(999)).isEqualTo("999B");
        assertThat(HumanSize.decimal(1000)).isEqualTo("1kB");
        assertThat(HumanSize.decimal(1024)).isEqualTo("1.024kB");
        assertThat(HumanSize.decimal(1000000)).isEqualTo("1MB");
        assertThat(HumanSize.decimal(1048576)).isEqualTo("1.049MB");
        assertThat(HumanSize.decimal(3.42e9)).isEqualTo("3.42GB");
        assertThat(HumanSize.decimal(5.372e12)).isEqualTo("5.372TB");
        assertThat(HumanSize.decimal(2.22e15)).isEqualTo("2.22PB");
        assertThat(HumanSize.decimal(1e13 * 1e15)).isEqualTo("1e+04YB");
        assertThat(HumanSize.decimal(Long.MAX_VALUE)).isEqualTo("9.223EB");
        assertThat(HumanSize.decimal(2048)).isEqualTo("2.048kB");
    }

    @Test
    void binarySizes() {
        assertThat(HumanSize.binary(1024)).isEqualTo("1KiB");
        assertThat(HumanSize.binary(1024 * 1024)).isEqualTo("1MiB");
        assertThat(HumanSize.binary(3.42 * GIB)).isEqualTo("3.42GiB");
        assertThat(HumanSize.binary(5.372 * TIB)).isEqualTo("5.372TiB");
        assertThat(HumanSize.binary(2.22 * PIB)).isEqualTo("2.22PiB");
        assertThat(HumanSize.binary(KIB * KIB * KIB * KIB * KIB * PIB)).isEqualTo("1.049e+06YiB");
        assertThat(HumanSize.binary(1.5 * MIB)).isEqualTo("1.5MiB");
    }

    @Test
    void goPercentG() {
        assertThat(GoFloat.formatG(12345, 4)).isEqualTo("1.234e+04");
        assertThat(GoFloat.formatG(12355, 4)).isEqualTo("1.236e+04");
        assertThat(GoFloat.formatG(1234, 4)).isEqualTo("1234");
        assertThat(GoFloat.formatG(0.0001234, 4)).isEqualTo("0.0001234");
        assertThat(GoFloat.formatG(0.00001234, 4)).isEqualTo("1.234e-05");
        assertThat(GoFloat.formatG(100, 4)).isEqualTo("100");
        assertThat(GoFloat.formatG(-2.5, 4)).isEqualTo("-2.5");
        assertThat(GoFloat.formatG(1e6, -1)).isEqualTo("1e+06");
        assertThat(GoFloat.formatG(123456, -1)).isEqualTo("123456");
        assertThat(GoFloat.formatG(0.1, -1)).isEqualTo("0.1");
        assertThat(GoFloat.formatJson(1e21)).isEqualTo("1e+21");
        assertThat(GoFloat.formatJson(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(GoFloat.formatJson(3.0)).isEqualTo("3");
        assertThat(GoFloat.formatJson(0.000001)).isEqualTo("0.000001");
    }

    @Test
    void ramInBytes() {
        assertThat(HumanSize.ramInBytes("32")).isEqualTo(32);
        assertThat(HumanSize.ramInBytes("32b")).isEqualTo(32);
        assertThat(HumanSize.ramInBytes("32K")).isEqualTo(32 * 1024);
        assertThat(HumanSize.ramInBytes("32kb")).isEqualTo(32 * 1024);
        assertThat(HumanSize.ramInBytes("32KIB")).isEqualTo(32 * 1024);
        assertThat(HumanSize.ramInBytes("512m")).isEqualTo(512L << 20);
        assertThat(HumanSize.ramInBytes("1g")).isEqualTo(1L << 30);
        assertThat(HumanSize.ramInBytes("2GiB")).isEqualTo(2L << 30);
        assertThat(HumanSize.ramInBytes("32Pb")).isEqualTo(32L << 50);
        assertThat(HumanSize.ramInBytes("32.3 mb")).isEqualTo((long) (32.3 * MIB));
        assertThat(HumanSize.ramInBytes("0.3MB")).isEqualTo((long) (0.3 * MIB));
    }

    @Test
    void fromHumanSize() {
        assertThat(HumanSize.fromHumanSize("32kB")).isEqualTo(32_000);
        assertThat(HumanSize.fromHumanSize("32.5 kB")).isEqualTo(32_500);
        assertThat(HumanSize.fromHumanSize("32.5 B")).isEqualTo(32);
        assertThat(HumanSize.fromHumanSize("0.3 K")).isEqualTo(300);
        assertThat(HumanSize.fromHumanSize("32Gb")).isEqualTo(32_000_000_000L);
    }

    @Test
    void errorsAreWordedAsGoUnits() {
        assertThatThrownBy(() -> HumanSize.ramInBytes("abc")).hasMessage("invalid size: 'abc'");
        assertThatThrownBy(() -> HumanSize.ramInBytes("")).hasMessage("invalid size: ''");
        assertThatThrownBy(() -> HumanSize.ramInBytes("-32")).hasMessage("invalid size: '-32'");
        assertThatThrownBy(() -> HumanSize.ramInBytes("32bm")).hasMessage("invalid suffix: 'bm'");
        assertThatThrownBy(() -> HumanSize.ramInBytes("32kx")).hasMessage("invalid suffix: 'kx'");
        assertThatThrownBy(() -> HumanSize.ramInBytes("32 Kilo")).hasMessage("invalid suffix: 'Kilo'");
        assertThatThrownBy(() -> HumanSize.ramInBytes(" 32 "))
                .hasMessage("strconv.ParseFloat: parsing \" 32\": invalid syntax");
        assertThatThrownBy(() -> HumanSize.fromHumanSize("32m b"))
                .hasMessage("strconv.ParseFloat: parsing \"32m\": invalid syntax");
        assertThatThrownBy(() -> HumanSize.ramInBytes("1e400"))
                .hasMessage("strconv.ParseFloat: parsing \"1e400\": value out of range");
    }
}
