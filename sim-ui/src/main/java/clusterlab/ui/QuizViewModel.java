package clusterlab.ui;

import clusterlab.lab.scenario.Lesson;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * A lesson's quiz: each question's choices, the person's answer and the feedback (right or
 * wrong, and the explanation either way, since the why is the point). An answer may be changed;
 * the score counts the questions answered right now. FX thread only.
 */
public final class QuizViewModel {
    /** The feedback to one answer. */
    public record Feedback(boolean right, String text) {
    }

    private final List<Lesson.Question> questions;
    private final List<Integer> chosen = new ArrayList<>();
    private final ReadOnlyIntegerWrapper score = new ReadOnlyIntegerWrapper(0);

    public QuizViewModel(List<Lesson.Question> questions) {
        this.questions = List.copyOf(questions);
        questions.forEach(q -> chosen.add(-1));
    }

    public List<Lesson.Question> questions() {
        return questions;
    }

    public boolean isEmpty() {
        return questions.isEmpty();
    }

    /** The question's text, Markdown reduced to plain text as the lesson pane shows it. */
    public String question(int q) {
        return (q + 1) + ". " + LessonViewModel.markdownToPlain(questions.get(q).question());
    }

    public List<String> choices(int q) {
        return questions.get(q).choices().stream().map(LessonViewModel::markdownToPlain).toList();
    }

    /** Records the person's choice for question {@code q} and says whether it is right, and why. */
    public Feedback answer(int q, int choice) {
        Lesson.Question question = questions.get(q);
        if (choice < 0 || choice >= question.choices().size()) {
            throw new IllegalArgumentException("question " + (q + 1) + " has no choice " + choice);
        }
        chosen.set(q, choice);
        score.set((int) java.util.stream.IntStream.range(0, questions.size())
                .filter(i -> chosen.get(i) == questions.get(i).answer()).count());
        return feedback(q);
    }

    /** The feedback to the current answer of question {@code q}, or null while it is unanswered. */
    public Feedback feedback(int q) {
        int c = chosen.get(q);
        if (c < 0) {
            return null;
        }
        Lesson.Question question = questions.get(q);
        String why = LessonViewModel.markdownToPlain(question.explanation());
        if (c == question.answer()) {
            return new Feedback(true, "✓ Right. " + why);
        }
        return new Feedback(false, "✗ Not quite: the answer is \""
                + LessonViewModel.markdownToPlain(question.choices().get(question.answer())) + "\". " + why);
    }

    /** The chosen answer of question {@code q}, -1 while unanswered. */
    public int chosen(int q) {
        return chosen.get(q);
    }

    /** How many questions are answered right. */
    public ReadOnlyIntegerProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public String scoreText() {
        return score.get() + " of " + questions.size() + " right";
    }
}
