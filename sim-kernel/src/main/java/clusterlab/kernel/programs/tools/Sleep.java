package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.math.BigDecimal;

/** coreutils {@code sleep NUMBER[smhd]...} (fractions allowed, summed; {@code infinity} never wakes). */
public final class Sleep implements Program {
    /** Longer sleeps are clamped (a simulated century is forever for a lab). */
    private static final long MAX_NANOS = 100L * 365 * Time.DAY;

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        if (ctx.args().isEmpty()) {
            ctx.eprintln("sleep: missing operand");
            ctx.eprintln("Try 'sleep --help' for more information.");
            ctx.exit(1);
            return;
        }
        long total = 0;
        boolean forever = false;
        boolean bad = false;
        for (String a : ctx.args()) {
            if (a.equals("infinity") || a.equals("inf")) {
                forever = true;
                continue;
            }
            long n = parse(a);
            if (n < 0) {
                ctx.eprintln("sleep: invalid time interval " + ToolSupport.quote(a));
                bad = true;
            } else {
                total = Math.min(MAX_NANOS, total + n);
            }
        }
        if (bad) {
            ctx.eprintln("Try 'sleep --help' for more information.");
            ctx.exit(1);
            return;
        }
        if (!forever) {
            ctx.schedule(total, () -> ctx.exit(0));
        }
    }

    /** Nanoseconds of {@code 5}, {@code 1.5}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}; -1 if invalid. */
    static long parse(String text) {
        if (text.isEmpty() || text.length() > 40) {
            return -1;
        }
        char last = text.charAt(text.length() - 1);
        long unit = switch (last) {
            case 's' -> Time.SECOND;
            case 'm' -> Time.MINUTE;
            case 'h' -> Time.HOUR;
            case 'd' -> Time.DAY;
            default -> 0;
        };
        String number = unit == 0 ? text : text.substring(0, text.length() - 1);
        if (unit == 0) {
            unit = Time.SECOND;
        }
        if (!number.matches("[0-9]*\\.?[0-9]*") || number.equals(".") || number.isEmpty()) {
            return -1;
        }
        BigDecimal nanos = new BigDecimal(number).multiply(BigDecimal.valueOf(unit));
        return nanos.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0 ? MAX_NANOS : nanos.longValue();
    }
}
