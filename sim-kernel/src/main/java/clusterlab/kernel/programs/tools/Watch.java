package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.Stdio;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * procps {@code watch [-n SECS] [-t] COMMAND...}: runs the command, shows its output under an
 * {@code Every 2.0s: ...} title, and again {@code SECS} after it finished, until Ctrl-C. The
 * command goes through {@code sh -c} only when it has shell syntax, so watch works where no shell
 * is installed.
 */
public final class Watch implements Program {
    private static final long DEFAULT_INTERVAL_NANOS = 2 * Time.SECOND;
    /** procps clamps the interval to at least 0.1 s. */
    private static final long MIN_INTERVAL_NANOS = 100 * Time.MILLISECOND;
    /** What watch keeps of one run's output (a screen's worth is shown). */
    private static final int MAX_OUTPUT_CHARS = 256 << 10;
    private static final String SHELL_SYNTAX = "|&;<>()$`\\\"'*?[#~=%{}";

    private ProcessContext ctx;
    private long intervalNanos = DEFAULT_INTERVAL_NANOS;
    private boolean title = true;
    private String command;
    private List<String> argv;
    private Process running;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        List<String> args = ctx.args();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String a = args.get(i);
            String value = null;
            if (a.equals("-n") || a.equals("--interval")) {
                if (i + 1 >= args.size()) {
                    usage("watch: option requires an argument -- 'n'");
                    return;
                }
                value = args.get(++i);
            } else if (a.startsWith("-n")) {
                value = a.substring(2);
            } else if (a.startsWith("--interval=")) {
                value = a.substring("--interval=".length());
            } else if (a.equals("-t") || a.equals("--no-title")) {
                title = false;
            } else {
                usage("watch: invalid option -- '" + a.replaceFirst("^-+", "") + "'");
                return;
            }
            if (value != null) {
                try {
                    double secs = Double.parseDouble(value);
                    if (Double.isNaN(secs) || secs > 1e7) {
                        throw new NumberFormatException();
                    }
                    intervalNanos = Math.max(MIN_INTERVAL_NANOS, (long) (secs * Time.SECOND));
                } catch (NumberFormatException e) {
                    ctx.eprintln("watch: failed to parse argument: " + ToolSupport.quote(value));
                    ctx.exit(1);
                    return;
                }
            }
            i++;
        }
        if (i >= args.size()) {
            usage(null);
            return;
        }
        List<String> cmd = args.subList(i, args.size());
        command = String.join(" ", cmd);
        argv = needsShell(command) ? List.of("sh", "-c", command) : List.of(command.trim().split("\\s+"));
        ctx.onSignal(Signal.SIGINT, s -> stop());
        ctx.onSignal(Signal.SIGTERM, s -> stop());
        ToolSupport.run(ctx, 1L << 20, Time.MILLISECOND, this::runOnce);
    }

    static boolean needsShell(String command) {
        for (int i = 0; i < command.length(); i++) {
            if (SHELL_SYNTAX.indexOf(command.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void usage(String error) {
        if (error != null) {
            ctx.eprintln(error);
        }
        ctx.eprintln("");
        ctx.eprintln("Usage:");
        ctx.eprintln(" watch [options] command");
        ctx.exit(1);
    }

    private void stop() {
        if (running != null && running.isAlive()) {
            ctx.os().signal(ctx.process(), running, Signal.SIGKILL);
        }
        ctx.exit(0);
    }

    private void runOnce() {
        StringBuilder out = new StringBuilder();
        clusterlab.kernel.os.OutputSink sink = text -> {
            int room = MAX_OUTPUT_CHARS - out.length();
            out.append(text, 0, Math.max(0, Math.min(room, text.length())));
        };
        Process child;
        try {
            child = ctx.spawn(argv, new Stdio(null, sink, sink, null));
        } catch (OsException e) {
            show("sh: 1: " + argv.get(0) + ": not found\n");
            ctx.schedule(intervalNanos, this::runOnce);
            return;
        }
        running = child;
        ctx.waitFor(child, status -> {
            running = null;
            show(out.toString());
            ctx.schedule(intervalNanos, this::runOnce);
        });
    }

    private void show(String output) {
        int width = ctx.isTty() ? ctx.tty().columns() : 80;
        int rows = ctx.isTty() ? ctx.tty().rows() : Integer.MAX_VALUE;
        StringBuilder screen = new StringBuilder();
        if (ctx.isTty()) {
            screen.append(Top.CLEAR);
        }
        int used = 0;
        if (title) {
            screen.append(header(width)).append("\n\n");
            used = 2;
        }
        for (String line : ToolSupport.lines(output)) {
            if (used >= rows) {
                break;
            }
            screen.append(line.length() > width ? line.substring(0, width) : line).append('\n');
            used++;
        }
        ctx.print(screen.toString());
    }

    private String header(int width) {
        String left = String.format(Locale.ROOT, "Every %.1fs: %s", intervalNanos / 1e9, command);
        String right = ctx.hostname() + ": " + Date.format("%a %b %e %H:%M:%S %Y", ctx.now());
        int room = width - right.length() - 1;
        if (room <= 0) {
            return right;
        }
        if (left.length() > room) {
            left = left.substring(0, room);
        }
        return left + " ".repeat(width - right.length() - left.length()) + right;
    }
}
