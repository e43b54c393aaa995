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
        previous.setOnAction(e -> lesson.previous());
        next.setOnAction(e -> lesson.next());
        Label progress = new Label();
        HBox nav = new HBox(8, previous, next, progress);
        nav.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(title, scroll, nav);

        Runnable redraw = () -> {
            previous.setDisable(!lesson.hasPrevious());
            next.setDisable(!lesson.hasNext());
            progress.setText(lesson.passedChecks() + " checks passed");
            draw(showMachine);
        };
        lesson.indexProperty().addListener((obs, old, now) -> redraw.run());
        lesson.checkProperty().addListener((obs, old, now) -> progress.setText(lesson.passedChecks() + " checks passed"));
        redraw.run();
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
