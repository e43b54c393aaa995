package clusterlab.lab.shell;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.net.Subnet;
import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.SpawnSpec;
import clusterlab.kernel.os.Terminal;
import clusterlab.kernel.os.Tty;
import clusterlab.kernel.trace.JsonLinesTraceSink;
import clusterlab.runtime.DockerRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An interactive lab: a simulated cluster with a terminal and a bash on every node, the node the
 * person is typing on, lab variables, and the rules for how far virtual time runs after each line.
 *
 * <p>After a command line, the simulation runs until the shell waits for input again; a program
 * that never ends by itself keeps the terminal: a full-screen one (top, watch) once it has drawn a
 * screen, one that printed and then fell silent for {@link #QUIET_NANOS} (logs -f waiting for
 * lines) then, anything else after {@link #FOREGROUND_LIMIT_NANOS}. Later lines then go to its input.
 */
public final class LabSession {
    /** How long a command may run before the lab gives the person the keyboard back. */
    public static final long FOREGROUND_LIMIT_NANOS = 10 * Time.MINUTE;
    /** How long a program that has printed may stay silent before the lab hands the keyboard back. */
    public static final long QUIET_NANOS = 30 * Time.SECOND;
    private static final String CLEAR_SCREEN = "\u001b[2J";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final DockerRuntime docker;
    private final Simulation sim;
    private final Map<String, NodeTerminal> terminals = new LinkedHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Consumer<String> screen;
    private final List<String> journal = new ArrayList<>();
    /** What was typed and injected, as scenario steps ({@code :save} writes them). */
    private final List<clusterlab.lab.scenario.Scenario.Step> steps = new ArrayList<>();
    private final long seed;
    private final int nodeCount;
    private NodeTerminal current;
    private final StringBuilder lastOutput = new StringBuilder();
    /** When the terminal in front last printed (virtual nanos). */
    private long lastOutputNanos;
    private JsonLinesTraceSink traceFile;
    /** The trace so far, so {@code :trace FILE} can write it from the beginning (bounded). */
    private final clusterlab.kernel.trace.MemoryTraceSink history =
            new clusterlab.kernel.trace.MemoryTraceSink(TRACE_HISTORY_RECORDS);
    static final int TRACE_HISTORY_RECORDS = 1_000_000;

    /** What a terminal in the background keeps of its screen until it is shown again. */
    static final int BACKGROUND_SCREEN_CHARS = 64 * 1024;

    /** One node's terminal and the login shell on it. */
    private final class NodeTerminal {
        final Host host;
        final Terminal terminal;
        /** Output written while another terminal was in front. */
        final StringBuilder unseen = new StringBuilder();
        Process shell;

        NodeTerminal(Host host, String ttyName) {
            this.host = host;
            OutputSink out = text -> {
                if (this == current) {
                    lastOutput.append(text);
                    lastOutputNanos = sim.now();
                    screen.accept(text);
                } else {
                    keepUnseen(text);
                }
            };
            this.terminal = new Terminal(Tty.of(ttyName), out);
        }

        private void keepUnseen(String text) {
            int clear = text.lastIndexOf(CLEAR_SCREEN);
            if (clear >= 0) {
                unseen.setLength(0); // a full-screen program redrew: only the last screen matters
                unseen.append(text, Math.max(0, text.lastIndexOf("\u001b[H", clear)), text.length());
            } else {
                unseen.append(text);
            }
            if (unseen.length() > BACKGROUND_SCREEN_CHARS) {
                unseen.delete(0, unseen.length() - BACKGROUND_SCREEN_CHARS);
            }
        }

        void login() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            env.put("HOME", "/root");
            env.put("USER", "root");
            env.put("TERM", "xterm");
            env.put("HOSTNAME", host.name());
            // Play with Docker's prompt: "[node1] (local) root@192.168.0.11 ~" then "$ ".
            env.put("PS1", "[\\h] (local) \\u@" + host.address() + " \\w\\n$ ");
            // A shell that died with its machine may still be registered as the keyboard's reader;
            // the new one must be waited for, not the dead one.
            terminal.input().detachReader();
            shell = host.os().spawn(new SpawnSpec(host.os().init(), List.of("bash"), "/bin/bash", env, "/root",
                    null, null, null, terminal.stdio()));
            terminal.setForeground(null);
            settle();
        }

        /** The shell waits for a command line. */
        boolean idle() {
            Process fg = terminal.foreground();
            boolean shellWaiting = fg == null || fg == shell || !fg.isAlive();
            return shellWaiting && waitingForInput();
        }

        /**
         * Whoever is in front (the shell, a shell inside a container, cat, a confirmation prompt)
         * is reading the keyboard, has read everything typed, and nothing else happens at this instant.
         */
        boolean waitingForInput() {
            return terminal.input().readerIsWaiting() && sim.nextEventTime() > sim.now();
        }
    }

    /**
     * Starts a lab of {@code nodes} machines ({@code node1}..) on 192.168.0.0/24 with Docker on
     * each; {@code screen} receives everything the terminals print.
     */
    public LabSession(long seed, int nodes, Consumer<String> screen) {
        if (nodes < 1 || nodes > 64) {
            throw new IllegalArgumentException("--nodes must be between 1 and 64, was " + nodes);
        }
        this.screen = screen;
        this.seed = seed;
        this.nodeCount = nodes;
        this.docker = clusterlab.swarm.SwarmRuntime.withHosts(seed, nodes).docker();
        this.sim = docker.cluster().simulation();
        sim.trace().addSink(history);
        for (Host h : docker.cluster().hosts()) {
            terminals.put(h.name(), new NodeTerminal(h, "pts/0"));
        }
        // "node1/2" names a second terminal on node1, for watching one program while typing another.

        sim.runFor(Time.MILLISECOND); // let every machine boot its daemons
        switchTo("node1");
    }

    public DockerRuntime docker() {
        return docker;
    }

    public Simulation simulation() {
        return sim;
    }

    public String currentNode() {
        for (var e : terminals.entrySet()) {
            if (e.getValue() == current) {
                return e.getKey();
            }
        }
        return current.host.name();
    }

    public Terminal terminal(String node) {
        return nodeTerminal(node).terminal;
    }

    /** What was typed and injected so far, as lines a scenario can replay. */
    public List<String> journal() {
        return List.copyOf(journal);
    }

    /** The session so far as a scenario that replays it (commands, faults and waits; not Ctrl-C). */
    public clusterlab.lab.scenario.Scenario asScenario(String name) {
        List<clusterlab.lab.scenario.Scenario.Machine> machines = new ArrayList<>();
        for (Host h : docker.cluster().hosts()) {
            machines.add(new clusterlab.lab.scenario.Scenario.Machine(h.name(), h.machine().cores(),
                    h.machine().memoryBytes()));
        }
        return new clusterlab.lab.scenario.Scenario(name, "saved from ./lab shell --nodes " + nodeCount
                + " --seed " + seed, seed, machines, clusterlab.lab.scenario.Scenario.Network.DEFAULT, steps);
    }

    private void record(clusterlab.lab.scenario.Scenario.FaultKind fault) {
        steps.add(new clusterlab.lab.scenario.Scenario.Step.Fault(0, fault));
    }

    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    private NodeTerminal nodeTerminal(String node) {
        NodeTerminal t = terminals.get(node);
        if (t != null) {
            return t;
        }
        int slash = node.indexOf('/');
        if (slash > 0 && node.substring(slash + 1).matches("[2-9]")) {
            NodeTerminal first = terminals.get(node.substring(0, slash));
            if (first != null) {
                NodeTerminal extra = new NodeTerminal(first.host, "pts/" + (Integer.parseInt(node.substring(slash + 1)) - 1));
                terminals.put(node, extra);
                return extra;
            }
        }
        throw new IllegalArgumentException("no node named " + node + " (nodes: "
                + String.join(", ", docker.cluster().hosts().stream().map(Host::name).toList())
                + "; node1/2 opens a second terminal on node1)");
    }

    /** Shows the prompt again (as pressing Enter at an idle prompt does); nothing while a program runs. */
    public void redisplayPrompt() {
        if (current.shell == null || !current.shell.isAlive()) {
            current.login(); // the machine restarted: a fresh login shows the first prompt
        } else if (current.idle()) {
            current.terminal.input().write("\n");
            settle();
        }
    }

    /** Makes {@code node} the current one, logging in the first time (its prompt appears). */
    public void switchTo(String node) {
        NodeTerminal t = nodeTerminal(node);
        if (t == current) {
            redisplayPrompt();
            return;
        }
        current = t;
        if (t.shell == null || !t.shell.isAlive()) {
            t.unseen.setLength(0);
            t.login();
            return;
        }
        if (t.unseen.length() > 0) {
            String text = t.unseen.toString();
            t.unseen.setLength(0);
            screen.accept(text);
        } else {
            redisplayPrompt();
        }
    }

    /**
     * Whether the current terminal shows what is typed: off while a program reads a secret; the
     * shell's line editor always echoes its command line, whatever a killed program left behind.
     */
    public boolean echoesInput() {
        if (current.idle()) {
            current.terminal.setEcho(true);
        }
        return current.terminal.echoes();
    }

    /** True while the current node's shell waits for a command line. */
    public boolean isIdle() {
        return current.idle();
    }

    /** Types one line into the current terminal (after expanding {@code ${VAR}}) and runs the world. */
    public void type(String line) {
        String expanded = expand(line);
        journal.add(expanded);
        lastOutput.setLength(0);
        if (current.shell == null || !current.shell.isAlive()) {
            current.login();
        }
        if (current.idle() && !expanded.isBlank()) {
            // A command line for the shell (input for a program in front, e.g. a password, is not a step).
            steps.add(new clusterlab.lab.scenario.Scenario.Step.Run(0, current.host.name(), expanded, null, null));
        }
        current.terminal.input().write(expanded + "\n");
        settle();
    }

    /** Ctrl-C on the current terminal. */
    public void interrupt() {
        journal.add("^C");
        lastOutput.setLength(0);
        current.terminal.interrupt();
        settle();
    }

    /** Runs virtual time forward; foreground programs keep running (top refreshes). */
    public void advance(long nanos) {
        int last = steps.size() - 1;
        if (last >= 0 && steps.get(last) instanceof clusterlab.lab.scenario.Scenario.Step.Wait w) {
            // Consecutive waits are one wait (the app's Play advances in many small slices).
            steps.set(last, new clusterlab.lab.scenario.Scenario.Step.Wait(0, w.nanos() + nanos));
        } else {
            steps.add(new clusterlab.lab.scenario.Scenario.Step.Wait(0, nanos));
        }
        sim.runFor(nanos);
    }

    /** Output of the last typed line, for {@code :capture}. */
    public String lastOutput() {
        return lastOutput.toString();
    }

    public void setVariable(String name, String value) {
        variables.put(name, value);
    }

    /** Replaces {@code ${NAME}} with lab variables; unknown names stay as they are (the shell may know them). */
    public String expand(String line) {
        Matcher m = VARIABLE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Runs the simulation after input: until the shell waits again, or a full-screen program has
     * drawn, or the foreground limit passes, or nothing is left to happen.
     */
    private void settle() {
        long deadline = sim.now() + FOREGROUND_LIMIT_NANOS;
        long started = sim.now();
        sim.runWhile(() -> !current.waitingForInput() && sim.now() <= deadline && !drewScreen()
                && !fellQuiet(started));
        if (drewScreen()) {
            sim.runUntil(sim.now()); // finish what happens at this instant
        }
    }

    /** The foreground program printed since {@code started} and has been silent for {@link #QUIET_NANOS}. */
    private boolean fellQuiet(long started) {
        Process fg = current.terminal.foreground();
        return fg != null && fg != current.shell && lastOutput.length() > 0 && lastOutputNanos >= started
                && sim.now() - lastOutputNanos >= QUIET_NANOS;
    }

    private boolean drewScreen() {
        Process fg = current.terminal.foreground();
        return fg != null && fg != current.shell && lastOutput.indexOf(CLEAR_SCREEN) >= 0
                && sim.nextEventTime() > sim.now();
    }

    // ---- faults and network settings ----------------------------------------------------------

    public void crash(String node) {
        docker.cluster().host(node).machine().crash();
        journal.add(":crash " + node);
        record(new clusterlab.lab.scenario.Scenario.FaultKind.Crash(node));
    }

    public void restart(String node) {
        NodeTerminal t = nodeTerminal(node);
        t.host.machine().restart();
        t.shell = null;
        journal.add(":restart " + node);
        record(new clusterlab.lab.scenario.Scenario.FaultKind.Restart(node));
        sim.runFor(Time.MILLISECOND); // the prompt comes with the next login (redisplayPrompt or switchTo)
    }

    public void partition(List<java.util.Set<String>> groups) {
        docker.cluster().network().partition(groups);
        List<List<String>> copy = new ArrayList<>();
        for (java.util.Set<String> g : groups) {
            copy.add(List.copyOf(g));
        }
        record(new clusterlab.lab.scenario.Scenario.FaultKind.Partition(copy));
    }

    public void block(String from, String to) {
        docker.cluster().network().block(from, to);
        record(new clusterlab.lab.scenario.Scenario.FaultKind.Block(from, to));
    }

    public void heal() {
        docker.cluster().network().heal();
        record(new clusterlab.lab.scenario.Scenario.FaultKind.Heal());
    }

    public void setLoss(double p) {
        docker.cluster().network().setLoss(p);
        record(new clusterlab.lab.scenario.Scenario.FaultKind.Loss(p));
    }

    public void setLatency(long nanos) {
        docker.cluster().network().setLatency(clusterlab.kernel.net.LatencyModel.constant(nanos));
        record(new clusterlab.lab.scenario.Scenario.FaultKind.Latency(nanos));
    }

    /**
     * Writes the trace so far to {@code file} as JSON Lines and keeps appending to it. (Only the
     * last {@link #TRACE_HISTORY_RECORDS} records are kept in memory before the first call.)
     */
    public void traceTo(Path file) {
        if (traceFile != null) {
            sim.trace().removeSink(traceFile);
            traceFile.close();
        }
        traceFile = new JsonLinesTraceSink(file);
        for (clusterlab.kernel.trace.TraceRecord r : history.records()) {
            traceFile.accept(r, clusterlab.kernel.trace.TraceJson.write(r));
        }
        sim.trace().addSink(traceFile);
    }

    public void close() {
        if (traceFile != null) {
            traceFile.close();
        }
    }

    static Subnet machineSubnet() {
        return clusterlab.kernel.net.Network.DEFAULT_SUBNET;
    }
}
