package clusterlab.ui;

import clusterlab.lab.scenario.Lesson;
import clusterlab.lab.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A lesson as the app walks through it: the current step's prose and commands, its check mark
 * and hints. Every action and check goes through the lab's one session, so the terminals show
 * what the lesson typed and the check sees the cluster on screen. FX thread only.
 */
public final class LessonViewModel {
    /** The state of the current step's check. */
    public enum CheckState { NOT_RUN, RUNNING, PASSED, FAILED }

    /** One button of a step: what it shows and the scenario step it performs. */
    public record Action(String label, String node, Scenario.Step step) {
    }

    private final Lesson lesson;
    private final LabViewModel lab;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<CheckState> check = new ReadOnlyObjectWrapper<>(CheckState.NOT_RUN);
    private final ReadOnlyStringWrapper checkMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hints = new ReadOnlyStringWrapper("");
    private final List<CheckState> checks = new ArrayList<>();
    private int hintsShown;

    public LessonViewModel(Lesson lesson, LabViewModel lab) {
        this.lesson = lesson;
        this.lab = lab;
        for (int i = 0; i < lesson.steps().size(); i++) {
            checks.add(CheckState.NOT_RUN);
        }
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Runs the lesson's setup in the lab (call once, after the lab started). */
    public CompletableFuture<Void> setUp() {
        return lab.setUp(lesson.setup());
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int index() {
        return index.get();
    }

    public Lesson.LessonStep step() {
        return lesson.steps().get(index.get());
    }

    /** "Step 2/7: The container seen from the host". */
    public String heading() {
        return "Step " + (index.get() + 1) + "/" + lesson.steps().size() + ": " + step().title();
    }

    public String text() {
        return markdownToPlain(step().text());
    }

    public String notice() {
        return markdownToPlain(step().notice());
    }

    public List<Action> actions() {
        List<Action> out = new ArrayList<>();
        for (Scenario.Step s : step().actions()) {
            out.add(new Action(LessonSteps.label(s), LessonSteps.node(s), s));
        }
        return out;
    }

    public boolean hasCheck() {
        return step().check() != null;
    }

    /** What pressing Check does, so the person can type the command first (a check may not run twice). */
    public String checkDescription() {
        Scenario.Step c = step().check();
        if (c == null) {
            return "";
        }
        if (c instanceof Scenario.Step.WaitUntil w) {
            return "Check repeats " + w.on() + "$ " + w.run() + " until it holds";
        }
        Scenario.Step.Run r = (Scenario.Step.Run) c;
        return "Check types " + r.on() + "$ " + r.run() + " (or judges it, if you just typed it there)";
    }

    public ReadOnlyObjectProperty<CheckState> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkMessageProperty() {
        return checkMessage.getReadOnlyProperty();
    }

    /** The hints revealed so far for this step, one per line. */
    public ReadOnlyStringProperty hintsProperty() {
        return hints.getReadOnlyProperty();
    }

    /** Performs one of the step's actions (a command types into its machine's terminal). */
    public CompletableFuture<Void> perform(Action action) {
        return lab.perform(action.step());
    }

    /** Runs every action of the step in order (the "do it for me" path). */
    public CompletableFuture<Void> performAll() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Action a : actions()) {
            chain = chain.thenCompose(x -> perform(a));
        }
        return chain;
    }

    /** Runs the step's check in the lab; the mark turns ✓ or ✗. */
    public CompletableFuture<CheckState> check() {
        if (!hasCheck()) {
            return CompletableFuture.completedFuture(CheckState.NOT_RUN);
        }
        int at = index.get();
        check.set(CheckState.RUNNING);
        return lab.check(step().check()).thenApply(result -> {
            // null: the lab reported an error (a crashed machine) in its status line.
            LessonSteps.CheckResult r = result != null ? result
                    : new LessonSteps.CheckResult(false, lab.statusProperty().get());
            CheckState state = r.passed() ? CheckState.PASSED : CheckState.FAILED;
            checks.set(at, state);
            if (index.get() == at) {
                check.set(state);
                checkMessage.set(r.passed() ? "✓ the step worked" : "✗ " + r.message());
            }
            return state;
        });
    }

    /** The mark to show for a check state. */
    public static String mark(CheckState state) {
        return switch (state) {
            case PASSED -> "✓";
            case FAILED -> "✗";
            case RUNNING -> "…";
            case NOT_RUN -> "";
        };
    }

    /** How many steps' checks have passed (the lesson's progress). */
    public long passedChecks() {
        return checks.stream().filter(c -> c == CheckState.PASSED).count();
    }

    /** Reveals the next hint of the step; false when all are shown. */
    public boolean revealHint() {
        List<String> all = step().hints();
        if (hintsShown >= all.size()) {
            return false;
        }
        hintsShown++;
        hints.set(String.join("\n", all.subList(0, hintsShown).stream().map(h -> "• " + markdownToPlain(h)).toList()));
        return true;
    }

    public boolean hasNext() {
        return index.get() + 1 < lesson.steps().size();
    }

    public boolean hasPrevious() {
        return index.get() > 0;
    }

    public void next() {
        go(Math.min(lesson.steps().size() - 1, index.get() + 1));
    }

    public void previous() {
        go(Math.max(0, index.get() - 1));
    }

    private void go(int to) {
        hintsShown = 0;
        hints.set("");
        check.set(checks.get(to));
        checkMessage.set(checks.get(to) == CheckState.PASSED ? "✓ the step worked" : "");
        index.set(to); // last: listeners redraw from the new step's state
    }

    /** The lessons are Markdown; the first slice shows plain text, keeping code blocks indented. */
    static String markdownToPlain(String md) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : md.strip().split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                code = !code;
                continue;
            }
            out.append(code ? "    " + line : line.replace("**", "").replace("`", "")).append('\n');
        }
        return out.toString().strip();
    }
}
