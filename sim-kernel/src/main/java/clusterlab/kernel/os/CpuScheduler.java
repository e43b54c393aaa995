package clusterlab.kernel.os;

import clusterlab.kernel.fs.Errno;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.machine.Machine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares a machine's cores among CPU-bound work as a fluid model of CFS: every runnable job gets a
 * rate (in cores), recomputed whenever a job arrives, finishes or a limit changes, and the next
 * completion is one scheduled event.
 *
 * <p>Rates: a single-threaded job uses at most one core; jobs under a cgroup with {@code cpu.max}
 * share that cap equally; the machine's cores are then divided by weighted max-min fairness
 * ({@code cpu.weight}, split among the jobs of a group). Two jobs each limited to half a core take
 * twice as long as unlimited ones on an idle machine: the effect the cgroups lesson shows.
 *
 * <p>Load average is maintained as Linux does, sampling the number of runnable jobs every 5 s, but
 * lazily: samples are caught up when the run queue changes or the load is read, so an idle machine
 * costs no events.
 */
public final class CpuScheduler {
    /** Remaining work below this is done (it absorbs rounding of completion times to whole ns). */
    private static final double DONE_EPSILON_CORE_NANOS = 1.0;
    static final int MAX_JOBS = 100_000;
    private static final long LOAD_SAMPLE_NANOS = 5_000_000_000L;
    private static final double[] LOAD_DECAY = {
        StrictMath.exp(-5.0 / 60.0), StrictMath.exp(-5.0 / 300.0), StrictMath.exp(-5.0 / 900.0)
    };

    /** A unit of CPU-bound work of one process. */
    public static final class Job {
        private final Process process;
        private final long seq;
        private double remainingCoreNanos;
        private double rateCores;
        private Runnable onDone;

        private Job(Process process, long seq, double work, Runnable onDone) {
            this.process = process;
            this.seq = seq;
            this.remainingCoreNanos = work;
            this.onDone = onDone;
        }

        public Process process() {
            return process;
        }

        /** Current share of the machine, in cores. */
        public double rateCores() {
            return rateCores;
        }

        public double remainingCoreNanos() {
            return remainingCoreNanos;
        }
    }

    private final Machine machine;
    private final List<Job> jobs = new ArrayList<>();
    private long nextSeq;
    private long lastUpdate;
    private EventHandle nextCompletion;
    private final double[] loadAverage = new double[3];
    private long lastLoadSample;

    CpuScheduler(Machine machine) {
        this.machine = machine;
        this.lastUpdate = machine.simulation().now();
        this.lastLoadSample = lastUpdate;
    }

    /**
     * Runs {@code cpuNanos} of single-core work for {@code process}, then {@code onDone}.
     * Returns the job so it can be cancelled when the process dies.
     */
    Job submit(Process process, long cpuNanos, Runnable onDone) {
        if (cpuNanos < 0) {
            throw new IllegalArgumentException("negative CPU work: " + cpuNanos);
        }
        if (jobs.size() >= MAX_JOBS) {
            throw new OsException(Errno.EAGAIN, "CPU run queue full");
        }
        advance();
        Job job = new Job(process, nextSeq++, cpuNanos, onDone);
        jobs.add(job);
        rebalance();
        return job;
    }

    /** Drops every job of a process (it exited or was killed). */
    void cancelAll(Process process) {
        advance();
        if (jobs.removeIf(j -> j.process == process)) {
            rebalance();
        }
    }

    /** Call after limits or freezing changed. */
    void limitsChanged() {
        advance();
        rebalance();
    }

    /** The machine lost power: all work is gone. */
    void reset() {
        jobs.clear();
        if (nextCompletion != null) {
            nextCompletion.cancel();
            nextCompletion = null;
        }
        loadAverage[0] = loadAverage[1] = loadAverage[2] = 0;
        lastUpdate = machine.simulation().now();
        lastLoadSample = lastUpdate;
    }

    /** Jobs currently holding a share of the CPU (not frozen). */
    public int runnableJobs() {
        int n = 0;
        for (Job j : jobs) {
            if (!j.process.isFrozen()) {
                n++;
            }
        }
        return n;
    }

    /** True while {@code p} has CPU work queued (ps shows it as R). */
    public boolean hasJob(Process p) {
        for (Job j : jobs) {
            if (j.process == p) {
                return true;
            }
        }
        return false;
    }

    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    /** Cores in use right now (sum of rates). */
    public double busyCores() {
        double sum = 0;
        for (Job j : jobs) {
            sum += j.rateCores;
        }
        return sum;
    }

    /** 1, 5 and 15 minute load averages. */
    public double[] loadAverage() {
        catchUpLoad(machine.simulation().now());
        return loadAverage.clone();
    }

    /** Brings every job's remaining work and every account up to now at the old rates. */
    private void advance() {
        long now = machine.simulation().now();
        catchUpLoad(now);
        long elapsed = now - lastUpdate;
        if (elapsed > 0) {
            for (Job j : jobs) {
                if (j.rateCores > 0) {
                    double work = Math.min(j.remainingCoreNanos, j.rateCores * elapsed);
                    j.remainingCoreNanos -= work;
                    j.process.addCpuTime(work);
                }
            }
        }
        lastUpdate = now;
    }

    private void catchUpLoad(long now) {
        // Bounded: a run left idle for a year catches up 6.3M samples at most once; cap for sanity.
        long samples = (now - lastLoadSample) / LOAD_SAMPLE_NANOS;
        if (samples <= 0) {
            return;
        }
        int active = runnableJobs();
        if (active == 0 && samples > 10_000) {
            loadAverage[0] = loadAverage[1] = loadAverage[2] = 0; // decayed to nothing long ago
        } else {
            for (long s = 0; s < Math.min(samples, 10_000); s++) {
                for (int i = 0; i < 3; i++) {
                    loadAverage[i] = loadAverage[i] * LOAD_DECAY[i] + active * (1 - LOAD_DECAY[i]);
                }
            }
        }
        lastLoadSample += samples * LOAD_SAMPLE_NANOS;
    }

    /** Finishes done jobs, recomputes rates, schedules the next completion. */
    private void rebalance() {
        List<Job> finished = new ArrayList<>();
        for (Job j : jobs) {
            if (j.remainingCoreNanos <= DONE_EPSILON_CORE_NANOS) {
                finished.add(j);
            }
        }
        jobs.removeAll(finished);
        computeRates();
        scheduleNextCompletion();
        for (Job j : finished) {
            Runnable done = j.onDone;
            j.onDone = null;
            j.process.runAsCurrent(done);
        }
    }

    private void computeRates() {
        List<Job> runnable = new ArrayList<>();
        for (Job j : jobs) {
            j.rateCores = 0;
            if (!j.process.isFrozen()) {
                runnable.add(j);
            }
        }
        if (runnable.isEmpty()) {
            return;
        }
        // Jobs per cgroup on the path, to split caps and weights evenly among them.
        Map<Cgroup, Integer> jobsUnder = new IdentityHashMap<>();
        for (Job j : runnable) {
            for (Cgroup g = j.process.cgroup(); g != null; g = g.parent()) {
                jobsUnder.merge(g, 1, Integer::sum);
            }
        }
        int n = runnable.size();
        double[] cap = new double[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            Job j = runnable.get(i);
            double c = 1.0;
            for (Cgroup g = j.process.cgroup(); g != null; g = g.parent()) {
                double groupCap = g.cpuCapCores();
                if (groupCap != Double.POSITIVE_INFINITY) {
                    c = Math.min(c, groupCap / jobsUnder.get(g));
                }
            }
            cap[i] = c;
            Cgroup leaf = j.process.cgroup();
            weight[i] = (double) leaf.cpuWeight() / jobsUnder.get(leaf);
        }
        // Weighted water-filling: satisfy the most constrained jobs first, in a fixed order.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> cap[i] / weight[i])
                .thenComparingLong(i -> runnable.get(i).seq));
        double capacity = machine.cores();
        double weightLeft = 0;
        for (double w : weight) {
            weightLeft += w;
        }
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double fair = capacity * weight[i] / weightLeft;
            double rate = Math.min(cap[i], fair);
            runnable.get(i).rateCores = rate;
            capacity -= rate;
            weightLeft -= weight[i];
        }
    }

    private void scheduleNextCompletion() {
        if (nextCompletion != null) {
            nextCompletion.cancel();
            nextCompletion = null;
        }
        double soonest = Double.POSITIVE_INFINITY;
        for (Job j : jobs) {
            if (j.rateCores > 0) {
                soonest = Math.min(soonest, j.remainingCoreNanos / j.rateCores);
            }
        }
        if (soonest != Double.POSITIVE_INFINITY) {
            long delay = (long) Math.ceil(soonest);
            nextCompletion = machine.schedule(delay, () -> {
                nextCompletion = null;
                advance();
                rebalance();
            });
        }
    }
}
