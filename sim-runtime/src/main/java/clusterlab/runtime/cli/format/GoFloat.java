package clusterlab.runtime.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting (strconv.FormatFloat, as fmt's %g/%v and encoding/json use it),
 * locale-free. Digits come from the exact binary value rounded half-to-even, as Go does.
 */
public final class GoFloat {

    /** Longest shortest-round-trip representation of a double. */
    private static final int MAX_DIGITS = 17;

    private GoFloat() {
    }

    /** fmt's {@code %.<precision>g}; precision -1 is the shortest form ({@code %v}). */
    public static String formatG(double value, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        Digits digs = precision < 0 ? shortest(Math.abs(value)) : rounded(Math.abs(value), Math.max(precision, 1));
        int prec = precision < 0 ? digs.nd() : Math.max(precision, 1);
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
            eprec = digs.nd();
        }
        if (precision < 0) {
            eprec = 6;
        }
        int exp = digs.dp() - 1;
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        if (exp < -4 || exp >= eprec) {
            appendE(out, digs, Math.min(prec, Math.max(digs.nd(), 1)) - 1);
        } else {
            int fprec = prec > digs.dp() ? digs.nd() : prec;
            appendF(out, digs, Math.max(fprec - digs.dp(), 0));
        }
        return out.toString();
    }

    /** encoding/json's number text for a float64 (shortest; %e outside [1e-6, 1e21)). */
    public static String formatJson(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("json: unsupported value: " + formatG(value, -1));
        }
        double abs = Math.abs(value);
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        Digits digs = shortest(abs);
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            appendE(out, digs, Math.max(digs.nd(), 1) - 1);
            int n = out.length();
            // json cleans e-09 to e-9 (but keeps e+21).
            if (n >= 4 && out.charAt(n - 4) == 'e' && out.charAt(n - 3) == '-' && out.charAt(n - 2) == '0') {
                out.deleteCharAt(n - 2);
            }
        } else {
            appendF(out, digs, Math.max(digs.nd() - digs.dp(), 0));
        }
        return out.toString();
    }

    /** Decimal digits d[0..nd) with the decimal point after dp digits; no trailing zeros. */
    record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }
    }

    static Digits rounded(double abs, int significant) {
        if (abs == 0) {
            return new Digits("", 0);
        }
        BigDecimal exact = new BigDecimal(abs);
        return digitsOf(exact.round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }

    /** The fewest digits that read back as the same double (closest one when several). */
    static Digits shortest(double abs) {
        if (abs == 0) {
            return new Digits("", 0);
        }
        BigDecimal exact = new BigDecimal(abs);
        for (int n = 1; n < MAX_DIGITS; n++) {
            BigDecimal candidate = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == abs) {
                return digitsOf(candidate);
            }
        }
        return digitsOf(exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN)));
    }

    private static Digits digitsOf(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String unscaled = stripped.unscaledValue().toString();
        int dp = unscaled.length() - stripped.scale();
        return new Digits(unscaled, dp);
    }

    private static void appendE(StringBuilder out, Digits digs, int fractionDigits) {
        out.append(digs.nd() == 0 ? '0' : digs.d().charAt(0));
        if (fractionDigits > 0) {
            out.append('.');
            for (int i = 1; i <= fractionDigits; i++) {
                out.append(i < digs.nd() ? digs.d().charAt(i) : '0');
            }
        }
        int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
        out.append('e').append(exp < 0 ? '-' : '+');
        int absExp = Math.abs(exp);
        if (absExp < 10) {
            out.append('0');
        }
        out.append(absExp);
    }

    private static void appendF(StringBuilder out, Digits digs, int fractionDigits) {
        if (digs.dp() > 0) {
            for (int i = 0; i < digs.dp(); i++) {
                out.append(i < digs.nd() ? digs.d().charAt(i) : '0');
            }
        } else {
            out.append('0');
        }
        if (fractionDigits > 0) {
            out.append('.');
            for (int i = 0; i < fractionDigits; i++) {
                int j = digs.dp() + i;
                out.append(j >= 0 && j < digs.nd() ? digs.d().charAt(j) : '0');
            }
        }
    }
}
