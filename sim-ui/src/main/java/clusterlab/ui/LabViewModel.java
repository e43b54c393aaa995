package clusterlab.ui;

import clusterlab.kernel.Time;
import clusterlab.lab.scenario.Lesson;
import clusterlab.lab.scenario.Scenario;
import clusterlab.lab.scenario.ScenarioWriter;
import clusterlab.lab.shell.LabSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The app's state and everything it can do to the simulated cluster.
 *
 * <p>Threading: the {@link LabSession} lives on the {@link SimulationThread}; every method here
 * submits work there, in call order, and afterwards takes an immutable {@link Snapshot} (new
 * terminal output, machine cards, virtual time) which {@code fx} applies to the properties. In the
 * app {@code fx} is {@code Platform::runLater}; view-model tests pass {@code Runnable::run}. The
 * returned futures complete once the snapshot has been applied, so tests (and buttons that chain)
 * can wait for them.
 */
public final class LabViewModel implements AutoCloseable {
    /** What changed by one piece of simulation work, handed from the simulation thread to the FX thread. */
    record Snapshot(Map<String, String> output, List<MachineCard> cards, List<ManagerRaft> raft,
                    NetworkState network, long nowNanos) {
    }

    private final long seed;
    private final int nodeCount;
    private final Executor fx;
    private final SimulationThread sim = new SimulationThread();
    private final List<TerminalViewModel> terminals = new ArrayList<>();
    private final ObservableList<MachineCard> cards = FXCollections.observableArrayList();
    private final ObservableList<ManagerRaft> raft = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyObjectWrapper<NetworkState> network =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(NetworkState.NONE);
    private final javafx.beans.property.ReadOnlyLongWrapper nowNanos = new javafx.beans.property.ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper("0.000s");
    private final StringProperty selectedMachine = new SimpleStringProperty("node1");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private boolean closed;

    // ---- owned by the simulation thread ----
    private LabSession session;
    /** Output since the last snapshot, per machine (the session prints only what the terminal in front shows). */
    private final Map<String, StringBuilder> pending = new LinkedHashMap<>();
    /** The end of what each machine's tab shows, to recognise a prompt the session merely repeats. */
    private final Map<String, StringBuilder> tails = new LinkedHashMap<>();
    /** The last line typed on each machine (expanded) and what it printed, prompt removed, for checks. */
    private final Map<String, String> lastTyped = new LinkedHashMap<>();
    private final Map<String, String> lastTypedOutput = new LinkedHashMap<>();
    /** While switching terminals, output goes here first (see {@link #focus}). */
    private StringBuilder switching;

    public LabViewModel(long seed, int nodes, Executor fx) {
        this.seed = seed;
        this.nodeCount = nodes;
        this.fx = fx;
        for (int i = 1; i <= nodes; i++) {
            String name = "node" + i;
            terminals.add(new TerminalViewModel(name));
            pending.put(name, new StringBuilder());
            tails.put(name, new StringBuilder());
        }
    }

    /** A lab for a lesson: the setup's seed and number of machines. */
    public static LabViewModel forLesson(Lesson lesson, Executor fx) {
        return new LabViewModel(lesson.setup().seed(), lesson.setup().machines().size(), fx);
    }

    /** Boots the cluster and logs in on every machine so each tab shows its prompt. */
    public CompletableFuture<Void> start() {
        return submit(() -> {
            session = new LabSession(seed, nodeCount, this::screen);
            for (int i = nodeCount; i >= 1; i--) {
                focus("node" + i); // ends on node1, where the person starts typing
            }
            return null;
        }).thenApply(x -> null);
    }

    /** Runs a lesson's setup steps (they show in the terminals, as if typed). */
    public CompletableFuture<Void> setUp(Scenario setup) {
        return submit(() -> {
            for (Scenario.Step s : setup.steps()) {
                LessonSteps.perform(session, s, this::typeOn);
            }
            return null;
        }).thenApply(x -> null);
    }

    public List<TerminalViewModel> terminals() {
        return List.copyOf(terminals);
    }

    public TerminalViewModel terminal(String node) {
        return terminals.stream().filter(t -> t.node().equals(node)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no machine " + node));
    }

    public ObservableList<MachineCard> cards() {
        return cards;
    }

    public MachineCard card(String node) {
        return cards.stream().filter(c -> c.name().equals(node)).findFirst().orElse(null);
    }

    /** Every running manager's Raft state, in machine order, replaced with every snapshot. */
    public ObservableList<ManagerRaft> raft() {
        return raft;
    }

    /** Loss, latency and partitions in force, as of the last snapshot. */
    public javafx.beans.property.ReadOnlyObjectProperty<NetworkState> networkProperty() {
        return network.getReadOnlyProperty();
    }

    /** Virtual time in nanoseconds, as of the last snapshot. */
    public javafx.beans.property.ReadOnlyLongProperty nowNanosProperty() {
        return nowNanos.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    /** The last error or confirmation (saved to ..., no machine ...). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The machine the fault buttons act on (the terminal tab in front). */
    public StringProperty selectedMachineProperty() {
        return selectedMachine;
    }

    public long seed() {
        return seed;
    }

    // ---- what the person does ----

    /** Enter in a machine's input line: the line goes to that machine's terminal. */
    public CompletableFuture<Void> type(String node, String line) {
        terminal(node).remember(line);
        return run(() -> typeOn(node, line));
    }

    /** Ctrl-C on a machine's terminal. */
    public CompletableFuture<Void> interrupt(String node) {
        return run(() -> {
            focus(node);
            // At its prompt bash prints the newline itself; after a killed program only the prompt comes.
            show(node, session.isIdle() ? "^C" : "^C\n");
            session.interrupt();
        });
    }

    /** Lets virtual time pass (programs keep running; swarm elects, heartbeats time out). */
    public CompletableFuture<Void> advance(long nanos) {
        return run(() -> session.advance(nanos));
    }

    public CompletableFuture<Void> crash(String node) {
        return run(() -> {
            session.crash(node);
            show(node, "\n--- " + node + " crashed ---\n");
        });
    }

    /** Restarts a machine and logs in again, so its tab shows a fresh prompt. */
    public CompletableFuture<Void> restart(String node) {
        return run(() -> {
            session.restart(node);
            show(node, "\n--- " + node + " restarted ---\n");
            String before = session.currentNode();
            focus(node);
            if (before.equals(node)) {
                session.redisplayPrompt();
            }
        });
    }

    /** Makes a machine leave its swarm, typed on its terminal as a person would (so it shows and replays). */
    public CompletableFuture<Void> leaveSwarm(String node) {
        return run(() -> typeOn(node, "docker swarm leave --force"));
    }

    /** Splits the machines into groups that cannot reach each other; unnamed machines form one more group. */
    public CompletableFuture<Void> partition(List<java.util.Set<String>> groups) {
        List<java.util.Set<String>> copy = groups.stream().<java.util.Set<String>>map(java.util.LinkedHashSet::new).toList();
        return run(() -> session.partition(copy));
    }

    /** Drops every packet from one machine to another (the other direction still works). */
    public CompletableFuture<Void> block(String from, String to) {
        return run(() -> session.block(from, to));
    }

    /** Ends every partition and block. */
    public CompletableFuture<Void> heal() {
        return run(() -> session.heal());
    }

    /** The probability (0..1) that any packet is lost. */
    public CompletableFuture<Void> setLoss(double probability) {
        return run(() -> session.setLoss(probability));
    }

    /** A constant one-way delay on every link. */
    public CompletableFuture<Void> setLatency(long nanos) {
        return run(() -> session.setLatency(nanos));
    }

    /** Performs one action of a lesson step through the session. */
    public CompletableFuture<Void> perform(Scenario.Step step) {
        return run(() -> LessonSteps.perform(session, step, this::typeOn));
    }

    /**
     * Runs a lesson step's check against this session's cluster. A command check is typed into
     * its machine's terminal, as the headless lesson runner runs it, unless the person just typed
     * exactly that line there: then its output is judged (checks such as {@code docker swarm init}
     * cannot run twice). Waits and exit-status checks run as hidden commands.
     */
    public CompletableFuture<LessonSteps.CheckResult> check(Scenario.Step check) {
        return submit(() -> {
            if (LessonSteps.needsHiddenRun(check)) {
                return LessonSteps.runHidden(session, check);
            }
            Scenario.Step.Run r = (Scenario.Step.Run) check;
            if (!session.expand(r.run()).equals(lastTyped.get(r.on()))) {
                typeOn(r.on(), r.run());
            }
            return LessonSteps.judge(session, r, lastTypedOutput.getOrDefault(r.on(), ""));
        });
    }

    /** Writes the session so far as a scenario YAML that {@code ./lab run} replays. */
    public CompletableFuture<Path> save(Path file) {
        return submit(() -> {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try {
                Files.writeString(file, ScenarioWriter.write(session.asScenario(name)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }).thenApply(f -> {
            fx.execute(() -> status.set("saved to " + f + " (replay: ./lab run " + f + ")"));
            return f;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return; // the window's hide and a lesson switch may both close it
        }
        closed = true;
        sim.run(() -> {
            if (session != null) {
                session.close();
            }
        });
        sim.close();
    }

    // ---- simulation thread ----

    private CompletableFuture<Void> run(Runnable work) {
        return submit(() -> {
            work.run();
            return null;
        }).thenApply(x -> null);
    }

    /**
     * Runs {@code work} on the simulation thread, then applies a snapshot on the FX side. A failing
     * command (no such machine, a crashed host) is reported in the status line, not thrown.
     */
    private <T> CompletableFuture<T> submit(java.util.function.Supplier<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        sim.call(() -> {
            T value = null;
            String error = null;
            try {
                value = work.get();
            } catch (RuntimeException e) {
                error = "lab: " + e.getMessage() + " (seed " + seed + ")";
            }
            return new Object[] {value, error, snapshot()};
        }).whenComplete((r, failure) -> fx.execute(() -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            apply((Snapshot) r[2]);
            if (r[1] != null) {
                status.set((String) r[1]);
            }
            @SuppressWarnings("unchecked")
            T value = (T) r[0];
            done.complete(value);
        }));
        return done;
    }

    private Snapshot snapshot() {
        Map<String, String> output = new LinkedHashMap<>();
        for (var e : pending.entrySet()) {
            if (e.getValue().length() > 0) {
                output.put(e.getKey(), e.getValue().toString());
                e.getValue().setLength(0);
            }
        }
        if (session == null) {
            return new Snapshot(output, List.of(), List.of(), NetworkState.NONE, 0);
        }
        var net = session.docker().cluster().network();
        NetworkState networkState = new NetworkState(net.defaultSettings().lossProbability(),
                net.defaultSettings().latency().meanNanos(), net.isPartitioned(),
                net.blocks().stream().map(b -> b.get(0) + "->" + b.get(1)).toList());
        return new Snapshot(output, ClusterCards.of(session), RaftRows.of(session), networkState,
                session.simulation().now());
    }

    /** FX side: new output into the tabs, new cards, the clock. */
    private void apply(Snapshot s) {
        for (var e : s.output().entrySet()) {
            terminal(e.getKey()).append(e.getValue());
        }
        if (!s.cards().isEmpty()) {
            cards.setAll(s.cards());
            raft.setAll(s.raft()); // only with cards: before boot there is no session to read
            network.set(s.network());
        }
        nowNanos.set(s.nowNanos());
        time.set(Time.formatInstant(s.nowNanos()));
    }

    /** The session's screen: whatever the terminal in front prints belongs to its machine. */
    private void screen(String text) {
        if (switching != null) {
            switching.append(text);
            return;
        }
        String node = session == null ? "node1" : session.currentNode();
        show(node, text);
    }

    private void show(String node, String text) {
        StringBuilder p = pending.get(node);
        if (p == null) {
            return; // a second terminal (node1/2): the app shows one per machine
        }
        p.append(text);
        StringBuilder tail = tails.get(node);
        tail.append(text);
        if (tail.length() > 512) {
            tail.delete(0, tail.length() - 512);
        }
    }

    /**
     * Brings a machine's terminal to the front. The session answers a switch with the output the
     * terminal missed, or else with a fresh prompt; the tab already shows that prompt, so a
     * repeated one is dropped (a real terminal would not print it either: nothing was typed).
     */
    private void focus(String node) {
        if (session.currentNode().equals(node) && pending.get(node).length() + tails.get(node).length() > 0) {
            return;
        }
        switching = new StringBuilder();
        try {
            session.switchTo(node);
        } finally {
            String shown = switching.toString();
            switching = null;
            String tail = tails.get(node).toString();
            String repeated = shown.startsWith("\n") ? shown.substring(1) : shown;
            if (shown.isEmpty() || !(tail.endsWith(repeated) && !repeated.isEmpty())) {
                show(node, shown);
            }
        }
    }

    /** Types a line on a machine's terminal, echoing it after the prompt as a terminal shows it. */
    private void typeOn(String node, String line) {
        focus(node);
        if (session.echoesInput()) {
            show(node, session.expand(line) + "\n"); // as the shell will run it, ${ID} filled in
        }
        session.type(line);
        lastTyped.put(node, session.expand(line));
        lastTypedOutput.put(node, PROMPT_AT_END.matcher(TerminalViewModel.plain(session.lastOutput())).replaceFirst(""));
    }

    /** Play with Docker's two-line prompt at the end of a command's output. */
    private static final java.util.regex.Pattern PROMPT_AT_END =
            java.util.regex.Pattern.compile("\\[[^\\]\n]+] \\(local\\) [^\n]*\n\\$ $");
}
