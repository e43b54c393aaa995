package clusterlab.kernel.os;

import clusterlab.kernel.fs.Errno;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A control group with cgroup v2 semantics: limits ({@code cpu.max}, {@code cpu.weight},
 * {@code memory.max}, {@code pids.max}, the freezer) and accounting ({@code cpu.stat},
 * {@code memory.current}, {@code memory.peak}, {@code pids.current}). Charges propagate to every
 * ancestor, and a limit anywhere on the path applies, as in the kernel.
 */
public final class Cgroup {
    /** The kernel's default CFS period: 100 ms. */
    public static final long DEFAULT_CPU_PERIOD_NANOS = 100_000_000L;
    public static final int DEFAULT_CPU_WEIGHT = 100;
    public static final long UNLIMITED = Long.MAX_VALUE;
    /** Bound on the depth of the hierarchy (Linux allows more; nobody here needs it). */
    static final int MAX_DEPTH = 32;

    private final String name;
    private final Cgroup parent;
    private final int depth;
    private final TreeMap<String, Cgroup> children = new TreeMap<>();

    private long cpuQuotaNanos = UNLIMITED;
    private long cpuPeriodNanos = DEFAULT_CPU_PERIOD_NANOS;
    private int cpuWeight = DEFAULT_CPU_WEIGHT;
    private long memoryMaxBytes = UNLIMITED;
    private long pidsMax = UNLIMITED;
    private boolean frozen;

    private double cpuUsageNanos;
    private long memoryCurrentBytes;
    private long memoryPeakBytes;
    private long pidsCurrent;
    private long oomKills;
    private long memoryMaxEvents;
    private long pidsMaxEvents;
    private final List<Process> members = new ArrayList<>();

    private Cgroup(String name, Cgroup parent) {
        this.name = name;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    static Cgroup root() {
        return new Cgroup("", null);
    }

    public String name() {
        return name;
    }

    public Cgroup parent() {
        return parent;
    }

    /** Path from the hierarchy root: {@code /}, {@code /system.slice/docker-3f2a.scope}. */
    public String path() {
        if (parent == null) {
            return "/";
        }
        String p = parent.path();
        return (p.equals("/") ? "" : p) + "/" + name;
    }

    public SortedMap<String, Cgroup> children() {
        return Collections.unmodifiableSortedMap(children);
    }

    /** The child of that name, created if missing (like {@code mkdir} in cgroupfs). */
    public Cgroup child(String childName) {
        if (childName.isEmpty() || childName.contains("/")) {
            throw new IllegalArgumentException("invalid cgroup name: " + childName);
        }
        if (depth + 1 > MAX_DEPTH) {
            throw new OsException(Errno.EAGAIN, "cgroup depth");
        }
        return children.computeIfAbsent(childName, n -> new Cgroup(n, this));
    }

    /** Looks up a descendant by a path relative to this group ({@code a/b}); null when missing. */
    public Cgroup find(String relativePath) {
        Cgroup g = this;
        for (String part : relativePath.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            g = g.children.get(part);
            if (g == null) {
                return null;
            }
        }
        return g;
    }

    /** Removes an empty group ({@code rmdir}); EBUSY-like refusal when it still has processes. */
    public void remove() {
        if (parent == null) {
            throw new OsException(Errno.EPERM, "cgroup root");
        }
        if (!members.isEmpty() || !children.isEmpty()) {
            throw new OsException(Errno.EAGAIN, "cgroup " + path() + " is busy");
        }
        parent.children.remove(name);
    }

    // ---- limits -------------------------------------------------------------------------------

    /** {@code cpu.max}: quota per period; {@link #UNLIMITED} quota means "max". */
    public void setCpuMax(long quotaNanos, long periodNanos) {
        if (periodNanos <= 0 || (quotaNanos != UNLIMITED && quotaNanos <= 0)) {
            throw new IllegalArgumentException("invalid cpu.max " + quotaNanos + " " + periodNanos);
        }
        this.cpuQuotaNanos = quotaNanos;
        this.cpuPeriodNanos = periodNanos;
    }

    /** Limits to {@code cores} CPUs, as {@code docker run --cpus} does (quota = cores × 100 ms). */
    public void setCpus(double cores) {
        if (!(cores > 0)) {
            throw new IllegalArgumentException("cpus must be positive: " + cores);
        }
        setCpuMax(Math.round(cores * DEFAULT_CPU_PERIOD_NANOS), DEFAULT_CPU_PERIOD_NANOS);
    }

    public void setCpuWeight(int weight) {
        if (weight < 1 || weight > 10_000) {
            throw new IllegalArgumentException("cpu.weight must be in [1, 10000]: " + weight);
        }
        this.cpuWeight = weight;
    }

    public void setMemoryMax(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory.max must be positive: " + bytes);
        }
        this.memoryMaxBytes = bytes;
    }

    public void setPidsMax(long max) {
        if (max <= 0) {
            throw new IllegalArgumentException("pids.max must be positive: " + max);
        }
        this.pidsMax = max;
    }

    public long cpuQuotaNanos() {
        return cpuQuotaNanos;
    }

    public long cpuPeriodNanos() {
        return cpuPeriodNanos;
    }

    public int cpuWeight() {
        return cpuWeight;
    }

    public long memoryMaxBytes() {
        return memoryMaxBytes;
    }

    public long pidsMax() {
        return pidsMax;
    }

    /** This group's own CPU cap in cores, or +infinity. */
    public double cpuCapCores() {
        return cpuQuotaNanos == UNLIMITED ? Double.POSITIVE_INFINITY : (double) cpuQuotaNanos / cpuPeriodNanos;
    }

    /** Frozen here or in an ancestor ({@code cgroup.freeze}, what {@code docker pause} uses). */
    public boolean isFrozen() {
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.frozen) {
                return true;
            }
        }
        return false;
    }

    void setFrozenFlag(boolean frozen) {
        this.frozen = frozen;
    }

    // ---- accounting ---------------------------------------------------------------------------

    public long cpuUsageNanos() {
        return (long) cpuUsageNanos;
    }

    public long memoryCurrentBytes() {
        return memoryCurrentBytes;
    }

    public long memoryPeakBytes() {
        return memoryPeakBytes;
    }

    public long pidsCurrent() {
        return pidsCurrent;
    }

    public long oomKills() {
        return oomKills;
    }

    /** Processes directly in this group, in the order they joined ({@code cgroup.procs}). */
    public List<Process> members() {
        return Collections.unmodifiableList(members);
    }

    /** Every process in this group and below, by pid. */
    public List<Process> allMembers() {
        List<Process> out = new ArrayList<>();
        collect(out, 0);
        out.sort((a, b) -> Long.compare(a.pid(), b.pid()));
        return out;
    }

    private void collect(List<Process> out, int level) {
        out.addAll(members);
        if (level < MAX_DEPTH) {
            for (Cgroup c : children.values()) {
                c.collect(out, level + 1);
            }
        }
    }

    void addCpuUsage(double nanos) {
        for (Cgroup g = this; g != null; g = g.parent) {
            g.cpuUsageNanos += nanos;
        }
    }

    /** The nearest group on the path to the root whose memory.max the charge would exceed, or null. */
    Cgroup memoryLimitHitBy(long bytes) {
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.memoryMaxBytes != UNLIMITED && g.memoryCurrentBytes + bytes > g.memoryMaxBytes) {
                return g;
            }
        }
        return null;
    }

    void chargeMemory(long bytes) {
        for (Cgroup g = this; g != null; g = g.parent) {
            g.memoryCurrentBytes += bytes;
            g.memoryPeakBytes = Math.max(g.memoryPeakBytes, g.memoryCurrentBytes);
        }
    }

    void uncharge(long bytes) {
        for (Cgroup g = this; g != null; g = g.parent) {
            g.memoryCurrentBytes = Math.max(0, g.memoryCurrentBytes - bytes);
        }
    }

    void recordOomKill() {
        oomKills++;
        memoryMaxEvents++;
    }

    /** The group on the path whose pids.max one more process would exceed, or null. */
    Cgroup pidsLimitHit() {
        for (Cgroup g = this; g != null; g = g.parent) {
            if (g.pidsMax != UNLIMITED && g.pidsCurrent + 1 > g.pidsMax) {
                g.pidsMaxEvents++;
                return g;
            }
        }
        return null;
    }

    void join(Process p) {
        members.add(p);
        for (Cgroup g = this; g != null; g = g.parent) {
            g.pidsCurrent++;
        }
    }

    void leave(Process p) {
        if (members.remove(p)) {
            for (Cgroup g = this; g != null; g = g.parent) {
                g.pidsCurrent--;
            }
        }
    }

    // ---- the cgroupfs files -------------------------------------------------------------------

    /** The text of one interface file, as {@code cat /sys/fs/cgroup/<path>/<file>} prints it; null if unknown. */
    public String file(String fileName) {
        return switch (fileName) {
            case "cpu.max" -> (cpuQuotaNanos == UNLIMITED ? "max" : String.valueOf(cpuQuotaNanos / 1000))
                    + " " + cpuPeriodNanos / 1000 + "\n";
            case "cpu.weight" -> cpuWeight + "\n";
            case "cpu.stat" -> String.format(Locale.ROOT, "usage_usec %d%nuser_usec %d%nsystem_usec %d%n",
                    cpuUsageNanos() / 1000, cpuUsageNanos() / 1000 * 9 / 10, cpuUsageNanos() / 1000 / 10);
            case "memory.max" -> limitText(memoryMaxBytes);
            case "memory.current" -> memoryCurrentBytes + "\n";
            case "memory.peak" -> memoryPeakBytes + "\n";
            case "memory.events" -> "low 0\nhigh 0\nmax " + memoryMaxEvents + "\noom " + oomKills + "\noom_kill "
                    + oomKills + "\n";
            case "pids.max" -> limitText(pidsMax);
            case "pids.current" -> pidsCurrent + "\n";
            case "pids.events" -> "max " + pidsMaxEvents + "\n";
            case "cgroup.freeze" -> (frozen ? "1" : "0") + "\n";
            case "cgroup.procs" -> {
                StringBuilder sb = new StringBuilder();
                for (Process p : members) {
                    sb.append(p.pid()).append('\n');
                }
                yield sb.toString();
            }
            default -> null;
        };
    }

    private static String limitText(long v) {
        return (v == UNLIMITED ? "max" : String.valueOf(v)) + "\n";
    }

    @Override
    public String toString() {
        return "cgroup " + path();
    }
}
