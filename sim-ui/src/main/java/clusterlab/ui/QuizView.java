package clusterlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/** The quiz in the lesson pane: a question with radio-button choices, feedback under it once answered. */
final class QuizView extends VBox {
    QuizView(QuizViewModel quiz) {
        super(12);
        setId("quiz");
        setPadding(new Insets(0, 0, 8, 0));
        Label title = new Label("Quiz");
        title.getStyleClass().add("step-heading");
        Label score = new Label();
        score.setId("quiz-score");
        score.textProperty().bind(quiz.scoreProperty().map(s -> quiz.scoreText()));
        getChildren().addAll(title, score);
        for (int q = 0; q < quiz.questions().size(); q++) {
            getChildren().add(question(quiz, q));
        }
    }

    private static VBox question(QuizViewModel quiz, int q) {
        Label text = new Label(quiz.question(q));
        text.setWrapText(true);
        text.getStyleClass().add("quiz-question");
        Label feedback = new Label();
        feedback.setId("quiz-feedback-" + q);
        feedback.setWrapText(true);
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(4, text);
        for (int c = 0; c < quiz.choices(q).size(); c++) {
            int choice = c;
            RadioButton r = new RadioButton(quiz.choices(q).get(c));
            r.setId("quiz-" + q + "-" + c);
            r.setWrapText(true);
            r.setToggleGroup(group);
            r.setSelected(quiz.chosen(q) == c);
            r.setOnAction(e -> show(feedback, quiz.answer(q, choice)));
            box.getChildren().add(r);
        }
        if (quiz.feedback(q) != null) {
            show(feedback, quiz.feedback(q));
        }
        box.getChildren().add(feedback);
        return box;
    }

    private static void show(Label feedback, QuizViewModel.Feedback f) {
        feedback.setText(f.text());
        feedback.getStyleClass().removeAll("quiz-right", "quiz-wrong");
        feedback.getStyleClass().add(f.right() ? "quiz-right" : "quiz-wrong");
    }
}
