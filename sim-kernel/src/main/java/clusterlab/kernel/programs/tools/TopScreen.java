package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.programs.tools.ProcSnapshot.Proc;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One frame of procps-ng 3.3 {@code top}: the summary area (uptime and load, tasks, CPU states,
 * memory) and the task area, computed from two samples of /proc.
 */
final class TopScreen {
    /** What a frame is computed from: the processes now and their CPU ticks at the previous sample. */
    record Sample(ProcSnapshot snapshot, long nowNanos, double uptimeSeconds, double idleSeconds) {}

    private TopScreen() {}

    static Sample sample(Filesystem fs, long nowNanos) {
        String[] up = fs.readString("/proc/uptime").trim().split(" ");
        return new Sample(ProcSnapshot.read(fs), nowNanos, Double.parseDouble(up[0]), Double.parseDouble(up[1]));
    }

    /**
     * Renders a frame. {@code previous} is null for the first frame: CPU shares are then the
     * averages since each process started (top has no earlier sample to compare with).
     *
     * @param maxRows how many task rows fit (all when not positive)
     */
    static String render(Filesystem fs, Sample now, Sample previous, Map<Integer, Long> previousTicks, int cores,
            long bootNanos, int maxRows, int width) {
        List<String> lines = new ArrayList<>();
        ZonedDateTime clock = Time.wallClockUtc(now.nowNanos());
        String[] load = fs.readString("/proc/loadavg").trim().split(" ");
        lines.add(String.format(Locale.ROOT, "top - %02d:%02d:%02d up %s,  0 users,  load average: %s, %s, %s",
                clock.getHour(), clock.getMinute(), clock.getSecond(), uptime(now.uptimeSeconds()),
                strip(load[0]), strip(load[1]), strip(load[2])));
        int running = 0;
        int sleeping = 0;
        int stopped = 0;
        int zombie = 0;
        for (Proc p : now.snapshot().processes()) {
            switch (p.state()) {
                case 'R' -> running++;
                case 'T', 't' -> stopped++;
                case 'Z' -> zombie++;
                default -> sleeping++;
            }
        }
        lines.add(String.format(Locale.ROOT, "Tasks:%4d total,%4d running,%4d sleeping,%4d stopped,%4d zombie",
                now.snapshot().processes().size(), running, sleeping, stopped, zombie));
        double busy;
        if (previous == null) {
            double capacity = now.uptimeSeconds() * cores;
            busy = capacity <= 0 ? 0 : 1 - now.idleSeconds() / capacity;
        } else {
            double capacity = (now.uptimeSeconds() - previous.uptimeSeconds()) * cores;
            busy = capacity <= 0 ? 0 : 1 - (now.idleSeconds() - previous.idleSeconds()) / capacity;
        }
        busy = Math.max(0, Math.min(1, busy)) * 100;
        double us = round1(busy * 0.9);
        double sy = round1(busy - us);
        lines.add(String.format(Locale.ROOT,
                "%%Cpu(s):%5.1f us,%5.1f sy,%5.1f ni,%5.1f id,%5.1f wa,%5.1f hi,%5.1f si,%5.1f st",
                us, sy, 0.0, Math.max(0, 100 - us - sy), 0.0, 0.0, 0.0, 0.0));
        String meminfo = fs.readString("/proc/meminfo");
        long totalKb = ProcSnapshot.meminfoKb(meminfo, "MemTotal");
        long freeKb = ProcSnapshot.meminfoKb(meminfo, "MemFree");
        long cacheKb = ProcSnapshot.meminfoKb(meminfo, "Buffers") + ProcSnapshot.meminfoKb(meminfo, "Cached")
                + ProcSnapshot.meminfoKb(meminfo, "SReclaimable");
        long availKb = ProcSnapshot.meminfoKb(meminfo, "MemAvailable");
        long usedKb = totalKb - freeKb - cacheKb;
        lines.add(String.format(Locale.ROOT, "MiB Mem :%9.1f total,%9.1f free,%9.1f used,%9.1f buff/cache",
                totalKb / 1024.0, freeKb / 1024.0, usedKb / 1024.0, cacheKb / 1024.0));
        long swapTotalKb = ProcSnapshot.meminfoKb(meminfo, "SwapTotal");
        long swapFreeKb = ProcSnapshot.meminfoKb(meminfo, "SwapFree");
        lines.add(String.format(Locale.ROOT, "MiB Swap:%9.1f total,%9.1f free,%9.1f used.%9.1f avail Mem ",
                swapTotalKb / 1024.0, swapFreeKb / 1024.0, (swapTotalKb - swapFreeKb) / 1024.0, availKb / 1024.0));
        lines.add("");
        lines.add("    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND");

        record Row(Proc p, double cpu) {}
        List<Row> rows = new ArrayList<>();
        for (Proc p : now.snapshot().processes()) {
            rows.add(new Row(p, cpuPercent(p, now, previous, previousTicks, bootNanos)));
        }
        rows.sort(Comparator.comparingDouble((Row r) -> -r.cpu()).thenComparingInt(r -> r.p().pid()));
        int shown = 0;
        for (Row r : rows) {
            if (maxRows > 0 && shown >= maxRows) {
                break;
            }
            Proc p = r.p();
            String user = ToolSupport.userName(fs, p.uid());
            if (user.length() > 8) {
                user = user.substring(0, 7) + "+";
            }
            double mem = totalKb == 0 ? 0 : p.rssBytes() / 1024.0 * 100 / totalKb;
            lines.add(String.format(Locale.ROOT, "%7d %-8s  20   0 %7d %6d %6d %c %5.1f %5.1f %9s %s",
                    p.pid(), user, p.vszBytes() / 1024, p.rssBytes() / 1024, 0, p.state(), r.cpu(), mem,
                    timePlus(p.cpuTicks()), p.comm()));
            shown++;
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(width > 0 && line.length() > width ? line.substring(0, width) : line).append('\n');
        }
        return out.toString();
    }

    private static double cpuPercent(Proc p, Sample now, Sample previous, Map<Integer, Long> previousTicks,
            long bootNanos) {
        long tickNanos = Time.SECOND / ProcSnapshot.TICKS_PER_SECOND;
        Long before = previousTicks.get(p.pid());
        double elapsedTicks;
        long used;
        if (previous == null || before == null) {
            long startNanos = bootNanos + p.startTicks() * tickNanos;
            elapsedTicks = (double) (now.nowNanos() - startNanos) / tickNanos;
            used = p.cpuTicks();
        } else {
            elapsedTicks = (double) (now.nowNanos() - previous.nowNanos()) / tickNanos;
            used = p.cpuTicks() - before;
        }
        return elapsedTicks <= 0 ? 0 : round1(Math.max(0, used) * 100.0 / elapsedTicks);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** "0.00" from /proc/loadavg as is (top prints it with two decimals too). */
    private static String strip(String s) {
        return s;
    }

    /** procps sprint_uptime: "12 min", " 1:05", "2 days,  1:05", "3 days, 10 min". */
    static String uptime(double seconds) {
        long s = (long) seconds;
        long days = s / 86400;
        long hours = s / 3600 % 24;
        long minutes = s / 60 % 60;
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            b.append(days).append(days != 1 ? " days, " : " day, ");
        }
        if (hours > 0) {
            b.append(String.format(Locale.ROOT, "%2d:%02d", hours, minutes));
        } else {
            b.append(minutes).append(" min");
        }
        return b.toString();
    }

    /** TIME+: minutes:seconds.hundredths. */
    static String timePlus(long ticks) {
        long hundredths = ticks * 100 / ProcSnapshot.TICKS_PER_SECOND;
        return String.format(Locale.ROOT, "%d:%02d.%02d", hundredths / 6000, hundredths / 100 % 60, hundredths % 100);
    }
}
