package clusterlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The lesson pane: the current step's text, a button per command (it types into the right
 * machine's terminal), Check with its ✓/✗, hints, what to notice, Previous/Next.
 */
final class LessonView extends VBox {
    private final LessonViewModel lesson;
    private final VBox body = new VBox(8);

    LessonView(LessonViewModel lesson, java.util.function.Consumer<String> showMachine) {
        super(6);
        this.lesson = lesson;
        setPadding(new Insets(8));
        getStyleClass().add("lesson-view");
        Label title = new Label(lesson.lesson().id() + ": " + lesson.lesson().title());
        title.getStyleClass().add("pane-title");
        title.setWrapText(true);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button previous = new Button("◀ Previous");
        previous.setId("lesson-previous");
        Button next = new Button("Next ▶");
        next.setId("lesson-next");
        previous.setOnAction(e -> {
            if (lesson.showingQuizProperty().get()) {
                lesson.showingQuizProperty().set(false); // back to the step the quiz was opened from
            } else {
                lesson.previous();
            }
        });
        // After the last step, Next leads to the quiz.
        next.setOnAction(e -> {
            if (lesson.hasNext()) {
                lesson.next();
            } else {
                lesson.showingQuizProperty().set(true);
            }
        });
        Button quiz = new Button();
        quiz.setId("lesson-quiz");
        quiz.textProperty().bind(lesson.showingQuizProperty().map(q -> q ? "Steps" : "Quiz"));
        quiz.setOnAction(e -> lesson.showingQuizProperty().set(!lesson.showingQuizProperty().get()));
        quiz.setVisible(!lesson.quiz().isEmpty());
        quiz.setManaged(!lesson.quiz().isEmpty());
        Label progress = new Label();
        progress.setId("lesson-progress");
        for (Button b : new Button[] {previous, next, quiz}) {
            b.setMinWidth(Button.USE_PREF_SIZE); // a narrow pane squeezes the label, never the buttons
        }
        progress.setMinWidth(0);
        HBox nav = new HBox(8, previous, next, quiz, progress);
        nav.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().add(title);
        if (lesson.restoredAt() > 0) {
            getChildren().add(restoreBanner());
        }
        getChildren().addAll(scroll, nav);

        Runnable redraw = () -> {
            boolean onQuiz = lesson.showingQuizProperty().get();
            previous.setDisable(!lesson.hasPrevious() && !onQuiz);
            next.setDisable(onQuiz || (!lesson.hasNext() && lesson.quiz().isEmpty()));
            progress.setText(lesson.passedChecks() + " ✓");
            if (onQuiz) {
                body.getChildren().setAll(new QuizView(lesson.quiz()));
            } else {
                draw(showMachine);
            }
        };
        lesson.indexProperty().addListener((obs, old, now) -> redraw.run());
        lesson.showingQuizProperty().addListener((obs, old, now) -> redraw.run());
        lesson.checkProperty().addListener((obs, old, now) -> progress.setText(lesson.passedChecks() + " ✓"));
        progress.setTooltip(new javafx.scene.control.Tooltip("steps whose check passed"));
        redraw.run();
    }

    /** Says the lesson reopened where the person left off, on a fresh cluster, and offers to catch up. */
    private VBox restoreBanner() {
        int at = lesson.restoredAt();
        Label text = new Label("Reopened at step " + (at + 1) + ", where you left off. The cluster starts fresh,"
                + " so the commands of the steps before it have not run here.");
        text.setWrapText(true);
        Button catchUp = new Button(at == 1 ? "Do step 1 for me" : "Do steps 1–" + at + " for me");
        catchUp.setId("lesson-catch-up");
        VBox banner = new VBox(4, text, catchUp);
        banner.setId("restore-banner");
        banner.getStyleClass().add("restore-banner");
        catchUp.setOnAction(e -> {
            catchUp.setDisable(true);
            text.setText("Catching up: running the earlier steps…");
            lesson.catchUp().whenComplete((x, failure) -> javafx.application.Platform.runLater(() -> {
                getChildren().remove(banner);
            }));
        });
        return banner;
    }

    private void draw(java.util.function.Consumer<String> showMachine) {
        body.getChildren().clear();
        Label heading = new Label(lesson.heading());
        heading.getStyleClass().add("step-heading");
        heading.setWrapText(true);
        Label text = new Label(lesson.text());
        text.setWrapText(true);
        text.getStyleClass().add("step-text");
        body.getChildren().addAll(heading, text);

        VBox actions = new VBox(4);
        for (LessonViewModel.Action a : lesson.actions()) {
            Button b = new Button(a.label());
            b.getStyleClass().add("command-button");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setOnAction(e -> {
                if (a.node() != null) {
                    showMachine.accept(a.node());
                }
                lesson.perform(a);
            });
            actions.getChildren().add(b);
        }
        if (!lesson.actions().isEmpty()) {
            Label type = new Label("Type it yourself, or press a command:");
            body.getChildren().addAll(type, actions);
        }

        if (lesson.hasCheck()) {
            Button check = new Button("Check");
            check.setId("lesson-check");
            Label mark = new Label();
            mark.getStyleClass().add("check-mark");
            mark.textProperty().bind(lesson.checkProperty().map(LessonViewModel::mark));
            Label message = new Label();
            message.setWrapText(true);
            message.textProperty().bind(lesson.checkMessageProperty());
            check.setOnAction(e -> {
                if (lesson.step().check() instanceof clusterlab.lab.scenario.Scenario.Step.Run r) {
                    showMachine.accept(r.on());
                }
                lesson.check();
            });
            Label what = new Label(lesson.checkDescription());
            what.setWrapText(true);
            what.getStyleClass().add("check-description");
            body.getChildren().addAll(what, new HBox(8, check, mark), message);
        }

        if (!lesson.step().hints().isEmpty()) {
            Button hint = new Button("Hint");
            Label hints = new Label();
            hints.setWrapText(true);
            hints.textProperty().bind(lesson.hintsProperty());
            hint.setOnAction(e -> hint.setDisable(!lesson.revealHint() || lesson.hintsProperty().get().isEmpty()
                    || lesson.hintsProperty().get().split("\n").length >= lesson.step().hints().size()));
            body.getChildren().addAll(hint, hints);
        }
        if (!lesson.notice().isEmpty()) {
            Label notice = new Label("Notice: " + lesson.notice());
            notice.setWrapText(true);
            notice.getStyleClass().add("step-notice");
            body.getChildren().add(notice);
        }
    }
}
