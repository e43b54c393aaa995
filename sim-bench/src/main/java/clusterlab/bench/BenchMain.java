package clusterlab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The command behind {@code ./lab bench}: {@code java -jar sim-bench/target/benchmarks.jar kernel
 * [--quick]}.
 *
 * <p>Runs the JMH benchmarks through the Runner API and prints a summary a person can paste into
 * docs/benchmarks.md. Numbers are reported, never judged: a slow machine does not fail anything.
 * Exit codes: 0 after a run or --help, 2 for a usage error, 1 if JMH itself could not run.
 */
public final class BenchMain {
    static final String USAGE = String.join("\n",
            "usage: benchmarks.jar <benchmark> [options]",
            "",
            "benchmarks:",
            "  kernel    the hold benchmark: the kernel's event queue against java.util.PriorityQueue",
            "            at N = 1000, 100000 and 1000000 pending events",
            "  scale     a whole swarm: --nodes N --managers M --replicas R --duration 1h [--seed S]",
            "            (defaults: 100 nodes, 5 managers, 2 replicas per node, 10m, seed 1)",
            "",
            "options:",
            "  --quick   short run (under a minute): 3 warmup and 3 measurement iterations of 1 s per point;",
            "            good for a first look, but the baseline at N=1000000 is still warming up then",
            "            (the default run takes about 4 minutes: 8 warmup and 10 measurement iterations of 2 s)",
            "  --help    this text");

    private static int scale(String[] args, PrintStream out, PrintStream err) {
        int nodes = 100;
        int managers = 5;
        Integer replicas = null;
        long duration = 10 * clusterlab.kernel.Time.MINUTE;
        long seed = 1;
        try {
            for (int i = 1; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--nodes" -> nodes = Integer.parseInt(v);
                    case "--managers" -> managers = Integer.parseInt(v);
                    case "--replicas" -> replicas = Integer.parseInt(v);
                    case "--duration" -> duration = clusterlab.kernel.Time.parseDuration(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    default -> throw new IllegalArgumentException("unknown option for scale: " + args[i]);
                }
            }
            if (nodes < 1 || managers < 1 || managers > nodes || managers > 7 || duration <= 0) {
                throw new IllegalArgumentException("need 1 <= managers <= min(7, nodes) and a positive duration");
            }
        } catch (IllegalArgumentException e) {
            err.println("scale: " + e.getMessage() + " (try --help)");
            return 2;
        }
        return ScaleBenchmark.run(new ScaleBenchmark.Options(nodes, managers, replicas == null ? 2 * nodes : replicas,
                duration, seed), out);
    }

    /** The N of the hold benchmark, in the order they are reported. */
    static final int[] HOLD_SIZES = {1_000, 100_000, 1_000_000};

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("missing benchmark name");
            err.println(USAGE);
            return 2;
        }
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
        }
        String benchmark = args[0];
        if (benchmark.equals("scale")) {
            return scale(args, out, err);
        }
        if (!benchmark.equals("kernel")) {
            err.println("unknown benchmark: " + benchmark + " (known: kernel, scale; try --help)");
            return 2;
        }
        boolean quick = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else {
                err.println("unknown option for kernel: " + args[i] + " (try --help)");
                return 2;
            }
        }
        try {
            runKernel(quick, out);
            return 0;
        } catch (RunnerException e) {
            err.println("JMH could not run the benchmark: " + e.getMessage());
            return 1;
        }
    }

    private static void runKernel(boolean quick, PrintStream out) throws RunnerException {
        out.println("== Kernel hold benchmark " + (quick ? "(quick)" : "(full)"));
        out.println(machineDescription());
        // The forked JVM gets this JVM's flags, so the heap printed above is the heap measured.
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        out.println("JVM flags: " + (jvmArgs.isEmpty() ? "none (JVM defaults)" : String.join(" ", jvmArgs))
                + "; GC: " + collectorNames());
        out.println();

        // G1 keeps growing its young generation for about 15 s at N=1000000, and both sides speed
        // up while it does; the full run warms up past that.
        int warmups = quick ? 3 : 8;
        int measurements = quick ? 3 : 10;
        TimeValue iterationTime = quick ? TimeValue.seconds(1) : TimeValue.seconds(2);
        Options options = new OptionsBuilder()
                .include(HoldBenchmark.class.getName() + "\\.")
                .param("n", toStrings(HOLD_SIZES))
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(iterationTime)
                .measurementIterations(measurements)
                .measurementTime(iterationTime)
                .jvmArgs(jvmArgs.toArray(new String[0]))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        out.println();
        out.print(holdSummary(results));
    }

    /** The table of both sides per N, then one line per N in the documented format. */
    static String holdSummary(Collection<RunResult> results) {
        Map<Integer, Result<?>> kernel = new TreeMap<>();
        Map<Integer, Result<?>> queue = new TreeMap<>();
        for (RunResult r : results) {
            int n = Integer.parseInt(r.getParams().getParam("n"));
            String method = r.getParams().getBenchmark();
            method = method.substring(method.lastIndexOf('.') + 1);
            if (method.equals("kernel")) {
                kernel.put(n, r.getPrimaryResult());
            } else if (method.equals("priorityQueue")) {
                queue.put(n, r.getPrimaryResult());
            }
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-9s %22s %22s %7s%n",
                "N", "kernel ev/s", "PriorityQueue ev/s", "ratio"));
        List<String> lines = new ArrayList<>();
        for (int n : HOLD_SIZES) {
            Result<?> k = kernel.get(n);
            Result<?> q = queue.get(n);
            if (k == null || q == null) {
                lines.add("hold N=" + n + ": no result");
                continue;
            }
            double ratio = k.getScore() / q.getScore();
            table.append(String.format(Locale.ROOT, "%-9d %22s %22s %7.2f%n",
                    n, withError(k), withError(q), ratio));
            lines.add(String.format(Locale.ROOT, "hold N=%d: kernel %.1fM ev/s, PriorityQueue %.1fM ev/s, ratio %.2f",
                    n, k.getScore() / 1e6, q.getScore() / 1e6, ratio));
        }
        table.append("(± is JMH's 99.9% confidence half-width over the measurement iterations)\n\n");
        for (String line : lines) {
            table.append(line).append('\n');
        }
        return table.toString();
    }

    private static String withError(Result<?> r) {
        double error = r.getScoreError();
        String score = String.format(Locale.ROOT, "%.2fM", r.getScore() / 1e6);
        return Double.isNaN(error) ? score : score + String.format(Locale.ROOT, " ± %.2fM", error / 1e6);
    }

    /** Cores, max heap, Java and OS of this JVM, and the CPU model when Linux tells it. */
    static String machineDescription() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT,
                "machine: %d cores (%s), max heap %d MiB, Java %s (%s), %s %s %s",
                rt.availableProcessors(), cpuModel(), rt.maxMemory() / (1024 * 1024),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    private static String collectorNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join(", ", names);
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // The model is a courtesy; the benchmark runs without it.
        }
        return "unknown CPU";
    }

    private static String[] toStrings(int[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = Integer.toString(values[i]);
        }
        return s;
    }
}
