package clusterlab.kernel.os;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.SimRandom;
import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.fs.FsPath;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The system-call interface a {@link Program} sees: its arguments and environment, files through
 * its mount namespace, standard streams, timers in virtual time, CPU work and memory under its
 * cgroup's limits, child processes and signals.
 */
public final class ProcessContext {
    private final OperatingSystem os;
    private final Process process;
    private SimRandom random;
    private ProcessSockets sockets;

    ProcessContext(OperatingSystem os, Process process) {
        this.os = os;
        this.process = process;
    }

    public Process process() {
        return process;
    }

    public OperatingSystem os() {
        return os;
    }

    /** Current virtual time in nanoseconds. */
    public long now() {
        return os.machine().simulation().now();
    }

    // ---- identity, arguments, environment -----------------------------------------------------

    /** The process's pid in its own namespace (what it would print for $$). */
    public int pid() {
        return process.localPid();
    }

    public List<String> argv() {
        return process.argv();
    }

    /** The arguments after argv[0]. */
    public List<String> args() {
        List<String> a = process.argv();
        return a.subList(1, a.size());
    }

    /**
     * Rewrites the command line ps shows, as nginx's setproctitle does ("nginx: master process
     * ..."); the executable and comm stay the same.
     */
    public void setProcessTitle(String title) {
        process.setArgv(List.of(title));
    }

    public Map<String, String> env() {
        return process.env();
    }

    public String getenv(String name) {
        return process.env().get(name);
    }

    public void setenv(String name, String value) {
        process.putEnv(name, value);
    }

    public Credentials credentials() {
        return process.credentials();
    }

    public String hostname() {
        return process.namespaces().uts().hostname();
    }

    /** A random stream private to this process, stable for a given seed. */
    public SimRandom random() {
        if (random == null) {
            random = os.machine().simulation().random()
                    .stream("proc/" + os.machine().name() + "/" + process.pid() + "@" + process.startTime());
        }
        return random;
    }

    // ---- files --------------------------------------------------------------------------------

    /** The filesystem tree this process sees from /. */
    public Filesystem fs() {
        return process.namespaces().mnt().root();
    }

    public String cwd() {
        return process.cwd();
    }

    /** An absolute, normalized path for {@code path} relative to the working directory. */
    public String resolve(String path) {
        return FsPath.resolve(FsPath.of(process.cwd()), path).toString();
    }

    /** {@code chdir}: fails with ENOENT or ENOTDIR as Linux does. */
    public void chdir(String path) {
        String target = resolve(path);
        FileStat st = fs().stat(target);
        if (!st.isDirectory()) {
            throw new FsException(Errno.ENOTDIR, path);
        }
        process.setCwd(target);
    }

    // ---- standard streams ---------------------------------------------------------------------

    public void print(String text) {
        process.stdio().out().write(text);
    }

    public void println(String line) {
        process.stdio().out().write(line + "\n");
    }

    public void eprint(String text) {
        process.stdio().err().write(text);
    }

    public void eprintln(String line) {
        process.stdio().err().write(line + "\n");
    }

    public boolean isTty() {
        return process.stdio().isTty();
    }

    public Tty tty() {
        return process.stdio().tty();
    }

    /** The terminal standard input comes from, or null when it is a pipe, a file or /dev/null. */
    public Terminal stdinTerminal() {
        Pipe in = process.stdio().in();
        return in == null ? null : in.terminal();
    }

    /**
     * Reads one line of standard input and hands it over without its newline (at EOF: what came,
     * or null when nothing did), then lets go of stdin. With {@code secret} and a terminal on
     * stdin, echo is off while the line is typed and on again after (term.ReadPassword).
     */
    public void readLine(boolean secret, Consumer<String> onLine) {
        Pipe in = process.stdio().in();
        Terminal terminal = secret ? stdinTerminal() : null;
        if (terminal != null) {
            terminal.setEcho(false);
        }
        StringBuilder typed = new StringBuilder();
        boolean[] done = {false};
        Consumer<String> finish = line -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            if (terminal != null) {
                terminal.setEcho(true);
            }
            if (in != null) {
                in.detachReader();
            }
            onLine.accept(line);
        };
        readInput(text -> {
            typed.append(text);
            int nl = typed.indexOf("\n");
            if (nl >= 0) {
                finish.accept(typed.substring(0, nl));
            }
        }, () -> finish.accept(typed.length() > 0 ? typed.toString() : null));
    }

    /**
     * Reads standard input: {@code onData} gets text as it arrives, {@code onEof} once at the end.
     * Without a stdin (/dev/null) EOF comes at once.
     */
    public void readInput(Consumer<String> onData, Runnable onEof) {
        Pipe in = process.stdio().in();
        if (in == null) {
            process.schedule(0, onEof);
            return;
        }
        in.attachReader(text -> {
            if (process.isAlive()) {
                process.runAsCurrent(() -> onData.accept(text));
            }
        }, () -> {
            if (process.isAlive()) {
                process.runAsCurrent(onEof);
            }
        });
    }

    // ---- time, CPU, memory --------------------------------------------------------------------

    /** Runs {@code action} after a delay, unless the process dies or execs first. */
    public EventHandle schedule(long delayNanos, Runnable action) {
        return process.schedule(delayNanos, action);
    }

    /** Does {@code cpuNanos} of CPU-bound work at the share the scheduler allows, then {@code then}. */
    public void compute(long cpuNanos, Runnable then) {
        os.cpu().submit(process, cpuNanos, then);
    }

    /** Takes resident memory; may get this process OOM-killed (then nothing after this runs). */
    public void allocate(long bytes) {
        os.allocate(process, bytes);
    }

    public void free(long bytes) {
        os.free(process, bytes);
    }

    /** Declares the virtual memory size (ps VSZ) the program has mapped. */
    public void setVirtualMemory(long bytes) {
        process.setVsz(bytes);
    }

    // ---- network ------------------------------------------------------------------------------

    /** Sockets on the process's network namespace. */
    public ProcessSockets net() {
        if (sockets == null) {
            sockets = new ProcessSockets(process);
        }
        return sockets;
    }

    // ---- processes and signals ----------------------------------------------------------------

    /** Forks and execs a child with this process's namespaces, cwd and environment. */
    public Process spawn(List<String> argv, Stdio stdio) {
        return os.spawn(SpawnSpec.child(process, argv, stdio));
    }

    /** Forks and execs a child as described; the parent is always this process. */
    public Process spawn(SpawnSpec spec) {
        return os.spawn(new SpawnSpec(process, spec.argv(), spec.executable(), spec.env(), spec.cwd(),
                spec.namespaces(), spec.credentials(), spec.cgroup(), spec.stdio()));
    }

    /** Replaces this process's program ({@code exec}). */
    public void exec(List<String> argv) {
        os.exec(process, argv);
    }

    /** {@code command -v}: where PATH finds {@code name}, or null. */
    public String which(String name) {
        return os.which(process, name);
    }

    /** Calls {@code onExit} with the child's status when it exits (as this process). */
    public void waitFor(Process child, IntConsumer onExit) {
        os.onExit(child, status -> {
            if (process.isAlive()) {
                process.runAsCurrent(() -> onExit.accept(status));
            }
        });
    }

    /** Installs a handler: the signal no longer has its default action. */
    public void onSignal(Signal signal, Process.SignalHandler handler) {
        if (!signal.isCatchable()) {
            throw new OsException(Errno.EINVAL, "signal " + signal.name());
        }
        process.setHandler(signal, handler);
    }

    /** Ignores a signal (SIG_IGN). */
    public void ignore(Signal signal) {
        onSignal(signal, s -> {});
    }

    /** The PID namespace this process lives in. */
    public PidNamespace pidNamespace() {
        return process.namespaces().pid();
    }

    /**
     * {@code kill(pid, sig)} with a pid as this process sees it.
     *
     * @throws OsException ESRCH when no such process is visible
     */
    public void kill(int pid, Signal signal) {
        Process target = pidNamespace().process(pid);
        if (target == null || !target.isAlive()) {
            throw new OsException(Errno.ESRCH, "(" + pid + ")");
        }
        os.signal(process, target, signal);
    }

    /** Ends the process with {@code status}; nothing of the program runs afterwards. */
    public void exit(int status) {
        os.exit(process, status);
    }
}
