package clusterlab.lab.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Byte sizes as scenarios write them. The IEC units (KiB, MiB, GiB, TiB) and Docker's one-letter
 * units (k, m, g, t, as in {@code docker run --memory 1g}) are powers of 1024; KB, MB, GB and TB
 * are powers of 1000; a bare number or B is bytes. Units ignore case, fractions are allowed
 * ({@code 1.5GiB}) and rounded down to a whole byte.
 */
final class Sizes {
    private static final long KI = 1024;

    private Sizes() {}

    /** @throws IllegalArgumentException with a message fit for a scenario error */
    static long parse(String text) {
        String s = text.strip();
        int unitStart = 0;
        while (unitStart < s.length() && (Character.isDigit(s.charAt(unitStart)) || s.charAt(unitStart) == '.')) {
            unitStart++;
        }
        String number = s.substring(0, unitStart);
        String unit = s.substring(unitStart).strip().toLowerCase(Locale.ROOT);
        long multiplier = switch (unit) {
            case "", "b" -> 1;
            case "k", "kib" -> KI;
            case "m", "mib" -> KI * KI;
            case "g", "gib" -> KI * KI * KI;
            case "t", "tib" -> KI * KI * KI * KI;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            default -> -1;
        };
        if (number.isEmpty() || multiplier < 0 || number.chars().filter(c -> c == '.').count() > 1
                || number.equals(".")) {
            throw invalid(text);
        }
        BigDecimal bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(multiplier))
                .setScale(0, RoundingMode.DOWN);
        if (bytes.signum() <= 0) {
            throw new IllegalArgumentException("size must be more than 0 bytes, was \"" + NodeReader.clip(text) + "\"");
        }
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("size is too large: \"" + NodeReader.clip(text) + "\"");
        }
        return bytes.longValueExact();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid size \"" + NodeReader.clip(text)
                + "\" (write it like 4GiB, 512MiB, 1G or a number of bytes)");
    }
}
