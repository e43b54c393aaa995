package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.programs.tools.ProcSnapshot.Proc;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * procps-ng {@code ps}: {@code ps}, {@code ps -e}, {@code ps -ef}, {@code ps aux} and
 * {@code -o col,col}. It reads /proc of its own PID namespace, so in a container it lists only
 * the container's processes, its init as PID 1.
 */
public final class Ps implements Program {
    private static final long RSS_BYTES = 1L << 20;
    private static final long CPU_NANOS = 3 * Time.MILLISECOND;

    /** A column: header, width, alignment and how to render a process. */
    private record Column(String header, int width, boolean right, Function<Proc, String> value) {}

    private ProcessContext ctx;
    private long nowNanos;
    private long bootNanos;
    private long memTotalKb;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        ToolSupport.run(ctx, RSS_BYTES, CPU_NANOS, this::main);
    }

    private void main() {
        boolean all = false;
        boolean full = false;
        boolean bsd = false;
        String format = null;
        List<String> args = ctx.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-o") || a.equals("o")) {
                if (i + 1 >= args.size()) {
                    usageError("error: format specification must follow -o");
                    return;
                }
                format = args.get(++i);
            } else if (a.startsWith("-o") && a.length() > 2) {
                format = a.substring(2);
            } else if (a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'e', 'A' -> all = true;
                        case 'f' -> full = true;
                        default -> {
                            usageError("error: unsupported option (BSD syntax)");
                            return;
                        }
                    }
                }
            } else if (!a.startsWith("-") && a.chars().allMatch(c -> "aux".indexOf(c) >= 0) && !a.isEmpty()) {
                bsd = true;
                all = all || a.indexOf('a') >= 0 || a.indexOf('x') >= 0;
            } else {
                usageError("error: unsupported option (BSD syntax)");
                return;
            }
        }
        Filesystem fs = ctx.fs();
        ProcSnapshot snap = ProcSnapshot.read(fs);
        nowNanos = ctx.now();
        bootNanos = ctx.os().machine().bootTime();
        memTotalKb = ProcSnapshot.meminfoKb(fs.readString("/proc/meminfo"), "MemTotal");
        List<Column> columns;
        if (format != null) {
            columns = new ArrayList<>();
            for (String name : format.split(",", 64)) {
                Column c = column(name.trim(), fs);
                if (c == null) {
                    usageError("error: unknown user-defined format specifier \"" + name + "\"");
                    return;
                }
                columns.add(c);
            }
        } else if (bsd) {
            columns = columns(fs, "user", "pid", "%cpu", "%mem", "vsz", "rss", "tty", "stat", "start", "bsdtime", "args");
        } else if (full) {
            columns = columns(fs, "uid", "pid", "ppid", "c", "stime", "tty", "time", "cmd");
        } else {
            columns = columns(fs, "pid", "tty", "time", "ucmd");
        }
        int myTty = 0;
        int myUid = ctx.credentials().uid();
        for (Proc p : snap.processes()) {
            if (p.pid() == ctx.pid() || p.pid() == selfPid(fs)) {
                myTty = p.ttyNr();
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(render(columns, null)).append('\n');
        for (Proc p : snap.processes()) {
            if (!all && (p.ttyNr() != myTty || p.uid() != myUid)) {
                continue;
            }
            out.append(render(columns, p)).append('\n');
        }
        ctx.print(out.toString());
        ctx.exit(0);
    }

    private static int selfPid(Filesystem fs) {
        try {
            String stat = fs.readString("/proc/self/stat");
            return Integer.parseInt(stat.substring(0, stat.indexOf(' ')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void usageError(String message) {
        ctx.eprintln(message);
        ctx.eprintln("");
        ctx.eprintln("Usage:");
        ctx.eprintln(" ps [options]");
        ctx.eprintln("");
        ctx.eprintln(" Try 'ps --help <simple|list|output|threads|misc|all>'");
        ctx.eprintln("  or 'ps --help <s|l|o|t|m|a>'");
        ctx.eprintln(" for additional help text.");
        ctx.eprintln("");
        ctx.eprintln("For more details see ps(1).");
        ctx.exit(1);
    }

    private List<Column> columns(Filesystem fs, String... names) {
        List<Column> cs = new ArrayList<>();
        for (String n : names) {
            cs.add(column(n, fs));
        }
        return cs;
    }

    /** procps's column definitions (header, width, alignment) for the specifiers supported. */
    private Column column(String name, Filesystem fs) {
        return switch (name) {
            case "pid" -> new Column("PID", 7, true, p -> String.valueOf(p.pid()));
            case "ppid" -> new Column("PPID", 7, true, p -> String.valueOf(p.ppid()));
            case "uid", "euid" -> new Column(name.equals("uid") ? "UID" : "EUID", 8, false,
                    p -> ToolSupport.userName(fs, p.uid()));
            case "user", "euser" -> new Column("USER", 8, false, p -> ToolSupport.userName(fs, p.uid()));
            case "c" -> new Column("C", 2, true, p -> String.valueOf((int) (cpuPermille(p) / 10)));
            case "%cpu", "pcpu" -> new Column("%CPU", 4, true, p -> tenths(cpuPermille(p)));
            case "%mem", "pmem" -> new Column("%MEM", 4, true,
                    p -> tenths(memTotalKb == 0 ? 0 : p.rssBytes() / 1024 * 1000 / memTotalKb));
            case "vsz" -> new Column("VSZ", 6, true, p -> String.valueOf(p.vszBytes() / 1024));
            case "rss" -> new Column("RSS", 5, true, p -> String.valueOf(p.rssBytes() / 1024));
            case "tty", "tname", "tt" -> new Column(name.equals("tt") ? "TT" : "TTY", 8, false, Proc::tty);
            case "stat" -> new Column("STAT", 4, false, this::stat);
            case "s", "state" -> new Column("S", 1, false, p -> String.valueOf(p.state()));
            case "stime" -> new Column("STIME", 5, false, this::stime);
            case "start" -> new Column("START", 5, true, this::stime);
            case "time", "cputime" -> new Column("TIME", 8, true, p -> cpuTime(p.cpuTicks()));
            case "bsdtime" -> new Column("TIME", 6, true, p -> bsdTime(p.cpuTicks()));
            case "cmd", "args", "command" -> new Column(name.equals("cmd") ? "CMD" : "COMMAND", 27, false,
                    Proc::args);
            case "comm", "ucmd", "ucomm" -> new Column(name.equals("ucmd") ? "CMD" : "COMMAND", 15, false,
                    Proc::comm);
            default -> null;
        };
    }

    /** CPU time over the process's lifetime, in tenths of a percent (procps's pcpu). */
    private long cpuPermille(Proc p) {
        long startNanos = p.startTicks() * (Time.SECOND / ProcSnapshot.TICKS_PER_SECOND);
        long elapsedTicks = (nowNanos - bootNanos - startNanos) / (Time.SECOND / ProcSnapshot.TICKS_PER_SECOND);
        if (elapsedTicks <= 0) {
            return 0;
        }
        return Math.min(999, p.cpuTicks() * 1000 / elapsedTicks);
    }

    private static String tenths(long permille) {
        return (permille / 10) + "." + (permille % 10);
    }

    /** BSD STAT: state, 's' for a session leader (a namespace's init here), '+' in a tty's foreground. */
    private String stat(Proc p) {
        StringBuilder s = new StringBuilder().append(p.state());
        if (p.pid() == 1) {
            s.append('s');
        }
        if (p.ttyNr() != 0) {
            s.append('+');
        }
        return s.toString();
    }

    /** Start time: HH:MM today, else "MonDD" (procps's STIME/START within a year). */
    private String stime(Proc p) {
        long start = bootNanos + p.startTicks() * (Time.SECOND / ProcSnapshot.TICKS_PER_SECOND);
        ZonedDateTime t = Time.wallClockUtc(start);
        if (nowNanos - start < Time.DAY) {
            return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
        }
        return String.format(Locale.ROOT, "%s%02d", t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT,
                Locale.ROOT), t.getDayOfMonth());
    }

    /** [DD-]HH:MM:SS of CPU time. */
    static String cpuTime(long ticks) {
        long s = ticks / ProcSnapshot.TICKS_PER_SECOND;
        long days = s / 86400;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600 % 24, s / 60 % 60, s % 60);
        return days > 0 ? days + "-" + hms : hms;
    }

    /** BSD TIME: M:SS. */
    private static String bsdTime(long ticks) {
        long s = ticks / ProcSnapshot.TICKS_PER_SECOND;
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** One line: columns separated by a space, the last one not padded when left-aligned. */
    private static String render(List<Column> columns, Proc p) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String v = p == null ? c.header() : c.value().apply(p);
            if (i > 0) {
                line.append(' ');
            }
            boolean last = i == columns.size() - 1;
            if (c.right()) {
                line.append(" ".repeat(Math.max(0, c.width() - v.length()))).append(v);
            } else {
                line.append(v);
                if (!last) {
                    line.append(" ".repeat(Math.max(0, c.width() - v.length())));
                }
            }
        }
        return line.toString();
    }
}
