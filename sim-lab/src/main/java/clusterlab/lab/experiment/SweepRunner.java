package clusterlab.lab.experiment;

import clusterlab.kernel.OutsideSimulation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep's runs (or one shard of them), each an independent single-threaded simulation, side
 * by side on {@code jobs} threads, and returns the results sorted by run index: the same for any
 * number of threads. A progress bar with the wall-clock time left goes to {@code progress}, never
 * into the results.
 */
@OutsideSimulation("runs whole independent simulations side by side on a thread pool and shows a "
        + "wall-clock progress bar; each simulation stays single-threaded and its results do not depend on timing")
public final class SweepRunner {
    private final int jobs;
    private final PrintWriter progress;

    /** {@code progress} may be null for none. */
    public SweepRunner(int jobs, PrintWriter progress) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        this.jobs = jobs;
        this.progress = progress;
    }

    /** Thrown when a run fails: which run, which point and seed, and why. */
    public static final class RunFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        RunFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The runs of shard {@code shard} of {@code shards} (1-based): those whose index mod shards is shard-1. */
    public static List<ExperimentSpec.Run> shard(List<ExperimentSpec.Run> runs, int shard, int shards) {
        List<ExperimentSpec.Run> out = new ArrayList<>();
        for (ExperimentSpec.Run r : runs) {
            if (r.index() % shards == shard - 1) {
                out.add(r);
            }
        }
        return out;
    }

    public List<RunResult> run(ExperimentKind kind, List<ExperimentSpec.Run> runs) throws RunFailedException {
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "sweep-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(jobs, daemons);
        Progress bar = new Progress(runs.size());
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (ExperimentSpec.Run r : runs) {
                futures.add(pool.submit(() -> {
                    RunResult result = runOne(kind, r);
                    bar.done();
                    return result;
                }));
            }
            List<RunResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                ExperimentSpec.Run r = runs.get(i);
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw new RunFailedException("run " + r.index() + " (" + r.point().texts() + ", seed " + r.seed()
                            + ") failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RunFailedException("interrupted", e);
                }
            }
            bar.finish();
            results.sort(Comparator.comparingInt(RunResult::index));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One run, on the calling thread. */
    public static RunResult runOne(ExperimentKind kind, ExperimentSpec.Run r) {
        double[] raw = kind.run(r.point().texts(), r.seed());
        List<ExperimentKind.Metric> metrics = kind.metrics();
        if (raw.length != metrics.size()) {
            throw new IllegalStateException(kind.name() + " returned " + raw.length + " values for "
                    + metrics.size() + " metrics");
        }
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = SweepOutput.canonical(raw[i], metrics.get(i).decimals());
        }
        return new RunResult(r.index(), r.point(), r.seed(), values);
    }

    /** A one-line bar redrawn on a terminal, or a line every 10% otherwise; wall-clock ETA. */
    private final class Progress {
        private final int total;
        private final long started = System.nanoTime();
        private final boolean terminal = System.console() != null;
        private int done;
        private int lastTenth = -1;

        Progress(int total) {
            this.total = total;
            if (progress != null) {
                draw();
            }
        }

        synchronized void done() {
            done++;
            if (progress != null) {
                draw();
            }
        }

        synchronized void finish() {
            if (progress != null && terminal) {
                progress.println();
            }
        }

        private void draw() {
            int tenth = total == 0 ? 10 : done * 10 / total;
            if (!terminal && tenth == lastTenth) {
                return;
            }
            lastTenth = tenth;
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            long elapsed = System.nanoTime() - started;
            String eta = done == 0 ? "--:--" : clock((long) ((double) elapsed / done * (total - done)));
            String line = String.format(Locale.ROOT, "[%s%s] %d/%d runs, %s elapsed, about %s left",
                    "#".repeat(filled), ".".repeat(width - filled), done, total, clock(elapsed), eta);
            if (terminal) {
                progress.print("\r" + line);
            } else {
                progress.println(line);
            }
            progress.flush();
        }

        private String clock(long nanos) {
            long s = nanos / 1_000_000_000L;
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
        }
    }
}
