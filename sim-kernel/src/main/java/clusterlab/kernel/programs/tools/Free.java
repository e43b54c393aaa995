package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.Locale;

/** procps-ng {@code free} ({@code -k} default, {@code -b}, {@code -m}, {@code -g}, {@code -h}) from /proc/meminfo. */
public final class Free implements Program {
    private ProcessContext ctx;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        ToolSupport.run(ctx, 768L << 10, Time.MILLISECOND, this::main);
    }

    private void main() {
        char unit = 'k';
        for (String a : ctx.args()) {
            switch (a) {
                case "-b", "--bytes" -> unit = 'b';
                case "-k", "--kibi" -> unit = 'k';
                case "-m", "--mebi" -> unit = 'm';
                case "-g", "--gibi" -> unit = 'g';
                case "-h", "--human" -> unit = 'h';
                default -> {
                    ctx.eprintln("free: invalid option -- '" + a.replaceFirst("^-+", "") + "'");
                    ctx.eprintln("");
                    ctx.eprintln("Usage:");
                    ctx.eprintln(" free [options]");
                    ctx.exit(1);
                    return;
                }
            }
        }
        String meminfo = ctx.fs().readString("/proc/meminfo");
        long total = ProcSnapshot.meminfoKb(meminfo, "MemTotal");
        long free = ProcSnapshot.meminfoKb(meminfo, "MemFree");
        long shared = ProcSnapshot.meminfoKb(meminfo, "Shmem");
        long cache = ProcSnapshot.meminfoKb(meminfo, "Buffers") + ProcSnapshot.meminfoKb(meminfo, "Cached")
                + ProcSnapshot.meminfoKb(meminfo, "SReclaimable");
        long available = ProcSnapshot.meminfoKb(meminfo, "MemAvailable");
        long used = total - free - cache;
        long swapTotal = ProcSnapshot.meminfoKb(meminfo, "SwapTotal");
        long swapFree = ProcSnapshot.meminfoKb(meminfo, "SwapFree");
        StringBuilder out = new StringBuilder();
        out.append("               total        used        free      shared  buff/cache   available\n");
        out.append(String.format(Locale.ROOT, "%-8s", "Mem:"));
        for (long v : new long[] {total, used, free, shared, cache, available}) {
            out.append(' ').append(String.format(Locale.ROOT, "%11s", scale(v, unit)));
        }
        out.append('\n').append(String.format(Locale.ROOT, "%-8s", "Swap:"));
        for (long v : new long[] {swapTotal, swapTotal - swapFree, swapFree}) {
            out.append(' ').append(String.format(Locale.ROOT, "%11s", scale(v, unit)));
        }
        out.append('\n');
        ctx.print(out.toString());
        ctx.exit(0);
    }

    /** A kB value in the requested unit; human-readable as procps's scale_size (B, Ki, Mi, Gi...). */
    static String scale(long kb, char unit) {
        return switch (unit) {
            case 'b' -> String.valueOf(kb * 1024);
            case 'm' -> String.valueOf(kb / 1024);
            case 'g' -> String.valueOf(kb / (1024 * 1024));
            case 'h' -> human(kb * 1024);
            default -> String.valueOf(kb);
        };
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + "B";
        }
        String[] units = {"Ki", "Mi", "Gi", "Ti", "Pi"};
        double v = bytes;
        for (String u : units) {
            v /= 1024;
            if (v < 1024 || u.equals("Pi")) {
                return v < 10 ? String.format(Locale.ROOT, "%.1f%s", v, u)
                        : String.format(Locale.ROOT, "%d%s", Math.round(v), u);
            }
        }
        return bytes + "B";
    }
}
