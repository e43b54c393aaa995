package clusterlab.kernel.os;

import clusterlab.kernel.EventHandle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A simulated process: identity (pids in each PID namespace level, parent), credentials,
 * namespaces, cgroup, command line, environment, working directory, state, accounting and the
 * program it runs. The {@link OperatingSystem} creates, signals and reaps processes; programs act
 * through a {@link ProcessContext}.
 */
public final class Process {
    /** Linux's TASK_COMM_LEN - 1: the command name ps and top show is cut to 15 characters. */
    public static final int COMM_MAX = 15;
    /** Bound on deferred work kept while a process is frozen or stopped. */
    static final int MAX_DEFERRED = 10_000;

    private final OperatingSystem os;
    private final int[] pids; // pids[level] = pid in the namespace at that level
    private Process parent;
    private Namespaces namespaces;
    private Credentials credentials;
    private List<String> argv;
    private final LinkedHashMap<String, String> env;
    private String cwd;
    private String executablePath;
    private Cgroup cgroup;
    private final Stdio stdio;
    private final long startTime;
    private ProcessState state = ProcessState.SLEEPING;
    private boolean stopped;
    private double cpuTimeNanos;
    private long rssBytes;
    private long vszBytes;
    private Integer exitStatus;
    private Signal terminatedBy;
    private int generation; // bumps on exec so the old program's timers never fire
    private Program program;
    private final EnumMap<Signal, SignalHandler> handlers = new EnumMap<>(Signal.class);
    private final List<IntConsumer> exitWaiters = new ArrayList<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();
    /** Sockets and other kernel objects that close when the process dies, as its descriptors do. */
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** What a program does with a caught signal. */
    @FunctionalInterface
    public interface SignalHandler {
        void handle(Signal signal);
    }

    Process(OperatingSystem os, int[] pids, Process parent, Namespaces namespaces, Credentials credentials,
            List<String> argv, Map<String, String> env, String cwd, String executablePath, Cgroup cgroup,
            Stdio stdio, long startTime) {
        this.os = os;
        this.pids = pids;
        this.parent = parent;
        this.namespaces = namespaces;
        this.credentials = credentials;
        this.argv = List.copyOf(argv);
        this.env = new LinkedHashMap<>(env);
        this.cwd = cwd;
        this.executablePath = executablePath;
        this.cgroup = cgroup;
        this.stdio = stdio;
        this.startTime = startTime;
    }

    public OperatingSystem os() {
        return os;
    }

    /** Pid in the machine's initial namespace (what the host's ps shows). */
    public int pid() {
        return pids[0];
    }

    /** Pid as seen from {@code ns}, or 0 when the process is not visible there. */
    public int pidIn(PidNamespace ns) {
        int level = ns.level();
        if (level >= pids.length || !ns.contains(namespaces.pid())) {
            return 0;
        }
        return pids[level];
    }

    /** Pid in its own (innermost) namespace: 1 for a container's init. */
    public int localPid() {
        return pids[pids.length - 1];
    }

    int[] pidsByLevel() {
        return pids.clone();
    }

    public Process parent() {
        return parent;
    }

    void setParent(Process newParent) {
        if (parent != null) {
            parent.children.remove(this);
        }
        this.parent = newParent;
        if (newParent != null) {
            newParent.children.add(this);
        }
    }

    public List<Process> children() {
        return Collections.unmodifiableList(children);
    }

    /** Parent pid as seen from {@code ns}: 0 when the parent is outside it (a container init's ppid). */
    public int ppidIn(PidNamespace ns) {
        return parent == null ? 0 : parent.pidIn(ns);
    }

    public Namespaces namespaces() {
        return namespaces;
    }

    void setNamespaces(Namespaces ns) {
        this.namespaces = ns;
    }

    public Credentials credentials() {
        return credentials;
    }

    void setCredentials(Credentials c) {
        this.credentials = c;
    }

    public List<String> argv() {
        return argv;
    }

    /** The command name (comm): the executable's base name, cut to 15 characters. */
    public String comm() {
        String base = executablePath.substring(executablePath.lastIndexOf('/') + 1);
        return base.length() > COMM_MAX ? base.substring(0, COMM_MAX) : base;
    }

    public String executablePath() {
        return executablePath;
    }

    /** The full command line, arguments joined by spaces (ps's CMD). */
    public String commandLine() {
        return String.join(" ", argv);
    }

    /** The environment in the order variables were set (an unmodifiable view). */
    public Map<String, String> env() {
        return Collections.unmodifiableMap(env);
    }

    void putEnv(String name, String value) {
        env.put(name, value);
    }

    public String cwd() {
        return cwd;
    }

    void setCwd(String cwd) {
        this.cwd = cwd;
    }

    public Cgroup cgroup() {
        return cgroup;
    }

    void setCgroup(Cgroup g) {
        this.cgroup = g;
    }

    public Stdio stdio() {
        return stdio;
    }

    public long startTime() {
        return startTime;
    }

    /** State as ps shows it: R while it has CPU work, T when stopped or frozen, else S. */
    public ProcessState state() {
        if (state == ProcessState.DEAD || state == ProcessState.ZOMBIE) {
            return state;
        }
        if (isFrozen()) {
            return ProcessState.STOPPED;
        }
        return os.cpu().hasJob(this) ? ProcessState.RUNNING : ProcessState.SLEEPING;
    }

    public boolean isAlive() {
        return state != ProcessState.DEAD && state != ProcessState.ZOMBIE;
    }

    /** Stopped by SIGSTOP or frozen by its cgroup: it makes no progress. */
    public boolean isFrozen() {
        return stopped || cgroup.isFrozen();
    }

    void setStopped(boolean stopped) {
        this.stopped = stopped;
    }

    public long cpuTimeNanos() {
        return (long) cpuTimeNanos;
    }

    void addCpuTime(double nanos) {
        cpuTimeNanos += nanos;
        cgroup.addCpuUsage(nanos);
    }

    /** Resident memory charged to the process. */
    public long rssBytes() {
        return rssBytes;
    }

    /** Virtual memory size (ps VSZ): what the program mapped, at least its resident set. */
    public long vszBytes() {
        return Math.max(vszBytes, rssBytes);
    }

    void setRss(long bytes) {
        this.rssBytes = bytes;
    }

    void setVsz(long bytes) {
        this.vszBytes = bytes;
    }

    /** Exit status once exited: the program's code, or 128 + signal number. */
    public Integer exitStatus() {
        return exitStatus;
    }

    public Signal terminatedBy() {
        return terminatedBy;
    }

    void markExited(int status, Signal signal) {
        this.exitStatus = status;
        this.terminatedBy = signal;
        this.state = ProcessState.DEAD;
    }

    int generation() {
        return generation;
    }

    Program program() {
        return program;
    }

    /** The program rewrote its argv in place (setproctitle): ps and /proc/PID/cmdline show the new one. */
    void setArgv(List<String> newArgv) {
        this.argv = List.copyOf(newArgv);
    }

    void setProgram(Program program, String executablePath, List<String> argv) {
        this.generation++;
        this.program = program;
        this.executablePath = executablePath;
        this.argv = List.copyOf(argv);
        this.handlers.clear(); // exec resets caught signals to their defaults, as execve does
    }

    SignalHandler handler(Signal s) {
        return handlers.get(s);
    }

    void setHandler(Signal s, SignalHandler h) {
        if (h == null) {
            handlers.remove(s);
        } else {
            handlers.put(s, h);
        }
    }

    boolean hasHandler(Signal s) {
        return handlers.containsKey(s);
    }

    void own(AutoCloseable resource) {
        resources.add(resource);
    }

    void disown(AutoCloseable resource) {
        resources.remove(resource);
    }

    /** Closes what the process still holds, newest first. */
    void closeResources() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception alreadyGone) {
                // closing a socket the network already tore down is not an error for the dying process
            }
        }
        resources.clear();
    }

    void addExitWaiter(IntConsumer waiter) {
        exitWaiters.add(waiter);
    }

    List<IntConsumer> takeExitWaiters() {
        List<IntConsumer> out = new ArrayList<>(exitWaiters);
        exitWaiters.clear();
        return out;
    }

    /**
     * Runs {@code action} after {@code delayNanos} on behalf of this process and its current
     * program: it is dropped if the process dies or execs meanwhile, and deferred while frozen.
     */
    EventHandle schedule(long delayNanos, Runnable action) {
        final int gen = generation;
        return os.machine().schedule(delayNanos, () -> {
            if (!isAlive() || generation != gen) {
                return;
            }
            if (isFrozen()) {
                defer(action);
                return;
            }
            runAsCurrent(action);
        });
    }

    void defer(Runnable action) {
        if (deferred.size() < MAX_DEFERRED) {
            deferred.add(action);
        }
    }

    /** Runs the work held while frozen, in order (called on SIGCONT and thaw). */
    void runDeferred() {
        List<Runnable> work = new ArrayList<>(deferred);
        deferred.clear();
        for (Runnable r : work) {
            if (!isAlive() || isFrozen()) {
                defer(r);
            } else {
                runAsCurrent(r);
            }
        }
    }

    /** Runs program code with this process as the kernel's "current" task. */
    void runAsCurrent(Runnable action) {
        os.runAs(this, action);
    }

    @Override
    public String toString() {
        return "process " + pid() + " (" + comm() + ")";
    }
}
