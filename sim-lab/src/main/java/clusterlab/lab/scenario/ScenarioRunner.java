package clusterlab.lab.scenario;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.net.LatencyModel;
import clusterlab.kernel.net.Network;
import clusterlab.runtime.DockerRuntime;
import clusterlab.swarm.SwarmRuntime;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a {@link Scenario} on a fresh simulated world: each step in order, with virtual time
 * passing as the commands take it, and a transcript of what happened (virtual time, prompt,
 * command, output, checks, faults). The run stops at the first expectation that does not hold.
 * Nothing here reads a clock or draws unseeded randomness: the same scenario and seed give the
 * same transcript and trace.
 */
public final class ScenarioRunner {
    /** How long one command may run before the runner gives up on it. */
    public static final long COMMAND_LIMIT_NANOS = 10 * Time.MINUTE;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** How a run ended. */
    public record Result(boolean passed, int steps, int checksPassed, String failure, long virtualNanos) {
    }

    private final Scenario scenario;
    private final long seed;
    private final PrintStream out;
    private final boolean quiet;
    private final long untilNanos;
    private final SwarmRuntime world;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private int checksPassed;

    /**
     * @param seed the seed to run with (the scenario's own unless overridden)
     * @param untilNanos stop before the first step that starts after this virtual time (Long.MAX_VALUE: never)
     */
    public ScenarioRunner(Scenario scenario, long seed, PrintStream out, boolean quiet, long untilNanos) {
        this.scenario = scenario;
        this.seed = seed;
        this.out = out;
        this.quiet = quiet;
        this.untilNanos = untilNanos;
        this.world = build(scenario, seed);
    }

    /** The simulated world the scenario runs in (for traces and the app). */
    public SwarmRuntime world() {
        return world;
    }

    /** node1..: the machines, their Docker engines with swarm mode, and the network settings. */
    static SwarmRuntime build(Scenario s, long seed) {
        Cluster cluster = new Cluster(seed, clusterlab.kernel.net.Subnet.parse(s.network().subnet()));
        for (Scenario.Machine m : s.machines()) {
            Machine machine = new Machine(cluster.simulation(), m.name(), m.cores(), m.memoryBytes(),
                    Machine.STANDARD_DISK_BYTES);
            cluster.addHost(machine, Cluster.HOST_PROGRAMS);
        }
        Scenario.Network n = s.network();
        cluster.network().setLatency(n.jitterNanos() > 0 ? LatencyModel.uniformJitter(n.latencyNanos(), n.jitterNanos())
                : LatencyModel.constant(n.latencyNanos()));
        cluster.network().setLoss(n.loss());
        return new SwarmRuntime(new DockerRuntime(cluster));
    }

    public Result run() {
        int done = 0;
        for (Scenario.Step step : scenario.steps()) {
            if (now() > untilNanos) {
                line("stopped at " + Time.formatInstant(untilNanos) + " (--until)");
                break;
            }
            String failure = step(step);
            done++;
            if (failure != null) {
                out.println("FAILED (" + scenario.name() + " line " + step.line() + "): " + failure);
                out.println("reproduce: ./lab run <file> --seed " + seed);
                return new Result(false, done, checksPassed, failure, now());
            }
        }
        out.println("scenario " + scenario.name() + " (seed " + seed + "): " + done + " steps, " + checksPassed
                + " checks passed, virtual time " + Time.formatInstant(now()));
        return new Result(true, done, checksPassed, null, now());
    }

    private long now() {
        return world.cluster().simulation().now();
    }

    /** Checks passed so far. */
    public int checksPassed() {
        return checksPassed;
    }

    /** Prints a line of prose into the transcript (lessons' titles and text). */
    public void say(String text) {
        if (!quiet) {
            out.println(text);
        }
    }

    /** Runs one step (in the order a scenario's steps run); the failure message, or null. */
    public String perform(Scenario.Step step) {
        return step(step);
    }

    /** Runs one step; the failure message, or null. */
    private String step(Scenario.Step step) {
        if (step instanceof Scenario.Step.Run r) {
            return runStep(r);
        }
        if (step instanceof Scenario.Step.Wait w) {
            line("wait " + Time.format(w.nanos()));
            world.cluster().simulation().runFor(w.nanos());
            return null;
        }
        if (step instanceof Scenario.Step.WaitUntil w) {
            return waitUntil(w);
        }
        if (step instanceof Scenario.Step.Fault f) {
            line("fault: " + describe(f.kind()));
            inject(f.kind());
            return null;
        }
        Scenario.Step.Checkpoint c = (Scenario.Step.Checkpoint) step;
        line("checkpoint " + c.name());
        return null;
    }

    private String runStep(Scenario.Step.Run r) {
        String command = expand(r.run());
        line(r.on() + "$ " + command);
        CommandResult result = execute(r.on(), command);
        String shown = shown(result);
        if (!quiet) {
            out.print(shown);
        }
        for (Map.Entry<String, String> c : r.capture().entrySet()) {
            Matcher m = Pattern.compile(c.getValue(), Pattern.MULTILINE).matcher(shown);
            if (!m.find()) {
                return "capture " + c.getKey() + ": no match for /" + c.getValue() + "/ in the output above"
                        + (quiet ? ":\n" + shown : "");
            }
            variables.put(c.getKey(), m.groupCount() > 0 ? m.group(1) : m.group());
            detail(c.getKey() + "=" + variables.get(c.getKey()));
        }
        return check(r.expect(), result, shown, true);
    }

    private String waitUntil(Scenario.Step.WaitUntil w) {
        String command = expand(w.run());
        long start = now();
        long deadline = start + w.timeoutNanos();
        line("wait until " + w.on() + "$ " + command + " " + describe(w.until()));
        while (true) {
            CommandResult result = execute(w.on(), command);
            String shown = shown(result);
            if (check(w.until(), result, shown, false) == null) {
                checksPassed++;
                detail("✓ " + describe(w.until()) + " after " + Time.formatInstant(now() - start));
                return null;
            }
            if (now() + w.everyNanos() > deadline) {
                return "timed out after " + Time.format(w.timeoutNanos()) + " waiting for " + describe(w.until())
                        + "\n--- last output\n" + shown;
            }
            world.cluster().simulation().runFor(w.everyNanos());
        }
    }

    private CommandResult execute(String on, String command) {
        return world.cluster().host(on).run(List.of("bash", "-c", command), null, COMMAND_LIMIT_NANOS);
    }

    /** What a terminal would show: the output, then the errors. */
    private static String shown(CommandResult r) {
        String s = r.stdout() + r.stderr();
        return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }

    /** Checks an expectation (its ${VAR}s expanded); the failure message (expected and actual), or null. */
    private String check(Scenario.Expect raw, CommandResult result, String shown, boolean report) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Scenario.Expect e = Expectations.expanded(raw, this::expand);
        List<String> failures = Expectations.failures(e, shown, result.exitStatus());
        if (failures.isEmpty()) {
            if (report) {
                checksPassed++;
                detail("✓ " + describe(e));
            }
            return null;
        }
        return String.join("; ", failures) + "\n--- actual output\n" + shown;
    }

    private static String describe(Scenario.Expect e) {
        return Expectations.describe(e);
    }

    private void inject(Scenario.FaultKind kind) {
        Network net = world.cluster().network();
        if (kind instanceof Scenario.FaultKind.Crash c) {
            world.cluster().host(c.machine()).machine().crash();
        } else if (kind instanceof Scenario.FaultKind.Restart r) {
            world.cluster().host(r.machine()).machine().restart();
        } else if (kind instanceof Scenario.FaultKind.Leave l) {
            String shown = shown(execute(l.machine(), "docker swarm leave --force"));
            detail(shown.strip());
        } else if (kind instanceof Scenario.FaultKind.Partition p) {
            List<Set<String>> groups = new ArrayList<>();
            for (List<String> g : p.groups()) {
                groups.add(new LinkedHashSet<>(g));
            }
            net.partition(groups);
        } else if (kind instanceof Scenario.FaultKind.Block b) {
            net.block(b.from(), b.to());
        } else if (kind instanceof Scenario.FaultKind.Heal) {
            net.heal();
        } else if (kind instanceof Scenario.FaultKind.Loss l) {
            net.setLoss(l.probability());
        } else if (kind instanceof Scenario.FaultKind.Latency l) {
            net.setLatency(LatencyModel.constant(l.nanos()));
        }
    }

    static String describe(Scenario.FaultKind kind) {
        if (kind instanceof Scenario.FaultKind.Crash c) {
            return "crash " + c.machine();
        } else if (kind instanceof Scenario.FaultKind.Restart r) {
            return "restart " + r.machine();
        } else if (kind instanceof Scenario.FaultKind.Leave l) {
            return "leave " + l.machine();
        } else if (kind instanceof Scenario.FaultKind.Partition p) {
            return "partition " + p.groups();
        } else if (kind instanceof Scenario.FaultKind.Block b) {
            return "block " + b.from() + " -> " + b.to();
        } else if (kind instanceof Scenario.FaultKind.Loss l) {
            return "loss " + l.probability();
        } else if (kind instanceof Scenario.FaultKind.Latency l) {
            return "latency " + Time.format(l.nanos());
        }
        return "heal";
    }

    private String expand(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** A transcript line stamped with the virtual time. */
    private void line(String text) {
        if (!quiet) {
            out.println("[" + pad(Time.formatInstant(now())) + "] " + text);
        }
    }

    private void detail(String text) {
        if (!quiet && !text.isEmpty()) {
            out.println("  " + text);
        }
    }

    private static String pad(String s) {
        return s.length() >= 9 ? s : " ".repeat(9 - s.length()) + s;
    }
}
