package clusterlab.kernel.os;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kernel's ring buffer, read by {@code dmesg}: lines stamped with seconds since boot, as
 * {@code [ 1234.567890] Memory cgroup out of memory: Killed process ...}.
 */
public final class KernelLog {
    /** The ring keeps the most recent lines only, like the kernel's log_buf. */
    public static final int CAPACITY_LINES = 4096;

    public record Entry(long bootRelativeNanos, String message) {
        /** The line as {@code dmesg} prints it. */
        public String line() {
            long micros = bootRelativeNanos / 1000;
            return String.format(Locale.ROOT, "[%5d.%06d] %s", micros / 1_000_000, micros % 1_000_000, message);
        }
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    void log(long bootRelativeNanos, String message) {
        if (entries.size() == CAPACITY_LINES) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(bootRelativeNanos, message));
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    void clear() {
        entries.clear();
    }
}
