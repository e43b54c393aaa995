package clusterlab.kernel.programs.tools;

import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import java.util.List;

/** procps-ng {@code kill [-s SIG | -SIG] PID...} and {@code kill -l [SIG]}. */
public final class Kill implements Program {
    /** Linux's signal names 1..31 in order, as {@code kill -l} lists them. */
    static final List<String> LINUX_SIGNALS = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE",
            "KILL", "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
            "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS");

    private ProcessContext ctx;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        ctx.allocate(512L << 10);
        List<String> args = ctx.args();
        Signal signal = Signal.SIGTERM;
        int i = 0;
        if (!args.isEmpty() && (args.get(0).equals("-l") || args.get(0).equals("-L"))) {
            list(args.subList(1, args.size()));
            return;
        }
        if (i < args.size() && args.get(i).equals("-s")) {
            if (i + 1 >= args.size()) {
                usage();
                return;
            }
            signal = parseSignal(args.get(i + 1));
            i += 2;
        } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1
                && !args.get(i).equals("--")) {
            signal = parseSignal(args.get(i).substring(1));
            i++;
        }
        if (signal == null) {
            return;
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        }
        if (i >= args.size()) {
            usage();
            return;
        }
        int status = 0;
        for (String target : args.subList(i, args.size())) {
            int pid;
            try {
                pid = Integer.parseInt(target);
            } catch (NumberFormatException e) {
                ctx.eprintln("kill: failed to parse argument: " + ToolSupport.quote(target));
                status = 1;
                continue;
            }
            Process p = ctx.pidNamespace().process(pid);
            if (p == null || !p.isAlive() || pid <= 0) {
                ctx.eprintln("kill: (" + pid + "): No such process");
                status = 1;
            } else if (!ctx.credentials().isRoot() && p.credentials().uid() != ctx.credentials().uid()) {
                ctx.eprintln("kill: (" + pid + "): Operation not permitted");
                status = 1;
            } else {
                ctx.kill(pid, signal);
            }
        }
        if (ctx.process().isAlive()) {
            ctx.exit(status);
        }
    }

    private Signal parseSignal(String text) {
        try {
            return Signal.parse(text);
        } catch (IllegalArgumentException e) {
            ctx.eprintln("kill: unknown signal: " + text);
            ctx.eprintln("");
            ctx.eprintln("Usage:");
            ctx.eprintln(" kill [options] <pid> [...]");
            ctx.exit(1);
            return null;
        }
    }

    private void usage() {
        ctx.eprintln("");
        ctx.eprintln("Usage:");
        ctx.eprintln(" kill [options] <pid> [...]");
        ctx.exit(1);
    }

    private void list(List<String> which) {
        if (which.isEmpty()) {
            StringBuilder out = new StringBuilder();
            int col = 0;
            for (String name : LINUX_SIGNALS) {
                if (col > 0 && col + 1 + name.length() > 80) {
                    out.append('\n');
                    col = 0;
                }
                if (col > 0) {
                    out.append(' ');
                    col++;
                }
                out.append(name);
                col += name.length();
            }
            ctx.println(out.toString());
            ctx.exit(0);
            return;
        }
        for (String w : which) {
            String s = w.toUpperCase(java.util.Locale.ROOT).replaceFirst("^SIG", "");
            if (s.matches("[0-9]{1,3}")) {
                int n = Integer.parseInt(s) & 0x7F;
                if (n >= 1 && n <= LINUX_SIGNALS.size()) {
                    ctx.println(LINUX_SIGNALS.get(n - 1));
                    continue;
                }
            } else if (LINUX_SIGNALS.contains(s)) {
                ctx.println(String.valueOf(LINUX_SIGNALS.indexOf(s) + 1));
                continue;
            }
            ctx.eprintln("kill: unknown signal: " + w);
            ctx.exit(1);
            return;
        }
        ctx.exit(0);
    }
}
