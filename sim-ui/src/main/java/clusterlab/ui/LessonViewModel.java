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
    private final QuizViewModel quiz;
    private final javafx.beans.property.BooleanProperty showingQuiz = new javafx.beans.property.SimpleBooleanProperty();
    private final ProgressStore progress;
    /** The step the lesson reopened at (0 when it starts fresh); the cluster has not done the steps before it. */
    private final int restoredAt;
    private int hintsShown;

    /** A lesson that remembers nothing (tests, or a store that should not be touched). */
    public LessonViewModel(Lesson lesson, LabViewModel lab) {
        this(lesson, lab, null);
    }

    /** A lesson that reopens at the step stored in {@code progress} and stores every step it moves to. */
    public LessonViewModel(Lesson lesson, LabViewModel lab, ProgressStore progress) {
        this.lesson = lesson;
        this.lab = lab;
        this.progress = progress;
        this.quiz = new QuizViewModel(lesson.quiz());
        for (int i = 0; i < lesson.steps().size(); i++) {
            checks.add(CheckState.NOT_RUN);
        }
        restoredAt = progress == null ? 0 : Math.min(progress.lastStep(lesson.id()), lesson.steps().size() - 1);
        index.set(restoredAt);
    }

    public QuizViewModel quiz() {
        return quiz;
    }

    /** Whether the lesson pane shows the quiz instead of the current step. */
    public javafx.beans.property.BooleanProperty showingQuizProperty() {
        return showingQuiz;
    }

    /** The step index the lesson was restored at (0: it started at the beginning). */
    public int restoredAt() {
        return restoredAt;
    }

    /**
     * Performs the actions and checks of every step before the restored one, so the fresh cluster
     * catches up with where the person left off (checks capture variables later steps use).
     */
    public CompletableFuture<Void> catchUp() {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < restoredAt; i++) {
            Lesson.LessonStep s = lesson.steps().get(i);
            int at = i;
            for (Scenario.Step a : s.actions()) {
                chain = chain.thenCompose(x -> lab.perform(a));
            }
            if (s.check() != null) {
                chain = chain.thenCompose(x -> lab.check(s.check())).thenAccept(r -> {
                    if (r != null) {
                        checks.set(at, r.passed() ? CheckState.PASSED : CheckState.FAILED);
                    }
                });
            }
        }
        return chain;
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
        showingQuiz.set(false);
        index.set(to); // last: listeners redraw from the new step's state
        if (progress != null) {
            progress.remember(lesson.id(), to);
        }
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
