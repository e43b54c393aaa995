package clusterlab.kernel;

/**
 * Virtual time: a {@code long} count of nanoseconds since the simulation began.
 *
 * <p>Never a {@code double} and never the wall clock, so that every run of a scenario sees the same
 * instants. This class holds the units and the one textual form of durations that the CLI, the
 * shell ({@code :advance 30s}) and scenario YAML ({@code wait: 250ms}) share.
 */
public final class Time {
    public static final long NANOSECOND = 1L;
    public static final long MICROSECOND = 1_000L;
    public static final long MILLISECOND = 1_000_000L;
    public static final long SECOND = 1_000_000_000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;

    /** Units from the largest down; {@link #format} walks them in this order. */
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms", "us", "ns"};
    private static final long[] UNIT_NANOS = {DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND, NANOSECOND};

    /** Longest text {@link #parseDuration} looks at; anything longer is not a duration. */
    private static final int MAX_DURATION_TEXT = 64;

    /**
     * The simulated real-time clock reads {@code EPOCH + virtual time}: 2019-05-30 07:00:00 UTC,
     * the morning the course's own transcripts were taken. Fixed, so dates in logs and {@code ls -l}
     * are the same on every run.
     */
    public static final long EPOCH_UNIX_SECONDS = 1_559_199_600L;

    private Time() {}

    /** The wall-clock instant a machine's clock shows at virtual time {@code nanos}. */
    public static java.time.Instant wallClock(long nanos) {
        return java.time.Instant.ofEpochSecond(EPOCH_UNIX_SECONDS + nanos / SECOND, nanos % SECOND);
    }

    /** The same instant as a UTC date-time, for formatting log lines. */
    public static java.time.ZonedDateTime wallClockUtc(long nanos) {
        return wallClock(nanos).atZone(java.time.ZoneOffset.UTC);
    }

    public static long nanos(long n) { return n; }
    public static long micros(long n) { return Math.multiplyExact(n, MICROSECOND); }
    public static long millis(long n) { return Math.multiplyExact(n, MILLISECOND); }
    public static long seconds(long n) { return Math.multiplyExact(n, SECOND); }
    public static long minutes(long n) { return Math.multiplyExact(n, MINUTE); }
    public static long hours(long n) { return Math.multiplyExact(n, HOUR); }

    /**
     * Parses a duration such as {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1h30m},
     * {@code 1.5s} or {@code 200us} ({@code µs} too) into nanoseconds. A bare {@code 0} is zero.
     * Fractions are exact decimal arithmetic down to the nanosecond, so {@code 0.1s} is exactly
     * 100,000,000 ns on every machine.
     *
     * @throws IllegalArgumentException naming the text when it is not a duration
     */
    public static long parseDuration(String text) {
        if (text == null) {
            throw new IllegalArgumentException("duration is missing");
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_DURATION_TEXT) {
            throw badDuration(text);
        }
        if (s.equals("0")) {
            return 0;
        }
        long total = 0;
        int i = 0;
        while (i < s.length()) {
            int numberStart = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(numberStart, i);
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (number.isEmpty() || unit.isEmpty()) {
                throw badDuration(text);
            }
            long unitNanos = unitNanos(unit, text);
            try {
                total = Math.addExact(total, scaleDecimal(number, unitNanos, text));
            } catch (ArithmeticException overflow) {
                throw new IllegalArgumentException("duration too large: \"" + text + "\"");
            }
        }
        return total;
    }

    private static long unitNanos(String unit, String text) {
        switch (unit) {
            case "d": return DAY;
            case "h": return HOUR;
            case "m": return MINUTE;
            case "s": return SECOND;
            case "ms": return MILLISECOND;
            case "us": case "µs": return MICROSECOND;
            case "ns": return NANOSECOND;
            default: throw badDuration(text);
        }
    }

    /** {@code number × unitNanos} for a decimal {@code number}, exactly, rounding below 1 ns down. */
    private static long scaleDecimal(String number, long unitNanos, String text) {
        int dot = number.indexOf('.');
        if (dot != number.lastIndexOf('.') || number.equals(".")) {
            throw badDuration(text);
        }
        String whole = dot < 0 ? number : number.substring(0, dot);
        String fraction = dot < 0 ? "" : number.substring(dot + 1);
        long result = whole.isEmpty() ? 0 : Math.multiplyExact(Long.parseLong(whole), unitNanos);
        long scale = unitNanos;
        for (int k = 0; k < fraction.length() && scale > 1; k++) {
            if (scale % 10 != 0) {
                break; // finer than a nanosecond: drop the rest
            }
            scale /= 10;
            result = Math.addExact(result, (fraction.charAt(k) - '0') * scale);
        }
        return result;
    }

    private static IllegalArgumentException badDuration(String text) {
        return new IllegalArgumentException("invalid duration \"" + text
                + "\": expected a number and a unit such as 250ms, 30s, 5m, 1h or 1h30m");
    }

    /**
     * The shortest exact text for a duration in the form {@link #parseDuration} reads:
     * {@code 0s}, {@code 250ms}, {@code 30s}, {@code 1m30s}, {@code 2h}, {@code 1500us}.
     * Components are whole units from the largest down, so {@code format(parseDuration(x))} parses
     * back to the same value.
     */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long rest = nanos;
        if (rest < 0) {
            out.append('-');
            rest = -rest; // Long.MIN_VALUE is not a duration anyone schedules
        }
        for (int u = 0; u < UNIT_NANOS.length && rest > 0; u++) {
            long count = rest / UNIT_NANOS[u];
            if (count > 0) {
                out.append(count).append(UNIT_NAMES[u]);
                rest -= count * UNIT_NANOS[u];
            }
        }
        return out.toString();
    }

    /**
     * A virtual instant for trace and transcripts: seconds with millisecond precision, as in
     * {@code 12.345s}; fixed-width fractions keep transcripts aligned and diffable.
     */
    public static String formatInstant(long nanos) {
        long millis = nanos / MILLISECOND;
        return String.format(java.util.Locale.ROOT, "%d.%03ds", millis / 1000, millis % 1000);
    }
}
