package clusterlab.kernel.os;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.machine.MachineListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The simulated Linux kernel of one machine: the process table, namespaces, cgroups, the CPU
 * scheduler, memory accounting with the OOM killer, signals and the kernel log.
 *
 * <p>As in a real kernel there is a notion of the "current" task: program code always runs on
 * behalf of one process ({@link #runAs}), which is what {@code /proc/self} and permission checks
 * refer to.
 */
public final class OperatingSystem implements MachineListener {
    /** First inode number handed to namespaces created after boot (4026532xxx on real machines). */
    private static final long FIRST_NEW_NAMESPACE_INODE = 4026532160L;
    /** Memory the kernel itself keeps, counted as used by free and top. */
    public static final long KERNEL_RESERVED_BYTES = 180L << 20;
    /** A bound on process chains killed by one OOM (each kill frees memory; this never loops long). */
    private static final int MAX_OOM_KILLS_PER_ALLOCATION = 64;

    private final Machine machine;
    private final Simulation sim;
    private final ProgramRegistry programs;
    private final ExecResolver exec;
    private final Filesystem hostRoot;
    private final KernelLog kernelLog = new KernelLog();
    private final CpuScheduler cpu;
    private final TreeMap<Integer, Process> processes = new TreeMap<>(); // by host pid
    private Cgroup cgroupRoot;
    private Namespaces initial;
    private long nextNamespaceInode;
    private Process current;
    private Process init;
    /** Unix-domain sockets by path: the daemons a local client reaches (/var/run/docker.sock). */
    private final TreeMap<String, Object> unixSockets = new TreeMap<>();

    /**
     * Boots the kernel on {@code machine} with {@code hostRoot} as the host's root filesystem
     * (durable: it survives crashes, as a disk does). {@code /proc} is not part of it: the kernel
     * serves it per PID namespace.
     */
    public OperatingSystem(Machine machine, Filesystem hostRoot, ProgramRegistry programs) {
        this.machine = machine;
        this.sim = machine.simulation();
        this.programs = programs;
        this.exec = new ExecResolver(programs);
        this.hostRoot = hostRoot;
        this.cpu = new CpuScheduler(machine);
        machine.addListener(this);
        boot();
    }

    private void boot() {
        nextNamespaceInode = FIRST_NEW_NAMESPACE_INODE;
        cgroupRoot = Cgroup.root();
        PidNamespace pid = new PidNamespace(NamespaceKind.PID.initialInode(), null);
        initial = new Namespaces(
                new CgroupNamespace(NamespaceKind.CGROUP.initialInode(), cgroupRoot),
                new IpcNamespace(NamespaceKind.IPC.initialInode()),
                new MountNamespace(NamespaceKind.MNT.initialInode(), ProcFs.mountedOver(hostRoot, this, pid)),
                new NetNamespace(NamespaceKind.NET.initialInode()),
                pid,
                new UserNamespace(NamespaceKind.USER.initialInode(), null,
                        List.of(UserNamespace.IDENTITY), List.of(UserNamespace.IDENTITY)),
                new UtsNamespace(NamespaceKind.UTS.initialInode(), machine.name()));
        log("Linux version 5.4.0-clusterlab (simulated) #1 SMP");
        log("Memory: " + (machine.memoryBytes() >> 10) + "K available");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", ExecResolver.DEFAULT_PATH);
        env.put("HOME", "/root");
        init = spawnInit(env);
    }

    private Process spawnInit(Map<String, String> env) {
        if (programs.create("init").isEmpty()) {
            return null; // a bare kernel for tests: no init program registered
        }
        return spawn(new SpawnSpec(null, List.of("/sbin/init"), "/sbin/init", env, "/", initial,
                Credentials.ROOT, cgroupRoot, Stdio.discard()));
    }

    // ---- accessors ----------------------------------------------------------------------------

    public Machine machine() {
        return machine;
    }

    public ProgramRegistry programs() {
        return programs;
    }

    public CpuScheduler cpu() {
        return cpu;
    }

    public KernelLog kernelLog() {
        return kernelLog;
    }

    public Cgroup cgroupRoot() {
        return cgroupRoot;
    }

    /** The machine's initial namespaces: what host processes live in. */
    public Namespaces initialNamespaces() {
        return initial;
    }

    /** The host's root filesystem without /proc (the machine's disk). */
    public Filesystem hostRoot() {
        return hostRoot;
    }

    public String hostname() {
        return initial.uts().hostname();
    }

    /** The process on whose behalf program code is running now, or null (kernel context). */
    public Process current() {
        return current;
    }

    /** The host's pid 1, or null on a bare kernel. */
    public Process init() {
        return init;
    }

    /** Live processes by host pid. */
    public List<Process> processes() {
        return new ArrayList<>(processes.values());
    }

    public Process process(int hostPid) {
        return processes.get(hostPid);
    }

    /** Time since boot, as /proc/uptime counts it. */
    public long uptimeNanos() {
        return machine.uptimeNanos();
    }

    // ---- namespaces ---------------------------------------------------------------------------

    private long nextInode() {
        return nextNamespaceInode++;
    }

    public PidNamespace newPidNamespace(PidNamespace parent) {
        if (parent.level() >= 32) {
            throw new OsException(Errno.ENOSPC, "pid namespace nesting"); // Linux's MAX_PID_NS_LEVEL
        }
        return new PidNamespace(nextInode(), parent);
    }

    public UtsNamespace newUtsNamespace(String hostname) {
        return new UtsNamespace(nextInode(), hostname);
    }

    public IpcNamespace newIpcNamespace() {
        return new IpcNamespace(nextInode());
    }

    public NetNamespace newNetNamespace() {
        return new NetNamespace(nextInode());
    }

    /** A mount namespace whose tree is {@code root} with this kernel's /proc for {@code pidNs} mounted on it. */
    public MountNamespace newMountNamespace(Filesystem root, PidNamespace pidNs) {
        return new MountNamespace(nextInode(), ProcFs.mountedOver(root, this, pidNs));
    }

    public UserNamespace newUserNamespace(UserNamespace parent, List<UserNamespace.IdMapping> uidMap,
            List<UserNamespace.IdMapping> gidMap) {
        return new UserNamespace(nextInode(), parent, uidMap, gidMap);
    }

    public CgroupNamespace newCgroupNamespace(Cgroup root) {
        return new CgroupNamespace(nextInode(), root);
    }

    // ---- processes ----------------------------------------------------------------------------

    /**
     * Forks and execs: creates a process running {@code spec.argv()} and starts its program.
     *
     * @throws OsException ENOENT/EACCES/ENOEXEC when there is nothing to run, EAGAIN when a
     *     pids.max limit refuses the fork ("Resource temporarily unavailable")
     */
    public Process spawn(SpawnSpec spec) {
        requireRunning();
        Process parent = spec.parent();
        Namespaces ns = spec.namespaces() != null ? spec.namespaces() : parent != null ? parent.namespaces() : initial;
        Cgroup cgroup = spec.cgroup() != null ? spec.cgroup() : parent != null ? parent.cgroup() : cgroupRoot;
        Map<String, String> env = spec.env() != null ? spec.env()
                : parent != null ? new LinkedHashMap<>(parent.env()) : new LinkedHashMap<>();
        String cwd = spec.cwd() != null ? spec.cwd() : parent != null ? parent.cwd() : "/";
        Credentials creds = spec.credentials() != null ? spec.credentials()
                : parent != null ? parent.credentials() : Credentials.ROOT;

        Cgroup limited = cgroup.pidsLimitHit();
        if (limited != null) {
            log("cgroup: fork rejected by pids controller in " + limited.path());
            throw new OsException(Errno.EAGAIN, "fork");
        }
        ExecResolver.Resolved resolved = exec.resolve(ns.mnt().root(), cwd, env.get("PATH"), spec.argv(),
                spec.executable());

        int[] pids = allocatePids(ns.pid());
        Process p = new Process(this, pids, null, ns, creds, resolved.argv(), env, cwd, resolved.path(), cgroup,
                spec.stdio() != null ? spec.stdio() : Stdio.discard(), sim.now());
        p.setParent(parent);
        registerPids(p, ns.pid(), pids);
        processes.put(p.pid(), p);
        cgroup.join(p);
        p.setProgram(resolved.program(), resolved.path(), resolved.argv());
        sim.trace().record(machine.name(), "os", "spawn", "pid", p.pid(), "ppid", parent == null ? 0 : parent.pid(),
                "cmd", p.commandLine());
        startProgram(p, resolved.program());
        return p;
    }

    /** execve: replaces the program of {@code p}, keeping its pid, namespaces and stdio. */
    public void exec(Process p, List<String> argv) {
        ExecResolver.Resolved resolved = exec.resolve(p.namespaces().mnt().root(), p.cwd(), p.env().get("PATH"),
                argv, null);
        cpu.cancelAll(p);
        p.setProgram(resolved.program(), resolved.path(), resolved.argv());
        sim.trace().record(machine.name(), "os", "exec", "pid", p.pid(), "cmd", p.commandLine());
        startProgram(p, resolved.program());
    }

    /** {@code command -v NAME} as seen by {@code p}: the path it would run, or null. */
    public String which(Process p, String name) {
        return exec.which(p.namespaces().mnt().root(), p.cwd(), p.env().get("PATH"), name);
    }

    private void startProgram(Process p, Program program) {
        ProcessContext ctx = new ProcessContext(this, p);
        p.schedule(0, () -> program.start(ctx));
    }

    private int[] allocatePids(PidNamespace ns) {
        int[] pids = new int[ns.level() + 1];
        for (PidNamespace n = ns; n != null; n = n.parent()) {
            pids[n.level()] = n.allocate();
        }
        return pids;
    }

    private void registerPids(Process p, PidNamespace ns, int[] pids) {
        for (PidNamespace n = ns; n != null; n = n.parent()) {
            n.register(pids[n.level()], p);
        }
    }

    /** Runs program code as {@code p}: it becomes current, and its own termination unwinds cleanly. */
    void runAs(Process p, Runnable action) {
        Process previous = current;
        current = p;
        try {
            action.run();
        } catch (ProcessTerminated terminated) {
            // the process was killed (e.g. by the OOM killer) in the middle of its own code
        } catch (OsException | FsException failure) {
            if (p.isAlive()) {
                p.stdio().err().write(p.comm() + ": " + failure.getMessage() + "\n");
                exit(p, 1);
            }
        } finally {
            current = previous;
        }
    }

    /** Registers a callback for when {@code p} exits, with its status; at once if it already has. */
    public void onExit(Process p, IntConsumer callback) {
        if (!p.isAlive()) {
            callback.accept(p.exitStatus());
        } else {
            p.addExitWaiter(callback);
        }
    }

    /** The process exits with {@code status} (0-255). */
    public void exit(Process p, int status) {
        terminate(p, status & 0xFF, null);
    }

    private void terminate(Process p, int status, Signal signal) {
        if (!p.isAlive()) {
            return;
        }
        p.markExited(status, signal);
        p.closeResources();
        cpu.cancelAll(p);
        p.cgroup().uncharge(p.rssBytes());
        p.setRss(0);
        p.cgroup().leave(p);
        if (p.stdio().in() != null) {
            p.stdio().in().detachReader();
        }
        p.stdio().out().close();
        if (p.stdio().err() != p.stdio().out()) {
            p.stdio().err().close();
        }
        PidNamespace own = p.namespaces().pid();
        int[] pids = p.pidsByLevel();
        for (PidNamespace n = own; n != null; n = n.parent()) {
            n.unregister(pids[n.level()]);
        }
        processes.remove(p.pid());
        sim.trace().record(machine.name(), "os", "exit", "pid", p.pid(), "status", status,
                "signal", signal == null ? "" : signal.name());

        // Orphans go to the init of their namespace (or the host's), which reaps them.
        for (Process child : new ArrayList<>(p.children())) {
            Process reaper = child.namespaces().pid().init();
            child.setParent(reaper != null && reaper != p ? reaper : init);
        }
        p.setParent(null);
        // The init of a PID namespace takes the whole namespace down with it.
        if (pids[pids.length - 1] == 1 && own.level() > 0) {
            for (Process other : new ArrayList<>(own.processes().values())) {
                terminate(other, Signal.SIGKILL.exitStatus(), Signal.SIGKILL);
            }
        }
        for (IntConsumer waiter : p.takeExitWaiters()) {
            waiter.accept(status);
        }
    }

    // ---- signals ------------------------------------------------------------------------------

    /**
     * Sends {@code signal} to {@code target} from {@code sender} (null: the kernel or another
     * machine, such as the container engine).
     *
     * <p>Init protection as in Linux: the init of a PID namespace only receives signals it has a
     * handler for, except SIGKILL and SIGSTOP sent from an ancestor namespace. That is why
     * {@code docker stop} of a container whose init ignores SIGTERM waits the grace period and then
     * kills it.
     */
    public void signal(Process sender, Process target, Signal signal) {
        if (!target.isAlive()) {
            return;
        }
        sim.trace().record(machine.name(), "os", "signal", "pid", target.pid(), "signal", signal.name(),
                "from", sender == null ? 0 : sender.pid());
        boolean isNamespaceInit = target.localPid() == 1;
        if (isNamespaceInit && !target.hasHandler(signal)) {
            boolean fromOutside = sender == null || sender.namespaces().pid() != target.namespaces().pid()
                    && sender.namespaces().pid().contains(target.namespaces().pid());
            boolean forced = fromOutside && !signal.isCatchable();
            if (!forced) {
                return;
            }
        }
        switch (signal) {
            case SIGKILL -> terminate(target, signal.exitStatus(), signal);
            case SIGSTOP -> {
                target.setStopped(true);
                cpu.limitsChanged();
            }
            case SIGCONT -> {
                target.setStopped(false);
                cpu.limitsChanged();
                deliverHandler(target, signal);
                target.runDeferred();
            }
            default -> {
                if (target.hasHandler(signal)) {
                    deliverHandler(target, signal);
                } else if (signal.terminatesByDefault()) {
                    terminate(target, signal.exitStatus(), signal);
                }
            }
        }
    }

    private void deliverHandler(Process target, Signal signal) {
        Process.SignalHandler h = target.handler(signal);
        if (h == null) {
            return;
        }
        Runnable call = () -> h.handle(signal);
        if (target.isFrozen()) {
            target.defer(call);
        } else {
            target.runAsCurrent(call);
        }
    }

    /** Freezes a cgroup (docker pause): its processes make no progress until thawed. */
    public void freeze(Cgroup g) {
        g.setFrozenFlag(true);
        cpu.limitsChanged();
    }

    public void thaw(Cgroup g) {
        g.setFrozenFlag(false);
        cpu.limitsChanged();
        for (Process p : g.allMembers()) {
            p.runDeferred();
        }
    }

    /** Moves a process to another cgroup (writing its pid to cgroup.procs). */
    public void moveToCgroup(Process p, Cgroup target) {
        p.cgroup().uncharge(p.rssBytes());
        p.cgroup().leave(p);
        p.setCgroup(target);
        target.join(p);
        target.chargeMemory(p.rssBytes());
        cpu.limitsChanged();
    }

    // ---- memory -------------------------------------------------------------------------------

    /** Memory in use on the machine: the kernel's share plus every process's resident set. */
    public long memoryUsedBytes() {
        long sum = KERNEL_RESERVED_BYTES;
        for (Process p : processes.values()) {
            sum += p.rssBytes();
        }
        return sum;
    }

    /**
     * Charges {@code bytes} more resident memory to {@code p}. When a memory.max limit (or the
     * machine's memory) would be exceeded, the OOM killer picks the largest process of the group
     * and kills it with SIGKILL (status 137), logging to dmesg as Linux does; if that is {@code p}
     * itself, its program stops here.
     */
    public void allocate(Process p, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative allocation " + bytes);
        }
        for (int kills = 0; kills <= MAX_OOM_KILLS_PER_ALLOCATION; kills++) {
            if (!p.isAlive()) {
                throw new ProcessTerminated();
            }
            Cgroup hit = p.cgroup().memoryLimitHitBy(bytes);
            boolean machineFull = memoryUsedBytes() + bytes > machine.memoryBytes();
            if (hit == null && !machineFull) {
                p.cgroup().chargeMemory(bytes);
                p.setRss(p.rssBytes() + bytes);
                return;
            }
            oomKill(p, hit, bytes);
        }
        throw new OsException(Errno.ENOMEM, "allocate");
    }

    /** Returns {@code bytes} of resident memory. */
    public void free(Process p, long bytes) {
        long give = Math.min(bytes, p.rssBytes());
        p.setRss(p.rssBytes() - give);
        p.cgroup().uncharge(give);
    }

    private void oomKill(Process requester, Cgroup group, long requestBytes) {
        List<Process> candidates = group != null ? group.allMembers() : processes();
        Process victim = null;
        for (Process c : candidates) {
            long score = c.rssBytes() + (c == requester ? requestBytes : 0);
            long best = victim == null ? -1 : victim.rssBytes() + (victim == requester ? requestBytes : 0);
            if (c.localPid() != 1 || c == requester || group != null) {
                if (score > best || (score == best && victim != null && c.pid() > victim.pid())) {
                    victim = c;
                }
            }
        }
        if (victim == null) {
            victim = requester;
        }
        String memcg = group != null ? group.path() : "/";
        log(requester.comm() + " invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0");
        if (group != null) {
            log("memory: usage " + group.memoryCurrentBytes() / 1024 + "kB, limit " + group.memoryMaxBytes() / 1024
                    + "kB, failcnt " + (group.oomKills() + 1));
        }
        log("oom-kill:constraint=" + (group != null ? "CONSTRAINT_MEMCG" : "CONSTRAINT_NONE")
                + ",nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=" + memcg + ",task_memcg="
                + victim.cgroup().path() + ",task=" + victim.comm() + ",pid=" + victim.pid() + ",uid="
                + victim.credentials().uid());
        log((group != null ? "Memory cgroup out of memory" : "Out of memory") + ": Killed process " + victim.pid()
                + " (" + victim.comm() + ") total-vm:" + victim.vszBytes() / 1024 + "kB, anon-rss:"
                + victim.rssBytes() / 1024 + "kB, file-rss:0kB, shmem-rss:0kB, UID:" + victim.credentials().uid()
                + " pgtables:" + Math.max(4, victim.rssBytes() / 1024 / 512) + "kB oom_score_adj:0");
        if (group != null) {
            group.recordOomKill();
        }
        sim.trace().record(machine.name(), "os", "oom-kill", "pid", victim.pid(), "cgroup", memcg);
        terminate(victim, Signal.SIGKILL.exitStatus(), Signal.SIGKILL);
    }

    // ---- unix sockets -------------------------------------------------------------------------

    /** A daemon listens on a unix socket at {@code path}; clients on this machine reach it by path. */
    public void bindUnixSocket(String path, Object endpoint) {
        unixSockets.put(path, endpoint);
    }

    /** The endpoint listening at {@code path}, or null (a client then reports it cannot connect). */
    public Object unixSocket(String path) {
        return unixSockets.get(path);
    }

    // ---- kernel log and lifecycle -------------------------------------------------------------

    /** Appends a line to the kernel log (dmesg), stamped with the time since boot. */
    public void log(String message) {
        kernelLog.log(machine.uptimeNanos(), message);
    }

    private void requireRunning() {
        if (!machine.isRunning()) {
            throw new OsException(Errno.EAGAIN, "machine " + machine.name() + " is not running");
        }
    }

    @Override
    public void onCrash(Machine m) {
        wipe();
    }

    @Override
    public void onPowerOff(Machine m) {
        // A clean shutdown: every process gets SIGTERM then dies; nothing of it survives either.
        for (Process p : processes()) {
            terminate(p, Signal.SIGTERM.exitStatus(), Signal.SIGTERM);
        }
        wipe();
    }

    @Override
    public void onRestart(Machine m) {
        boot();
    }

    /** All volatile state is gone: processes, cgroups, run queues, the kernel log. */
    private void wipe() {
        processes.clear();
        unixSockets.clear();
        cpu.reset();
        kernelLog.clear();
        current = null;
        init = null;
    }

    /** Thrown through program code when its own process is killed during a system call. */
    static final class ProcessTerminated extends RuntimeException {
        ProcessTerminated() {
            super(null, null, false, false);
        }
    }
}
