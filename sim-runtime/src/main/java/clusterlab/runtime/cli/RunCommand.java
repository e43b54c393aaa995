package clusterlab.runtime.cli;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Pipe;
import clusterlab.kernel.os.Signal;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.ContainerLog;
import clusterlab.runtime.engine.CreateSpec;
import clusterlab.runtime.engine.EngineException;
import clusterlab.runtime.engine.MountSpec;
import clusterlab.runtime.engine.PortBinding;
import clusterlab.runtime.engine.RestartPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code docker container run} and {@code create}: flags to a {@link CreateSpec}, an implicit
 * pull when the image is missing ({@code Unable to find image 'ubuntu:latest' locally}), then
 * create, start, and either print the id ({@code -d}) or stay attached: streaming the
 * container's output, feeding it standard input ({@code -i}), forwarding Ctrl-C (sig-proxy), and
 * exiting with the container's status.
 */
final class RunCommand {
    private RunCommand() {}

    /** Builds the spec from run/create flags; a bad flag value ends the command as docker does. */
    static CreateSpec spec(Invocation inv) {
        var c = inv.cmd;
        List<String> args = inv.args();
        String image = args.get(0);
        List<String> cmd = args.size() > 1 ? args.subList(1, args.size()) : null;
        List<PortBinding> ports = new ArrayList<>();
        for (String p : c.strings("publish")) {
            ports.addAll(PortBinding.parse(p));
        }
        List<MountSpec> mounts = new ArrayList<>();
        for (String v : c.strings("volume")) {
            mounts.add(MountSpec.parseVolume(v));
        }
        for (String m : c.strings("mount")) {
            mounts.add(MountSpec.parseMount(m));
        }
        List<String> env = new ArrayList<>();
        for (String e : c.strings("env")) {
            if (e.contains("=")) {
                env.add(e);
            } else {
                String v = inv.ctx.getenv(e); // -e NAME passes the client's value through, as docker does
                if (v != null) {
                    env.add(e + "=" + v);
                }
            }
        }
        TreeMap<String, String> labels = new TreeMap<>();
        for (String l : c.strings("label")) {
            int eq = l.indexOf('=');
            labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
        }
        List<String> entrypoint = c.changed("entrypoint") ? splitEntrypoint(c.string("entrypoint")) : null;
        String network = c.changed("network") ? c.string("network") : null;
        Integer stopTimeout = c.changed("stop-timeout") ? (int) c.integer("stop-timeout") : null;
        return new CreateSpec(image, c.changed("name") ? c.string("name") : null, cmd, entrypoint, env,
                c.changed("hostname") ? c.string("hostname") : null,
                c.changed("workdir") ? c.string("workdir") : null,
                c.changed("user") ? c.string("user") : null,
                c.bool("tty"), c.bool("interactive"), ports, c.bool("publish-all"), mounts,
                c.changed("memory") ? c.bytes("memory") : 0,
                c.changed("cpus") ? c.nanoCpus("cpus") : 0,
                c.changed("pids-limit") ? c.integer("pids-limit") : 0,
                RestartPolicy.parse(c.changed("restart") ? c.string("restart") : "no"),
                network, c.bool("rm"), labels,
                c.changed("stop-signal") ? c.string("stop-signal") : null, stopTimeout,
                c.changed("userns") ? c.string("userns") : null);
    }

    private static List<String> splitEntrypoint(String text) {
        return text.isEmpty() ? List.of() : List.of(text);
    }

    static void run(Invocation inv, boolean startIt) {
        CreateSpec spec;
        try {
            spec = spec(inv);
        } catch (IllegalArgumentException bad) {
            inv.runError(bad.getMessage(), 125);
            return;
        }
        if (spec.userns() != null && !spec.userns().isEmpty() && !spec.userns().equals("host")) {
            inv.runError("Error response from daemon: invalid USER mode: " + spec.userns(), 125);
            return;
        }
        if (spec.autoRemove() && !spec.restartPolicy().name().equals("no")) {
            inv.runError("Conflicting options: --restart and --rm", 125);
            return;
        }
        ImagePulls.ensureLocal(inv, spec.image(), () -> createAndMaybeStart(inv, spec, startIt),
                message -> inv.runError(message, 125));
    }

    private static void createAndMaybeStart(Invocation inv, CreateSpec spec, boolean startIt) {
        Container c;
        try {
            c = inv.engine.create(spec);
        } catch (EngineException e) {
            inv.runError("Error response from daemon: " + e.getMessage(), 125);
            return;
        }
        if (!startIt) {
            inv.outln(c.id());
            inv.exit(0);
            return;
        }
        boolean detach = inv.cmd.bool("detach");
        List<Consumer<ContainerLog.Entry>> follower = new ArrayList<>();
        if (!detach) {
            // Attach before starting, so not a line of output is missed.
            Consumer<ContainerLog.Entry> f = e -> {
                if (e.stream() == ContainerLog.Stream.STDERR) {
                    inv.ctx.eprint(e.text());
                } else {
                    inv.ctx.print(e.text());
                }
            };
            c.log().follow(f);
            follower.add(f);
        }
        try {
            inv.engine.start(c);
        } catch (EngineException e) {
            follower.forEach(c.log()::unfollow);
            int status = e.getMessage().contains("executable file not found")
                    || e.getMessage().contains("no such file or directory") ? 127
                    : e.getMessage().contains("permission denied") ? 126 : 125;
            inv.runError("Error response from daemon: " + e.getMessage(), status);
            return;
        }
        if (detach) {
            inv.outln(c.id());
            inv.exit(0);
            return;
        }
        attach(inv, c, follower.get(0));
    }

    /** Stays with the container: stdin in, signals through, its exit status out. */
    static void attach(Invocation inv, Container c, Consumer<ContainerLog.Entry> follower) {
        Pipe stdin = c.stdin();
        if (stdin != null) {
            inv.ctx.readInput(stdin::write, stdin::close);
        }
        // sig-proxy: Ctrl-C and kill reach the container's main process, not just the client.
        for (Signal s : List.of(Signal.SIGINT, Signal.SIGTERM, Signal.SIGHUP)) {
            inv.ctx.onSignal(s, sig -> {
                if (c.isRunning()) {
                    try {
                        inv.engine.kill(c, sig);
                    } catch (EngineException gone) {
                        // it stopped meanwhile
                    }
                }
            });
        }
        inv.engine.whenExited(c, status -> {
            c.log().unfollow(follower);
            // Give the last lines a moment, as the client drains the attach stream before exiting.
            inv.ctx.schedule(Time.MILLISECOND, () -> inv.exit(status));
        });
    }
}
