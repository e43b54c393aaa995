package clusterlab.runtime.cli.format;

/**
 * go-units HumanDuration: the approximate durations docker prints in CREATED
 * ("5 minutes ago"), STATUS ("Up 29 seconds") and service ps ("Running 8 seconds ago").
 * The arithmetic follows Go's: seconds and minutes are truncated float64 values,
 * hours are rounded as int(d.Hours() + 0.5).
 */
public final class HumanDuration {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    private HumanDuration() {
    }

    /** The approximate length of a duration given in nanoseconds of virtual time. */
    public static String of(long nanos) {
        int seconds = goInt(seconds(nanos));
        if (seconds < 1) {
            return "Less than a second";
        } else if (seconds == 1) {
            return "1 second";
        } else if (seconds < 60) {
            return seconds + " seconds";
        }
        int minutes = goInt(minutes(nanos));
        if (minutes == 1) {
            return "About a minute";
        } else if (minutes < 60) {
            return minutes + " minutes";
        }
        int hours = goInt(hours(nanos) + 0.5);
        if (hours == 1) {
            return "About an hour";
        } else if (hours < 48) {
            return hours + " hours";
        } else if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        } else if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return goInt(hours(nanos)) / 24 / 365 + " years";
    }

    /** docker's CREATED column: the time since creation followed by " ago". */
    public static String ago(long nowNanos, long thenNanos) {
        return of(nowNanos - thenNanos) + " ago";
    }

    // time.Duration.Seconds/Minutes/Hours split whole and fractional parts to keep precision.
    private static double seconds(long d) {
        return (double) (d / SECOND) + (double) (d % SECOND) / 1e9;
    }

    private static double minutes(long d) {
        return (double) (d / MINUTE) + (double) (d % MINUTE) / (60 * 1e9);
    }

    private static double hours(long d) {
        return (double) (d / HOUR) + (double) (d % HOUR) / (60 * 60 * 1e9);
    }

    /** Go's int(float64) on a 64-bit machine truncates toward zero (int is 64 bits). */
    private static int goInt(double value) {
        // Durations fit in about 292 years, so every value here fits in an int.
        return (int) (long) value;
    }
}
