package clusterlab.kernel.programs.servers;

import clusterlab.kernel.Time;
import java.util.Locale;

/**
 * curl's progress meter (lib/progress.c), shown on stderr when the body does not go to a
 * terminal. Only the final state is printed: a terminal shows nothing else once the transfer is
 * done (the real meter redraws the line with carriage returns).
 */
final class CurlProgress {
    static final String HEADER =
            "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
            + "                                 Dload  Upload   Total   Spent    Left  Speed\n";

    private CurlProgress() {}

    /** The meter's line for {@code received} of {@code expected} bytes after {@code elapsedNanos}. */
    static String finalLine(long expected, long received, long elapsedNanos) {
        long total = expected >= 0 ? expected : received;
        int percent = total > 0 ? (int) (received * 100 / total) : (received > 0 ? 100 : 0);
        long micros = Math.max(1, elapsedNanos / Time.MICROSECOND);
        long speed = received * 1_000_000L / micros;
        String spent = time(elapsedNanos / Time.SECOND);
        return String.format(Locale.ROOT, "%3d %s  %3d %s  %3d %s  %s  %s %s %s %s %s%n",
                percent, max5(total), percent, max5(received), 0, max5(0), max5(speed), max5(0),
                spent, spent, time(0), max5(speed)).replace(System.lineSeparator(), "\n");
    }

    /** curl's max5data: a byte count in at most five characters. */
    static String max5(long bytes) {
        final long one = 1024;
        if (bytes < 100_000) {
            return String.format(Locale.ROOT, "%5d", bytes);
        }
        if (bytes < 10_000 * one) {
            return String.format(Locale.ROOT, "%4dk", bytes / one);
        }
        if (bytes < 100 * one * one) {
            return String.format(Locale.ROOT, "%2d.%0dM", bytes / (one * one), (bytes % (one * one)) / (one * one / 10));
        }
        if (bytes < 10_000 * one * one) {
            return String.format(Locale.ROOT, "%4dM", bytes / (one * one));
        }
        return String.format(Locale.ROOT, "%4dG", bytes / (one * one * one));
    }

    /** curl's time2str: {@code --:--:--} for zero, else {@code H:MM:SS} in eight characters. */
    static String time(long seconds) {
        if (seconds <= 0) {
            return "--:--:--";
        }
        long h = seconds / 3600;
        if (h <= 99) {
            return String.format(Locale.ROOT, "%2d:%02d:%02d", h, (seconds % 3600) / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%3dd %02dh", seconds / 86400, h % 24);
    }
}
