package clusterlab.runtime.cli.format;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Go's strconv.ParseFloat(s, 64): the syntax it accepts (no surrounding spaces, no
 * Java suffixes such as "1d") and its error texts. Digit separators ('_') are not
 * accepted here; Go allows them only after a base prefix, which sizes never use.
 */
final class GoParseFloat {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private GoParseFloat() {
    }

    static double parse(String text) {
        if (SPECIAL.matcher(text).matches()) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.endsWith("nan")) {
                return Double.NaN;
            }
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!DECIMAL.matcher(text).matches() && !HEX.matcher(text).matches()) {
            throw new HumanSize.InvalidSizeException(error(text, "invalid syntax"));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new HumanSize.InvalidSizeException(error(text, "value out of range"));
        }
        return value;
    }

    private static String error(String text, String reason) {
        return "strconv.ParseFloat: parsing " + GoQuote.quote(text) + ": " + reason;
    }
}
