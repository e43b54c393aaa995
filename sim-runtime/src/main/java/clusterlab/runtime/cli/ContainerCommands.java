package clusterlab.runtime.cli;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FsChange;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.Stdio;
import clusterlab.kernel.os.Tty;
import clusterlab.runtime.cli.format.Formatter;
import clusterlab.runtime.cli.format.TabWriter;
import clusterlab.runtime.cli.format.TemplateException;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.ContainerLog;
import clusterlab.runtime.engine.ExecInstance;
import clusterlab.runtime.engine.EngineException;
import clusterlab.runtime.engine.ExecSpec;
import clusterlab.runtime.engine.PortBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The container commands of the client (all but run/create, which are {@link RunCommand}). */
final class ContainerCommands {
    private ContainerCommands() {}

    // ---- ls / ps ------------------------------------------------------------------------------

    static void ls(Invocation inv) {
        boolean all = inv.cmd.bool("all");
        boolean latest = inv.cmd.bool("latest");
        long last = inv.cmd.changed("last") ? inv.cmd.integer("last") : -1;
        boolean truncate = !inv.cmd.bool("no-trunc");
        List<Container> shown = new ArrayList<>();
        for (Container c : inv.engine.containers()) {
            if (all || latest || last >= 0 || c.isRunning() || c.state() == clusterlab.runtime.engine.ContainerState.RESTARTING) {
                shown.add(c);
            }
        }
        if (latest && !shown.isEmpty()) {
            shown = List.of(shown.get(0));
        } else if (last >= 0 && shown.size() > last) {
            shown = shown.subList(0, (int) last);
        }
        if (inv.cmd.bool("quiet")) {
            for (Container c : shown) {
                inv.outln(truncate ? c.shortId() : c.id());
            }
            inv.exit(0);
            return;
        }
        String format = inv.cmd.changed("format") ? inv.cmd.string("format") : ContainerViews.PS_FORMAT;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Container c : shown) {
            rows.add(ContainerViews.psRow(c, inv.now(), truncate));
        }
        try {
            inv.out(Formatter.render(format, ContainerViews.PS_HEADERS, rows));
            inv.exit(0);
        } catch (TemplateException e) {
            inv.errln(e.getMessage());
            inv.exit(1);
        }
    }

    // ---- lifecycle on several containers ---------------------------------------------------

    /** Applies {@code action} to each named container in turn, printing each name on success. */
    private static void eachSequentially(Invocation inv, List<String> refs, int index,
            java.util.function.BiConsumer<Container, Runnable> action) {
        eachSequentially(inv, refs, index, true, action);
    }

    private static void eachSequentially(Invocation inv, List<String> refs, int index, boolean printNames,
            java.util.function.BiConsumer<Container, Runnable> action) {
        if (index >= refs.size()) {
            inv.finish();
            return;
        }
        String ref = refs.get(index);
        Runnable next = () -> eachSequentially(inv, refs, index + 1, printNames, action);
        try {
            Container c = inv.engine.container(ref);
            action.accept(c, () -> {
                if (printNames) {
                    inv.outln(ref);
                }
                next.run();
            });
        } catch (EngineException e) {
            inv.daemonError(e);
            next.run();
        }
    }

    static void stop(Invocation inv) {
        long timeout = inv.cmd.changed("time") ? inv.cmd.integer("time") * Time.SECOND : -1;
        eachInParallel(inv, inv.args(), (c, done) -> inv.engine.stop(c, timeoutOf(c, timeout), done));
    }

    /**
     * docker/cli's parallelOperation: every container's operation starts at once; the results
     * are printed in the order of the arguments (a name, or the daemon's error), each as soon as
     * it and the ones before it are done.
     */
    private static void eachInParallel(Invocation inv, List<String> refs,
            java.util.function.BiConsumer<Container, Runnable> action) {
        Object[] results = new Object[refs.size()];
        int[] printed = {0};
        boolean[] finished = {false};
        Runnable flush = () -> {
            while (printed[0] < refs.size() && results[printed[0]] != null) {
                Object r = results[printed[0]];
                if (r instanceof EngineException e) {
                    inv.daemonError(e);
                } else {
                    inv.outln(refs.get(printed[0]));
                }
                printed[0]++;
            }
            if (printed[0] == refs.size() && !finished[0]) {
                finished[0] = true;
                inv.finish();
            }
        };
        for (int i = 0; i < refs.size(); i++) {
            int index = i;
            try {
                Container c = inv.engine.container(refs.get(i));
                action.accept(c, () -> {
                    results[index] = Boolean.TRUE;
                    flush.run();
                });
            } catch (EngineException e) {
                results[index] = e;
            }
        }
        flush.run();
    }

    private static long timeoutOf(Container c, long requested) {
        if (requested >= 0) {
            return requested;
        }
        Integer own = c.spec().stopTimeoutSeconds();
        return (own == null ? 10 : own) * Time.SECOND;
    }

    static void restart(Invocation inv) {
        long timeout = inv.cmd.changed("time") ? inv.cmd.integer("time") * Time.SECOND : -1;
        eachSequentially(inv, inv.args(), 0, (c, done) -> inv.engine.stop(c, timeoutOf(c, timeout), () -> {
            try {
                inv.engine.start(c);
                done.run();
            } catch (EngineException e) {
                inv.daemonError(e);
                eachDone(inv);
            }
        }));
    }

    private static void eachDone(Invocation inv) {
        inv.finish();
    }

    static void start(Invocation inv) {
        eachSequentially(inv, inv.args(), 0, (c, done) -> {
            try {
                inv.engine.start(c);
                done.run();
            } catch (EngineException e) {
                inv.daemonError(e);
                inv.errln("Error: failed to start containers: " + c.name());
                inv.finish();
            }
        });
    }

    static void kill(Invocation inv) {
        Signal signal;
        try {
            signal = inv.cmd.changed("signal") ? Signal.parse(inv.cmd.string("signal")) : Signal.SIGKILL;
        } catch (IllegalArgumentException e) {
            inv.daemonError(EngineException.badRequest("Invalid signal: " + inv.cmd.string("signal")));
            inv.finish();
            return;
        }
        eachSequentially(inv, inv.args(), 0, (c, done) -> {
            inv.engine.kill(c, signal);
            done.run();
        });
    }

    static void rm(Invocation inv) {
        boolean force = inv.cmd.bool("force");
        boolean volumes = inv.cmd.bool("volumes");
        eachSequentially(inv, inv.args(), 0, (c, done) -> inv.engine.remove(c, force, volumes, done));
    }

    static void pause(Invocation inv) {
        eachSequentially(inv, inv.args(), 0, (c, done) -> {
            inv.engine.pause(c);
            done.run();
        });
    }

    static void unpause(Invocation inv) {
        eachSequentially(inv, inv.args(), 0, (c, done) -> {
            inv.engine.unpause(c);
            done.run();
        });
    }

    static void rename(Invocation inv) {
        try {
            inv.engine.rename(inv.engine.container(inv.arg(0)), inv.arg(1));
        } catch (EngineException e) {
            inv.daemonError(e);
        }
        inv.finish();
    }

    /** {@code docker wait}: each container's exit code once it stops (not its name). */
    static void waitFor(Invocation inv) {
        eachSequentially(inv, inv.args(), 0, false, (c, done) -> inv.engine.whenExited(c, status -> {
            inv.outln(String.valueOf(status));
            done.run();
        }));
    }

    // ---- logs ---------------------------------------------------------------------------------

    static void logs(Invocation inv) {
        Container c = inv.containerArgOrFinish();
        if (c == null) {
            return;
        }
        boolean timestamps = inv.cmd.bool("timestamps");
        List<ContainerLog.Entry> entries = c.log().entries();
        if (inv.cmd.changed("tail") && !inv.cmd.string("tail").equals("all")) {
            int n;
            try {
                n = Integer.parseInt(inv.cmd.string("tail"));
            } catch (NumberFormatException e) {
                n = entries.size();
            }
            entries = entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size());
        }
        Consumer<ContainerLog.Entry> print = e -> {
            String text = (timestamps ? ContainerViews.rfc3339(e.timeNanos()) + " " : "") + e.text();
            if (e.stream() == ContainerLog.Stream.STDERR) {
                inv.ctx.eprint(text);
            } else {
                inv.ctx.print(text);
            }
        };
        entries.forEach(print);
        if (!inv.cmd.bool("follow") || !c.isRunning()) {
            inv.exit(0);
            return;
        }
        c.log().follow(print);
        inv.engine.whenExited(c, status -> {
            c.log().unfollow(print);
            inv.exit(0);
        });
        inv.ctx.onSignal(Signal.SIGINT, s -> {
            c.log().unfollow(print);
            inv.exit(130);
        });
    }

    // ---- exec ---------------------------------------------------------------------------------

    static void exec(Invocation inv) {
        Container c = inv.containerArgOrFinish();
        if (c == null) {
            return;
        }
        List<String> cmd = inv.args().subList(1, inv.args().size());
        boolean tty = inv.cmd.bool("tty");
        boolean interactive = inv.cmd.bool("interactive");
        boolean detach = inv.cmd.bool("detach");
        Stdio own = inv.ctx.process().stdio();
        Stdio stdio = detach ? Stdio.discard()
                : new Stdio(interactive ? own.in() : null, own.out(), tty ? own.out() : own.err(),
                        tty ? (own.tty() != null ? own.tty() : Tty.of("pts/1")) : null);
        ExecInstance exec;
        try {
            exec = inv.engine.exec(c, new ExecSpec(cmd, inv.cmd.strings("env"),
                    inv.cmd.changed("user") ? inv.cmd.string("user") : null,
                    inv.cmd.changed("workdir") ? inv.cmd.string("workdir") : null, tty, stdio));
        } catch (EngineException e) {
            inv.daemonError(e);
            boolean notFound = e.getMessage().contains("executable file not found")
                    || e.getMessage().contains("no such file or directory");
            inv.exit(e.getMessage().startsWith("OCI runtime exec failed") ? (notFound ? 126 : 126) : 1);
            return;
        }
        if (detach) {
            inv.exit(0);
            return;
        }
        Process p = exec.process();
        if (interactive && own.in() != null) {
            own.in().detachReader(); // the exec'd process reads the terminal now
        }
        inv.ctx.onSignal(Signal.SIGINT, s -> inv.engine.host().os().signal(null, p, Signal.SIGINT));
        inv.ctx.waitFor(p, inv::exit);
    }

    // ---- inspect, port, top, diff -------------------------------------------------------------

    static void inspect(Invocation inv) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String ref : inv.args()) {
            try {
                docs.add(ContainerViews.inspect(inv.engine.container(ref), inv.now()));
            } catch (EngineException e) {
                inv.clientError("Error: No such container: " + ref);
            }
        }
        inv.printInspect(docs);
    }

    static void port(Invocation inv) {
        Container c = inv.containerArgOrFinish();
        if (c == null) {
            return;
        }
        String filter = inv.args().size() > 1 ? inv.arg(1) : null;
        if (filter != null && !filter.contains("/")) {
            filter = filter + "/tcp";
        }
        boolean found = false;
        for (PortBinding p : c.isRunning() ? c.ports() : List.<PortBinding>of()) {
            if (filter == null) {
                inv.outln(p.containerKey() + " -> " + p.hostIp() + ":" + p.hostPort());
                found = true;
            } else if (filter.equals(p.containerKey())) {
                inv.outln(p.hostIp() + ":" + p.hostPort());
                found = true;
            }
        }
        if (filter != null && !found) {
            inv.clientError("Error: No public port '" + filter + "' published for " + inv.arg(0));
        }
        inv.finish();
    }

    static void top(Invocation inv) {
        Container c;
        try {
            c = inv.engine.container(inv.arg(0));
            if (!c.isRunning()) {
                throw EngineException.conflict("Container " + c.id() + " is not running");
            }
        } catch (EngineException e) {
            inv.daemonError(e);
            inv.finish();
            return;
        }
        TabWriter table = TabWriter.docker();
        table.row("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
        for (Process p : c.cgroup().allMembers()) {
            long cpuSeconds = p.cpuTimeNanos() / Time.SECOND;
            String time = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", cpuSeconds / 3600,
                    cpuSeconds / 60 % 60, cpuSeconds % 60);
            String stime = Time.wallClockUtc(p.startTime()).toLocalTime().toString().substring(0, 5);
            table.row(p.credentials().uid() == 0 ? "root" : String.valueOf(p.credentials().uid()),
                    String.valueOf(p.pid()), String.valueOf(p.parent() == null ? 0 : p.parent().pid()), "0",
                    stime, p.stdio().tty() == null ? "?" : p.stdio().tty().name(), time, p.commandLine());
        }
        inv.out(table.render());
        inv.finish();
    }

    static void diff(Invocation inv) {
        try {
            Container c = inv.engine.container(inv.arg(0));
            for (FsChange change : c.rootfs().changes()) {
                if (isDockerManaged(change.path())) {
                    continue; // /etc/hostname, hosts and resolv.conf are bind mounts, not changes
                }
                inv.outln(change.line());
            }
        } catch (EngineException e) {
            inv.daemonError(e);
        }
        inv.finish();
    }

    private static boolean isDockerManaged(String path) {
        return path.equals("/etc/hostname") || path.equals("/etc/hosts") || path.equals("/etc/resolv.conf");
    }
}
