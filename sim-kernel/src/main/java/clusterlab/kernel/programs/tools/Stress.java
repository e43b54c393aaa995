package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.SpawnSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code stress} 1.0.4: forks hogs ({@code --cpu N} spin, {@code --vm N} with {@code --vm-bytes B}
 * allocate and touch memory, {@code --io N} sync) and waits for them; {@code --timeout T} ends a
 * successful run. A hog killed by the OOM killer fails the run, with stress's messages.
 *
 * <p>Workers are forked copies (same command line, as on Linux); the environment variable
 * {@value #HOG_ENV} tells a copy which hog it is.
 */
public final class Stress implements Program {
    static final String HOG_ENV = "STRESS_HOG";
    /** Bound on hogs of each kind. */
    private static final int MAX_HOGS = 1024;
    private static final long SLICE_NANOS = 100 * Time.MILLISECOND;
    private static final long CHUNK_BYTES = 16L << 20;

    private ProcessContext ctx;
    private final List<Process> workers = new ArrayList<>();
    private boolean timedOut;
    private boolean failed;
    private long startNanos;
    private int live;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        String hog = ctx.getenv(HOG_ENV);
        Options o = Options.parse(ctx.args());
        if (hog != null) {
            ctx.allocate(1L << 20);
            runHog(hog, o);
            return;
        }
        ctx.allocate(1L << 20);
        if (o == null) {
            ctx.eprintln("stress: FAIL: [" + ctx.pid() + "] (1) invalid option or value");
            ctx.exit(1);
            return;
        }
        if (o.cpu + o.io + o.vm == 0) {
            ctx.println("`stress' imposes certain types of compute stress on your system");
            ctx.println("");
            ctx.println("Usage: stress [OPTION [ARG]] ...");
            ctx.exit(1);
            return;
        }
        ctx.println(String.format(Locale.ROOT, "stress: info: [%d] dispatching hogs: %d cpu, %d io, %d vm, %d hdd",
                ctx.pid(), o.cpu, o.io, o.vm, 0));
        startNanos = ctx.now();
        fork("cpu", o.cpu);
        fork("io", o.io);
        fork("vm", o.vm);
        if (o.timeoutNanos > 0) {
            ctx.schedule(o.timeoutNanos, () -> {
                timedOut = true;
                killAll();
            });
        }
    }

    private void fork(String kind, int count) {
        for (int i = 0; i < count; i++) {
            Map<String, String> env = new LinkedHashMap<>(ctx.env());
            env.put(HOG_ENV, kind);
            Process w = ctx.spawn(SpawnSpec.child(ctx.process(), ctx.argv(), ctx.process().stdio()).withEnv(env)
                    .withExecutable(ctx.process().executablePath()));
            workers.add(w);
            live++;
            ctx.waitFor(w, status -> reaped(w, status));
        }
    }

    private void reaped(Process w, int status) {
        live--;
        if (!timedOut && !failed && status != 0) {
            failed = true;
            int pid = w.pidIn(ctx.pidNamespace());
            if (status > 128) {
                ctx.eprintln("stress: FAIL: [" + ctx.pid() + "] (415) <-- worker " + pid + " got signal " + (status - 128));
            } else {
                ctx.eprintln("stress: FAIL: [" + ctx.pid() + "] (422) <-- worker " + pid + " returned error " + status);
            }
            ctx.eprintln("stress: WARN: [" + ctx.pid() + "] (417) now reaping child worker processes");
            killAll();
        }
        if (live == 0) {
            long secs = (ctx.now() - startNanos) / Time.SECOND;
            if (failed) {
                ctx.eprintln("stress: FAIL: [" + ctx.pid() + "] (451) failed run completed in " + secs + "s");
                ctx.exit(1);
            } else {
                ctx.println("stress: info: [" + ctx.pid() + "] successful run completed in " + secs + "s");
                ctx.exit(0);
            }
        }
    }

    private void killAll() {
        for (Process w : workers) {
            if (w.isAlive()) {
                ctx.os().signal(ctx.process(), w, Signal.SIGKILL);
            }
        }
    }

    private void runHog(String kind, Options o) {
        switch (kind) {
            case "cpu", "io" -> spin();
            case "vm" -> allocate(o == null ? 256L << 20 : o.vmBytes, o == null ? -1 : o.vmHangSeconds, 0);
            default -> ctx.exit(1);
        }
    }

    private void spin() {
        ctx.compute(SLICE_NANOS, this::spin);
    }

    /** Allocates and touches {@code total} bytes in chunks, then holds, or frees and starts over. */
    private void allocate(long total, long hangSeconds, long done) {
        if (done >= total) {
            if (hangSeconds == 0) {
                return; // --vm-hang 0: keep the memory until killed
            }
            Runnable again = () -> {
                ctx.free(total);
                allocate(total, hangSeconds, 0);
            };
            if (hangSeconds > 0) {
                ctx.schedule(hangSeconds * Time.SECOND, again);
            } else {
                ctx.compute(Time.MILLISECOND, again);
            }
            return;
        }
        long chunk = Math.min(CHUNK_BYTES, total - done);
        ctx.allocate(chunk);
        // touching a page costs CPU: about 1 ms per 16 MiB
        ctx.compute(Math.max(1, chunk * Time.MILLISECOND / CHUNK_BYTES), () -> allocate(total, hangSeconds, done + chunk));
    }

    /** The command line: counts of each hog, vm size and hang, timeout. */
    record Options(int cpu, int io, int vm, long vmBytes, long vmHangSeconds, long timeoutNanos) {
        static Options parse(List<String> args) {
            int cpu = 0;
            int io = 0;
            int vm = 0;
            long vmBytes = 256L << 20;
            long hang = -1;
            long timeout = 0;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("-v") || a.equals("--verbose") || a.equals("-q") || a.equals("--quiet")) {
                    continue;
                }
                if (i + 1 >= args.size()) {
                    return null;
                }
                String v = args.get(++i);
                try {
                    switch (a) {
                        case "-c", "--cpu" -> cpu = count(v);
                        case "-i", "--io" -> io = count(v);
                        case "-m", "--vm" -> vm = count(v);
                        case "--vm-bytes" -> vmBytes = bytes(v);
                        case "--vm-hang" -> hang = Long.parseLong(v);
                        case "-t", "--timeout" -> timeout = seconds(v) * Time.SECOND;
                        default -> {
                            return null;
                        }
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return new Options(cpu, io, vm, vmBytes, hang, timeout);
        }

        private static int count(String v) {
            int n = Integer.parseInt(v);
            if (n < 0 || n > MAX_HOGS) {
                throw new NumberFormatException();
            }
            return n;
        }

        /** stress's size suffixes: b, k, m, g (powers of 1024). */
        static long bytes(String v) {
            String s = v.toLowerCase(Locale.ROOT);
            long mult = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
                case 'b' -> 1;
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 0;
            };
            String digits = mult == 0 ? s : s.substring(0, s.length() - 1);
            long n = Long.parseLong(digits);
            if (n < 0 || n > (1L << 40)) {
                throw new NumberFormatException();
            }
            return n * (mult == 0 ? 1 : mult);
        }

        /** stress's time suffixes: s, m, h, d, y. */
        static long seconds(String v) {
            String s = v.toLowerCase(Locale.ROOT);
            long mult = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                case 'y' -> 31536000;
                default -> 0;
            };
            String digits = mult == 0 ? s : s.substring(0, s.length() - 1);
            long n = Long.parseLong(digits);
            if (n < 0 || n > 100L * 31536000) {
                throw new NumberFormatException();
            }
            return n * (mult == 0 ? 1 : mult);
        }
    }
}
