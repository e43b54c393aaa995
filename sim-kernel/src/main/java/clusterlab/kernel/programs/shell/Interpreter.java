package clusterlab.kernel.programs.shell;

import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Pipe;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.SpawnSpec;
import clusterlab.kernel.os.Stdio;
import clusterlab.kernel.os.Terminal;
import clusterlab.kernel.programs.shell.Ast.AndOr;
import clusterlab.kernel.programs.shell.Ast.Assignment;
import clusterlab.kernel.programs.shell.Ast.CmdSub;
import clusterlab.kernel.programs.shell.Ast.Command;
import clusterlab.kernel.programs.shell.Ast.Compound;
import clusterlab.kernel.programs.shell.Ast.Item;
import clusterlab.kernel.programs.shell.Ast.Pipeline;
import clusterlab.kernel.programs.shell.Ast.Redirect;
import clusterlab.kernel.programs.shell.Ast.Script;
import clusterlab.kernel.programs.shell.Ast.Simple;
import clusterlab.kernel.programs.shell.Ast.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Runs the syntax tree. Everything is in continuation-passing style because commands finish in
 * virtual time (a child exits, input arrives): each step takes what to do with the status next.
 * Every simple command ends with a little simulated CPU work, which also returns to the event
 * loop so that long scripts never deepen the Java stack.
 *
 * <p>Subshells, pipeline stages and command substitutions run in another Interpreter with a copy
 * of the variables; {@code exit} there ends only that interpreter.
 */
final class Interpreter {
    final Session session;
    final ShellState state;
    private final IntConsumer exitHook;
    private boolean exited;
    /** Inside a pipeline the pipeline owns the terminal's foreground; stages leave it alone. */
    private boolean inPipeline;
    /** Set while running the condition of if/while or the left side of && / ||: set -e ignores it. */
    private int conditionDepth;
    /** Told about every process this interpreter starts (a background job's first process). */
    Consumer<Process> spawnListener;

    Interpreter(Session session, ShellState state, IntConsumer exitHook) {
        this.session = session;
        this.state = state;
        this.exitHook = exitHook;
    }

    boolean exited() {
        return exited;
    }

    /** The {@code exit} builtin: stop this interpreter and report the status to its owner. */
    void exit(int status) {
        if (!exited) {
            exited = true;
            state.lastStatus = status & 0xFF;
            exitHook.accept(status & 0xFF);
        }
    }

    /** A subshell: a copy of the variables, its own exit. */
    Interpreter subshell(IntConsumer onExit) {
        Interpreter sub = new Interpreter(session, state.copy(), onExit);
        sub.spawnListener = spawnListener;
        return sub;
    }

    void enterCondition() {
        conditionDepth++;
    }

    void leaveCondition() {
        conditionDepth--;
    }

    // ---- lists ---------------------------------------------------------------------------------

    void runScript(Script script, Io io, IntConsumer k) {
        runItems(script.items(), 0, io, k);
    }

    private void runItems(List<Item> items, int index, Io io, IntConsumer k) {
        if (exited) {
            return;
        }
        if (index >= items.size()) {
            k.accept(state.lastStatus);
            return;
        }
        Item item = items.get(index);
        session.line = item.line();
        if (item.background()) {
            startBackground(item, io);
            runItems(items, index + 1, io, k);
            return;
        }
        runAndOr(item.body(), io, status -> {
            if (state.errexit && status != 0 && conditionDepth == 0 && item.body().ops().isEmpty()
                    && !item.body().pipelines().get(0).negated()) {
                exit(status);
                return;
            }
            runItems(items, index + 1, io, k);
        });
    }

    void runAndOr(AndOr andOr, Io io, IntConsumer k) {
        runAndOrFrom(andOr, 0, io, k);
    }

    private void runAndOrFrom(AndOr andOr, int index, Io io, IntConsumer k) {
        boolean last = index == andOr.pipelines().size() - 1;
        if (!last) {
            conditionDepth++;
        }
        runPipeline(andOr.pipelines().get(index), io, status -> {
            if (!last) {
                conditionDepth--;
            }
            if (exited) {
                return;
            }
            // Skip pipelines whose operator does not match the status: "a || b && c" with a true runs c.
            int i = index;
            while (i < andOr.ops().size()) {
                String op = andOr.ops().get(i);
                if (op.equals("&&") == (status == 0)) {
                    runAndOrFrom(andOr, i + 1, io, k);
                    return;
                }
                i++;
            }
            k.accept(status);
        });
    }

    // ---- background jobs -----------------------------------------------------------------------

    private void startBackground(Item item, Io io) {
        Session.Job job = session.newJob(item.text());
        Interpreter sub = subshell(status -> finishJob(job, status));
        sub.spawnListener = p -> {
            if (job.process == null) {
                job.process = p;
            }
        };
        // Background jobs read /dev/null, as in a non-interactive shell; they must not steal the tty.
        Io bgIo = new Io(null, false, io.out(), io.err());
        sub.runAndOr(item.body(), bgIo, sub::exit);
        int pid = job.process != null ? job.process.localPid() : session.ctx.pid();
        state.lastBackgroundPid = pid;
        state.lastStatus = 0;
        if (session.interactive && session.messages.bash()) {
            io.err().write("[" + job.number + "] " + pid + "\n");
        }
    }

    private void finishJob(Session.Job job, int status) {
        job.status = status;
    }

    // ---- pipelines -----------------------------------------------------------------------------

    private void runPipeline(Pipeline pipeline, Io io, IntConsumer k) {
        IntConsumer done = pipeline.negated() ? s -> finishWith(s == 0 ? 1 : 0, k) : k;
        List<Command> commands = pipeline.commands();
        if (commands.size() == 1) {
            runCommand(commands.get(0), io, done);
            return;
        }
        Terminal terminal = session.terminal();
        if (terminal != null && !inPipeline) {
            // Ctrl-C must reach every stage: the shell keeps the foreground and its tree is signalled.
            terminal.setForeground(session.ctx.process());
        }
        int n = commands.size();
        int[] remaining = {n};
        int[] lastStatus = {0};
        session.foregroundWaits++;
        Pipe previous = null;
        for (int i = 0; i < n; i++) {
            Pipe next = i < n - 1 ? new Pipe() : null;
            Io stageIo = new Io(i == 0 ? io.in() : previous, i == 0 && io.shellIn(),
                    next != null ? next : io.out(), io.err());
            boolean isLast = i == n - 1;
            Pipe stageOut = next;
            boolean[] finished = {false};
            IntConsumer stageDone = status -> {
                if (finished[0]) {
                    return;
                }
                finished[0] = true;
                if (stageOut != null) {
                    stageOut.close();
                }
                if (isLast) {
                    lastStatus[0] = status;
                }
                if (--remaining[0] == 0) {
                    session.foregroundWaits--;
                    reportSignal(signalOf(lastStatus[0]), io);
                    state.lastStatus = lastStatus[0];
                    done.accept(lastStatus[0]);
                }
            };
            Interpreter stage = subshell(stageDone);
            stage.inPipeline = true;
            stage.runCommand(commands.get(i), stageIo, stageDone);
            previous = next;
        }
    }

    // ---- commands ------------------------------------------------------------------------------

    void runCommand(Command command, Io io, IntConsumer k) {
        if (exited) {
            return;
        }
        if (command instanceof Simple s) {
            runSimple(s, io, k);
        } else if (command instanceof Compound c) {
            runCompound(c, io, k);
        }
    }

    private void runCompound(Compound c, Io io, IntConsumer k) {
        List<CmdSub> subs = new ArrayList<>();
        collectRedirects(c.redirects(), subs);
        Map<CmdSub, String> results = Expander.newResults();
        substitute(subs, 0, io, results, subStatus -> {
            Io effective;
            try {
                effective = Redirections.apply(session, c.redirects(), new Expander(state, results), io);
            } catch (Redirections.Failure f) {
                session.error(io.err(), f.getMessage());
                finishWith(1, k);
                return;
            } catch (Expander.ExpansionError e) {
                session.error(io.err(), e.getMessage());
                finishWith(1, k);
                return;
            }
            new CompoundRunner(this).run(c.body(), effective, k);
        });
    }

    private void runSimple(Simple cmd, Io io, IntConsumer k) {
        session.line = cmd.line();
        List<CmdSub> subs = new ArrayList<>();
        for (Assignment a : cmd.assignments()) {
            Expander.collect(a.value(), subs);
        }
        for (Word w : cmd.words()) {
            Expander.collect(w, subs);
        }
        collectRedirects(cmd.redirects(), subs);
        Map<CmdSub, String> results = Expander.newResults();
        substitute(subs, 0, io, results, subStatus -> {
            session.line = cmd.line();
            Expander expander = new Expander(state, results).withGlob(new Glob(session.ctx.fs(), session.ctx.cwd()));
            List<String> fields;
            Map<String, String> assignments = new LinkedHashMap<>();
            Io effective;
            try {
                for (Assignment a : cmd.assignments()) {
                    assignments.put(a.name(), expander.string(a.value()));
                }
                fields = expander.fields(cmd.words());
                effective = Redirections.apply(session, cmd.redirects(), expander, io);
            } catch (Expander.ExpansionError e) {
                session.error(io.err(), e.getMessage());
                finishWith(1, k);
                return;
            } catch (Redirections.Failure f) {
                session.error(io.err(), f.getMessage());
                finishWith(1, k);
                return;
            }
            if (fields.isEmpty()) {
                assignments.forEach(state::set);
                finishWith(subs.isEmpty() ? 0 : subStatus, k);
                return;
            }
            String name = fields.get(0);
            Builtins.Builtin builtin = name.contains("/") ? null : Builtins.lookup(name, session.messages.bash());
            if (builtin != null) {
                runBuiltin(builtin, fields, assignments, effective, k);
            } else {
                runExternal(fields, state.environment(assignments), effective, k);
            }
        });
    }

    private void runBuiltin(Builtins.Builtin builtin, List<String> argv, Map<String, String> assignments, Io io,
            IntConsumer k) {
        // Assignments before a builtin hold for it only (IFS=: read a b).
        Map<String, String> saved = new LinkedHashMap<>();
        for (String name : assignments.keySet()) {
            saved.put(name, state.get(name));
            state.set(name, assignments.get(name));
        }
        builtin.run(this, argv, io, status -> {
            saved.forEach((name, old) -> {
                if (old == null) {
                    state.vars.remove(name);
                } else {
                    state.set(name, old);
                }
            });
            finishWith(status, k);
        });
    }

    /** Command substitutions, one after another, each in a subshell with its output captured. */
    void substitute(List<CmdSub> subs, int index, Io io, Map<CmdSub, String> results, IntConsumer then) {
        if (index >= subs.size()) {
            then.accept(state.lastStatus);
            return;
        }
        CmdSub sub = subs.get(index);
        StringBuilder out = new StringBuilder();
        String cwd = session.ctx.cwd();
        boolean[] done = {false};
        IntConsumer finished = status -> {
            if (done[0]) {
                return;
            }
            done[0] = true;
            restoreCwd(cwd);
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == '\n') {
                end--;
            }
            results.put(sub, out.substring(0, end));
            state.lastStatus = status;
            substitute(subs, index + 1, io, results, then);
        };
        Interpreter child = subshell(finished);
        child.inPipeline = true;
        OutputSink capture = text -> {
            if (out.length() < Expander.MAX_WORD_CHARS) {
                out.append(text);
            }
        };
        child.runScript(sub.script(), new Io(io.in(), io.shellIn(), capture, io.err()), finished);
    }

    void restoreCwd(String cwd) {
        if (!session.ctx.cwd().equals(cwd)) {
            try {
                session.ctx.chdir(cwd);
            } catch (RuntimeException e) {
                // the directory went away meanwhile; stay where we are
            }
        }
    }

    private static void collectRedirects(List<Redirect> redirects, List<CmdSub> subs) {
        for (Redirect r : redirects) {
            Expander.collect(r.target(), subs);
            if (r.hereDoc() != null) {
                Expander.collect(r.hereDoc().body(), subs);
            }
        }
    }

    /** Runs an already expanded command line as an external program (the command builtin). */
    void runArgv(List<String> argv, Io io, IntConsumer k) {
        runExternal(argv, state.environment(Map.of()), io, k);
    }

    // ---- external commands ---------------------------------------------------------------------

    private void runExternal(List<String> argv, Map<String, String> env, Io io, IntConsumer k) {
        Pipe stdin = io.shellIn() ? session.input.lend() : io.in();
        Process child;
        try {
            child = session.ctx.spawn(SpawnSpec.child(session.ctx.process(), argv,
                    new Stdio(stdin, keepOpen(io.out()), keepOpen(io.err()), session.ctx.tty())).withEnv(env));
        } catch (IllegalArgumentException e) {
            // a path longer than PATH_MAX: execve fails (ENAMETOOLONG, reported like a missing file)
            if (io.shellIn()) {
                session.input.takeBack();
            }
            finishWith(spawnFailure(argv.get(0), Errno.ENOENT, io), k);
            return;
        } catch (OsException e) {
            if (io.shellIn()) {
                session.input.takeBack();
            }
            if (e.errno() == Errno.ENOEXEC) {
                runAsScript(argv, env, io, k);
                return;
            }
            finishWith(spawnFailure(argv.get(0), e.errno(), io), k);
            return;
        }
        if (spawnListener != null) {
            spawnListener.accept(child);
        }
        Terminal terminal = session.terminal();
        boolean ownsTerminal = terminal != null && !inPipeline;
        if (ownsTerminal) {
            terminal.setForeground(child);
        }
        session.foregroundWaits++;
        session.ctx.waitFor(child, status -> {
            session.foregroundWaits--;
            if (io.shellIn()) {
                session.input.takeBack();
            }
            if (ownsTerminal) {
                terminal.setForeground(session.ctx.process());
            }
            if (!inPipeline) {
                reportSignal(child.terminatedBy(), io);
            }
            if (!session.interactive && terminal != null && child.terminatedBy() == Signal.SIGINT) {
                // Ctrl-C hit the whole foreground process group: a script shell dies of it too, once
                // its child has (bash's wait_sigint_handler), instead of running the next command.
                session.ctx.kill(session.ctx.pid(), Signal.SIGINT);
                if (session.ctx.process().isAlive()) {
                    session.ctx.exit(Signal.SIGINT.exitStatus()); // a namespace init ignores it
                }
                return;
            }
            finishWith(status, k);
        });
    }

    /** A file without #! or a binary header runs as a shell script (execve's ENOEXEC fallback). */
    private void runAsScript(List<String> argv, Map<String, String> env, Io io, IntConsumer k) {
        List<String> scriptArgv = new ArrayList<>();
        scriptArgv.add(session.shellPath);
        scriptArgv.addAll(argv);
        try {
            String path = session.ctx.resolve(argv.get(0));
            byte[] head = session.ctx.fs().readFile(path);
            for (int i = 0; i < Math.min(head.length, 512); i++) {
                if (head[i] == 0) {
                    session.error(io.err(), argv.get(0) + ": cannot execute binary file: Exec format error");
                    finishWith(126, k);
                    return;
                }
            }
        } catch (RuntimeException e) {
            finishWith(spawnFailure(argv.get(0), Errno.ENOENT, io), k);
            return;
        }
        runExternal(scriptArgv, env, io, k);
    }

    private int spawnFailure(String name, Errno errno, Io io) {
        Messages m = session.messages;
        switch (errno) {
            case ENOENT -> {
                session.error(io.err(), name.contains("/") ? m.noSuchFile(name) : m.notFound(name));
                return 127;
            }
            case EACCES -> {
                boolean dir = false;
                try {
                    dir = name.contains("/") && session.ctx.fs().stat(session.ctx.resolve(name)).isDirectory();
                } catch (RuntimeException e) {
                    dir = false;
                }
                session.error(io.err(), name + ": " + (dir ? Errno.EISDIR.text() : Errno.EACCES.text()));
                return 126;
            }
            case EAGAIN -> {
                session.error(io.err(), "fork: " + Errno.EAGAIN.text());
                return 254;
            }
            default -> {
                session.error(io.err(), name + ": " + errno.text());
                return 126;
            }
        }
    }

    /** What interactive bash prints when a foreground job dies of a signal. */
    private void reportSignal(Signal signal, Io io) {
        if (!session.interactive || signal == null) {
            return;
        }
        switch (signal) {
            case SIGINT -> io.err().write("\n");
            case SIGKILL -> io.err().write("Killed\n");
            case SIGTERM -> io.err().write("Terminated\n");
            default -> { }
        }
    }

    /** The signal a pipeline's last stage died of, judged from its status (the processes are gone). */
    private static Signal signalOf(int status) {
        for (Signal sig : List.of(Signal.SIGINT, Signal.SIGKILL, Signal.SIGTERM)) {
            if (status == sig.exitStatus()) {
                return sig;
            }
        }
        return null;
    }

    /** A sink for a child that passes writes on but not close: the shell still uses the stream. */
    static OutputSink keepOpen(OutputSink sink) {
        // (a pipeline's own pipes are closed by the pipeline when the stage ends)
        return sink == OutputSink.DISCARD ? sink : sink::write;
    }

    /** Records the status and charges the command's CPU before going on (also unwinds the stack). */
    void finishWith(int status, IntConsumer k) {
        if (exited) {
            return;
        }
        state.lastStatus = status;
        session.ctx.compute(Session.COMMAND_CPU_NANOS, () -> {
            if (!exited) {
                k.accept(status);
            }
        });
    }
}
