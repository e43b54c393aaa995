package clusterlab.runtime.cli.format;

import java.util.List;

/**
 * go-units sizes: {@code HumanSize} (decimal, "%.4g" with kB/MB/...), {@code BytesSize}
 * (binary, KiB/MiB/...) and the parsers {@code FromHumanSize} and {@code RAMInBytes}
 * that docker uses for flags such as {@code --memory 512m}.
 */
public final class HumanSize {

    private static final List<String> DECIMAL_UNITS = List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB");
    private static final List<String> BINARY_UNITS = List.of("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB");
    private static final long[] DECIMAL_MULTIPLIERS = {1000L, 1000L * 1000, 1000L * 1000 * 1000,
        1000L * 1000 * 1000 * 1000, 1000L * 1000 * 1000 * 1000 * 1000};
    private static final long[] BINARY_MULTIPLIERS = {1L << 10, 1L << 20, 1L << 30, 1L << 40, 1L << 50};
    private static final String UNIT_LETTERS = "kmgtp";

    private HumanSize() {
    }

    /** go-units HumanSize: 4 significant digits, 1000 steps ("1.024kB", "2MB", "0B"). */
    public static String decimal(double bytes) {
        return withPrecision(bytes, 4);
    }

    /** go-units HumanSizeWithPrecision. */
    public static String withPrecision(double bytes, int precision) {
        return scaled(bytes, 1000.0, DECIMAL_UNITS, precision);
    }

    /** go-units BytesSize: 4 significant digits, 1024 steps ("1KiB", "3.42GiB"). */
    public static String binary(double bytes) {
        return scaled(bytes, 1024.0, BINARY_UNITS, 4);
    }

    private static String scaled(double size, double base, List<String> units, int precision) {
        int unit = 0;
        // Bounded by the unit list, as go-units' getSizeAndUnit.
        while (size >= base && unit < units.size() - 1) {
            size = size / base;
            unit++;
        }
        return GoFloat.formatG(size, precision) + units.get(unit);
    }

    /** go-units FromHumanSize: "32kB" = 32000; suffixes k, m, g, t, p with optional b. */
    public static long fromHumanSize(String text) {
        return parse(text, DECIMAL_MULTIPLIERS);
    }

    /** go-units RAMInBytes: "512m" = 512 MiB; suffixes as above, optionally "ib". */
    public static long ramInBytes(String text) {
        return parse(text, BINARY_MULTIPLIERS);
    }

    /** go-units parseSize (v0.5), with its error texts. */
    private static long parse(String text, long[] multipliers) {
        int sep = lastIndexOfAny(text, "0123456789. ");
        if (sep == -1) {
            throw new InvalidSizeException("invalid size: '" + text + "'");
        }
        String number;
        String suffix;
        if (text.charAt(sep) != ' ') {
            number = text.substring(0, sep + 1);
        } else {
            number = text.substring(0, sep);
        }
        suffix = text.substring(sep + 1);
        double size = GoParseFloat.parse(number);
        if (size < 0) {
            throw new InvalidSizeException("invalid size: '" + text + "'");
        }
        if (suffix.isEmpty()) {
            return goInt64(size);
        }
        // Go measures the suffix in bytes.
        if (suffix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 3) {
            throw badSuffix(suffix);
        }
        String lower = goLower(suffix);
        if (lower.charAt(0) == 'b') {
            if (lower.length() > 1) {
                throw badSuffix(lower);
            }
            return goInt64(size);
        }
        int unit = UNIT_LETTERS.indexOf(lower.charAt(0));
        if (unit < 0) {
            throw badSuffix(lower);
        }
        size *= (double) multipliers[unit];
        if ((lower.length() == 2 && lower.charAt(1) != 'b') || (lower.length() == 3 && !lower.substring(1).equals("ib"))) {
            throw badSuffix(lower);
        }
        return goInt64(size);
    }

    private static InvalidSizeException badSuffix(String suffix) {
        return new InvalidSizeException("invalid suffix: '" + suffix + "'");
    }

    private static String goLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
        return out.toString();
    }

    private static int lastIndexOfAny(String s, String chars) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** int64(f) as amd64 computes it: out-of-range and NaN give the minimum int64. */
    static long goInt64(double value) {
        if (Double.isNaN(value) || value >= 0x1p63 || value < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) value;
    }

    /** A size that go-units would reject, with its message (e.g. {@code invalid size: 'abc'}). */
    public static final class InvalidSizeException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public InvalidSizeException(String message) {
            super(message);
        }
    }

}
