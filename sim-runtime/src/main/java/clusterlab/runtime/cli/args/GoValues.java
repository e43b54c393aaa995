package clusterlab.runtime.cli.args;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value parsers behind docker's flags, with their Go error texts (docker 19.03 was
 * built with Go 1.12, whose duration errors do not quote the input). Each throws
 * {@link IllegalArgumentException} carrying the text pflag appends after "flag: ".
 */
public final class GoValues {
    private GoValues() {
    }

    private static final long NS = 1, US = 1_000, MS = 1_000_000, S = 1_000_000_000L,
            M = 60 * S, H = 60 * M;

    /** time.ParseDuration: "10s", "1m30s", "1.5h", "-2ms"; returns nanoseconds. */
    public static long parseDuration(String orig) {
        String s = orig;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalidDuration(orig);
        }
        long d = 0;
        int pos = 0;
        int len = s.length();
        while (pos < len) {
            char c0 = s.charAt(pos);
            if (!(c0 == '.' || (c0 >= '0' && c0 <= '9'))) {
                throw invalidDuration(orig);
            }
            int start = pos;
            long v = 0;
            while (pos < len && isDigit(s.charAt(pos))) {
                if (v > Long.MAX_VALUE / 10) {
                    throw invalidDuration(orig); // leadingInt overflow
                }
                v = v * 10 + (s.charAt(pos) - '0');
                if (v < 0) {
                    throw invalidDuration(orig);
                }
                pos++;
            }
            boolean pre = pos != start;
            boolean post = false;
            long f = 0;
            double scale = 1;
            if (pos < len && s.charAt(pos) == '.') {
                pos++;
                int fs = pos;
                boolean overflow = false;
                while (pos < len && isDigit(s.charAt(pos))) {
                    if (!overflow) {
                        if (f > (Long.MAX_VALUE - 1) / 10) {
                            overflow = true;
                        } else {
                            long y = f * 10 + (s.charAt(pos) - '0');
                            if (y < 0) {
                                overflow = true;
                            } else {
                                f = y;
                                scale *= 10;
                            }
                        }
                    }
                    pos++;
                }
                post = pos != fs;
            }
            if (!pre && !post) {
                throw invalidDuration(orig);
            }
            int us = pos;
            while (pos < len && s.charAt(pos) != '.' && !isDigit(s.charAt(pos))) {
                pos++;
            }
            if (pos == us) {
                throw new IllegalArgumentException("time: missing unit in duration " + orig);
            }
            String u = s.substring(us, pos);
            long unit = switch (u) {
                case "ns" -> NS;
                case "us", "\u00b5s", "\u03bcs" -> US;
                case "ms" -> MS;
                case "s" -> S;
                case "m" -> M;
                case "h" -> H;
                default -> throw new IllegalArgumentException(
                        "time: unknown unit " + u + " in duration " + orig);
            };
            if (v > Long.MAX_VALUE / unit) {
                throw invalidDuration(orig);
            }
            v *= unit;
            if (f > 0) {
                v += (long) ((double) f * ((double) unit / scale));
                if (v < 0) {
                    throw invalidDuration(orig);
                }
            }
            d += v;
            if (d < 0) {
                throw invalidDuration(orig);
            }
        }
        return neg ? -d : d;
    }

    private static IllegalArgumentException invalidDuration(String orig) {
        return new IllegalArgumentException("time: invalid duration " + orig);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // go-units sizeRegex; \d is ASCII-only in RE2, hence the explicit class.
    private static final Pattern SIZE = Pattern.compile("^([0-9]+(\\.[0-9]+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    /** units.RAMInBytes: binary multiples, "512m" = 512 MiB, "1.5g", "100" bytes. */
    public static long ramInBytes(String sizeStr) {
        Matcher m = SIZE.matcher(sizeStr);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid size: '" + sizeStr + "'");
        }
        String num = m.group(1);
        double size;
        if (num.indexOf('.') != num.lastIndexOf('.')) {
            throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoText.quote(num) + ": invalid syntax");
        }
        size = Double.parseDouble(num);
        if (Double.isInfinite(size)) {
            throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoText.quote(num) + ": value out of range");
        }
        String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(java.util.Locale.ROOT);
        size *= switch (unit) {
            case "k" -> 1024d;
            case "m" -> 1024d * 1024;
            case "g" -> 1024d * 1024 * 1024;
            case "t" -> 1024d * 1024 * 1024 * 1024;
            case "p" -> 1024d * 1024 * 1024 * 1024 * 1024;
            default -> 1d;
        };
        // Go's int64(float) on amd64 yields MinInt64 when out of range; Java would saturate.
        return size >= 9.223372036854775807E18 ? Long.MIN_VALUE : (long) size;
    }

    /** opts.ParseCPUs: a big.Rat ("0.5", "3/2", "1e-1") times 1e9, which must be whole. */
    public static long parseNanoCpus(String value) {
        BigDecimal cpus;
        try {
            int slash = value.indexOf('/');
            if (slash >= 0) {
                BigInteger a = parseRatInt(value.substring(0, slash));
                BigInteger b = new BigInteger(value.substring(slash + 1));
                if (b.signum() <= 0 || value.substring(slash + 1).startsWith("+")) {
                    throw new NumberFormatException();
                }
                BigInteger[] qr = a.multiply(BigInteger.valueOf(1_000_000_000L)).divideAndRemainder(b);
                if (qr[1].signum() != 0) {
                    throw new IllegalArgumentException("value is too precise");
                }
                return qr[0].longValue();
            }
            if (value.isEmpty() || value.length() > 400 || !value.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
                throw new NumberFormatException();
            }
            cpus = new BigDecimal(value);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("failed to parse " + value + " as a rational number");
        }
        if (Math.abs((long) cpus.scale()) > 10_000) {
            throw new IllegalArgumentException("value is too precise");
        }
        BigDecimal nano = cpus.multiply(BigDecimal.valueOf(1_000_000_000L));
        try {
            return nano.toBigIntegerExact().longValue();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("value is too precise");
        }
    }

    private static BigInteger parseRatInt(String s) {
        if (!s.matches("[+-]?[0-9]+")) {
            throw new NumberFormatException();
        }
        return new BigInteger(s);
    }

    /** strconv.ParseInt(s, 0, bits) as pflag's int flags call it (0x, 0o, 0b, octal 0, '_'). */
    public static long parseInt(String s, int bits) {
        BigInteger v = parseBase0(s, "strconv.ParseInt", true);
        BigInteger max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        if (v.compareTo(max) > 0 || v.compareTo(min) < 0) {
            throw new IllegalArgumentException("strconv.ParseInt: parsing " + GoText.quote(s) + ": value out of range");
        }
        return v.longValue();
    }

    /** strconv.ParseUint(s, 0, bits); the value is returned as its two's-complement long. */
    public static long parseUint(String s, int bits) {
        BigInteger v = parseBase0(s, "strconv.ParseUint", false);
        if (v.bitLength() > bits) {
            throw new IllegalArgumentException("strconv.ParseUint: parsing " + GoText.quote(s) + ": value out of range");
        }
        return v.longValue();
    }

    private static BigInteger parseBase0(String s0, String fn, boolean signed) {
        IllegalArgumentException syntax = new IllegalArgumentException(fn + ": parsing " + GoText.quote(s0) + ": invalid syntax");
        String s = s0;
        boolean neg = false;
        if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > 200) {
            throw s.length() > 200 && s.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? new IllegalArgumentException(fn + ": parsing " + GoText.quote(s0) + ": value out of range") : syntax;
        }
        int base = 10;
        boolean prefixed = false;
        if (s.charAt(0) == '0' && s.length() > 1) {
            char p = Character.toLowerCase(s.charAt(1));
            if (p == 'x') { base = 16; s = s.substring(2); prefixed = true; }
            else if (p == 'o') { base = 8; s = s.substring(2); prefixed = true; }
            else if (p == 'b') { base = 2; s = s.substring(2); prefixed = true; }
            else { base = 8; s = s.substring(1); prefixed = true; }
        }
        // Base-0 parsing allows '_' only between digits (or after the prefix).
        if (s.contains("_")) {
            if (s.startsWith("_") && !prefixed || s.endsWith("_") || s.contains("__")) {
                throw syntax;
            }
            s = s.replace("_", "");
        }
        if (s.isEmpty()) {
            if (base == 8 && !s0.toLowerCase(java.util.Locale.ROOT).contains("o")) {
                return BigInteger.ZERO; // "0" itself
            }
            throw syntax;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), base) < 0 || s.charAt(i) > 'z') {
                throw syntax;
            }
        }
        BigInteger v = new BigInteger(s, base);
        return neg ? v.negate() : v;
    }

    /** strconv.ParseFloat(s, 64) for decimal literals, "inf" and "nan". */
    public static double parseFloat(String s) {
        String t = s.replace("_", "");
        if (t.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?") && t.length() < 400) {
            double d = Double.parseDouble(t);
            if (Double.isInfinite(d)) {
                throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoText.quote(s) + ": value out of range");
            }
            return d;
        }
        String l = s.toLowerCase(java.util.Locale.ROOT);
        switch (l) {
            case "inf", "+inf", "infinity", "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity": return Double.NEGATIVE_INFINITY;
            case "nan": return Double.NaN;
            default: throw new IllegalArgumentException("strconv.ParseFloat: parsing " + GoText.quote(s) + ": invalid syntax");
        }
    }

    /** strconv.ParseBool. */
    public static boolean parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new IllegalArgumentException("strconv.ParseBool: parsing " + GoText.quote(s) + ": invalid syntax");
        };
    }
}
