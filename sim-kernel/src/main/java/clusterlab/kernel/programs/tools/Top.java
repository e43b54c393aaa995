package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.programs.tools.ProcSnapshot.Proc;
import java.util.HashMap;
import java.util.Map;

/**
 * procps-ng {@code top}: interactive on a terminal (a frame every {@code -d} seconds of virtual
 * time, 3 by default, until {@code q} or Ctrl-C) or batch ({@code -b}, with {@code -n} frames).
 */
public final class Top implements Program {
    private static final long RSS_BYTES = 2L << 20;
    /** The work of reading /proc and drawing one frame. */
    private static final long FRAME_CPU_NANOS = 4 * Time.MILLISECOND;
    /** ANSI home and clear screen, what top's terminfo "clear" amounts to on xterm. */
    static final String CLEAR = "\u001b[H\u001b[2J";
    /** Header lines above the task rows (5 summary lines, a blank one, the column header). */
    private static final int HEADER_LINES = 7;

    private ProcessContext ctx;
    private boolean batch;
    private long frames = Long.MAX_VALUE;
    private long delayNanos = 3 * Time.SECOND;
    private long shown;
    private TopScreen.Sample previous;
    private final Map<Integer, Long> previousTicks = new HashMap<>();
    private boolean done;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        var args = ctx.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            char opt;
            if (a.startsWith("-") && a.length() >= 2) {
                opt = a.charAt(1);
                if ((opt == 'n' || opt == 'd') && a.length() > 2) {
                    value = a.substring(2);
                } else if (opt == 'n' || opt == 'd') {
                    if (i + 1 >= args.size()) {
                        fail("top: -" + opt + " requires argument");
                        return;
                    }
                    value = args.get(++i);
                } else if (!a.substring(1).chars().allMatch(c -> c == 'b')) {
                    fail("top: inappropriate '" + a + "'\nUsage:\n  top -hv | -bcEHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]");
                    return;
                }
            } else {
                fail("top: inappropriate '" + a + "'\nUsage:\n  top -hv | -bcEHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]");
                return;
            }
            if (value == null) {
                batch = true;
            } else if (opt == 'n') {
                try {
                    frames = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    fail("top: bad iterations argument '" + value + "'");
                    return;
                }
            } else {
                try {
                    double secs = Double.parseDouble(value);
                    if (secs < 0 || Double.isNaN(secs) || secs > 1e6) {
                        throw new NumberFormatException();
                    }
                    delayNanos = (long) (secs * Time.SECOND);
                } catch (NumberFormatException e) {
                    fail("top: bad delay interval '" + value + "'");
                    return;
                }
            }
        }
        if (!batch && !ctx.isTty()) {
            fail("top: failed tty get");
            return;
        }
        ctx.onSignal(Signal.SIGINT, s -> finish());
        ctx.onSignal(Signal.SIGTERM, s -> finish());
        if (!batch) {
            ctx.readInput(text -> {
                if (text.indexOf('q') >= 0) {
                    finish();
                }
            }, () -> {});
        }
        ToolSupport.run(ctx, RSS_BYTES, FRAME_CPU_NANOS, this::frame);
    }

    private void fail(String message) {
        ctx.eprintln(message);
        ctx.exit(1);
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        if (!batch) {
            ctx.print("\n");
        }
        ctx.exit(0);
    }

    private void frame() {
        if (done) {
            return;
        }
        TopScreen.Sample now = TopScreen.sample(ctx.fs(), ctx.now());
        int rows = batch ? 0 : Math.max(1, ctx.tty().rows() - HEADER_LINES);
        int width = batch ? 0 : ctx.tty().columns();
        String screen = TopScreen.render(ctx.fs(), now, previous, previousTicks, ctx.os().machine().cores(),
                ctx.os().machine().bootTime(), rows, width);
        ctx.print(batch ? screen + "\n" : CLEAR + screen);
        previous = now;
        previousTicks.clear();
        for (Proc p : now.snapshot().processes()) {
            previousTicks.put(p.pid(), p.cpuTicks());
        }
        shown++;
        if (shown >= frames) {
            finish();
            return;
        }
        ctx.schedule(delayNanos, () -> ctx.compute(FRAME_CPU_NANOS, this::frame));
    }
}
