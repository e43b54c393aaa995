package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** coreutils {@code date [-u] [+FORMAT]} from the simulated wall clock (UTC). */
public final class Date implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        String format = "%a %b %e %H:%M:%S %Z %Y";
        for (String a : ctx.args()) {
            if (a.startsWith("+")) {
                format = a.substring(1);
            } else if (!a.equals("-u") && !a.equals("--utc")) {
                ctx.eprintln(a.startsWith("-") ? "date: invalid option -- '" + a.substring(1) + "'"
                        : "date: invalid date " + ToolSupport.quote(a));
                if (a.startsWith("-")) {
                    ctx.eprintln("Try 'date --help' for more information.");
                }
                ctx.exit(1);
                return;
            }
        }
        ctx.println(format(format, ctx.now()));
        ctx.exit(0);
    }

    /** strftime for the conversions scripts use. */
    static String format(String format, long nanos) {
        ZonedDateTime t = Time.wallClockUtc(nanos);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length() && out.length() < 4096; i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char f = format.charAt(++i);
            switch (f) {
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'd' -> out.append(two(t.getDayOfMonth()));
                case 'e' -> out.append(String.format(Locale.ROOT, "%2d", t.getDayOfMonth()));
                case 'm' -> out.append(two(t.getMonthValue()));
                case 'Y' -> out.append(t.getYear());
                case 'y' -> out.append(two(t.getYear() % 100));
                case 'H' -> out.append(two(t.getHour()));
                case 'M' -> out.append(two(t.getMinute()));
                case 'S' -> out.append(two(t.getSecond()));
                case 'N' -> out.append(String.format(Locale.ROOT, "%09d", t.getNano()));
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 's' -> out.append(t.toEpochSecond());
                case 'Z' -> out.append("UTC");
                case 'z' -> out.append("+0000");
                case 'T' -> out.append(format("%H:%M:%S", nanos));
                case 'F' -> out.append(format("%Y-%m-%d", nanos));
                case 'D' -> out.append(format("%m/%d/%y", nanos));
                case 'R' -> out.append(format("%H:%M", nanos));
                case 'c' -> out.append(format("%a %b %e %H:%M:%S %Y", nanos));
                case 'u' -> out.append(t.getDayOfWeek().getValue());
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '%' -> out.append('%');
                default -> out.append('%').append(f);
            }
        }
        return out.toString();
    }

    private static String two(int v) {
        return String.format(Locale.ROOT, "%02d", v);
    }
}
