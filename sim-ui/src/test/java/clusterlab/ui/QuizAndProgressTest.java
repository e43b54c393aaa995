package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.lab.scenario.Lesson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson pane's quiz and the remembered lesson step, without a window. */
class QuizAndProgressTest {
    private LabViewModel lab;

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void answeringL1sFirstQuestionRightAndWrong() {
        QuizViewModel quiz = new QuizViewModel(LessonFiles.load("L1").quiz());
        assertThat(quiz.question(0)).isEqualTo("1. What makes a container's processes unable to see the host's other processes?");
        assertThat(quiz.choices(0)).startsWith("A PID namespace", "A control group (cgroup)");
        assertThat(quiz.feedback(0)).isNull();

        QuizViewModel.Feedback wrong = quiz.answer(0, 1);
        assertThat(wrong.right()).isFalse();
        assertThat(wrong.text()).startsWith("✗ Not quite: the answer is \"A PID namespace\".")
                .contains("Cgroups limit what it uses.");
        assertThat(quiz.scoreProperty().get()).isZero();

        QuizViewModel.Feedback right = quiz.answer(0, 0);
        assertThat(right.right()).isTrue();
        assertThat(right.text()).startsWith("✓ Right. Namespaces limit what a process sees");
        assertThat(quiz.scoreText()).isEqualTo("1 of " + quiz.questions().size() + " right");
        assertThatThrownBy(() -> quiz.answer(0, 9)).hasMessageContaining("no choice 9");
    }

    @Test
    void progressIsStoredPerLessonAndSurvivesAnotherStore(@TempDir Path dir) throws Exception {
        ProgressStore store = new ProgressStore(dir.resolve("nested"));
        assertThat(store.lastStep("L1")).isZero();
        store.remember("L1", 3);
        store.remember("L2", 1);
        ProgressStore again = new ProgressStore(dir.resolve("nested"));
        assertThat(again.lastStep("L1")).isEqualTo(3);
        assertThat(again.lastStep("L2")).isEqualTo(1);
        assertThat(again.lastStep("L3")).isZero();
        assertThat(Files.readString(again.file())).contains("L1.step=3");

        Files.writeString(again.file(), "L1.step=three\n");
        assertThat(again.lastStep("L1")).isZero();
        assertThat(again.lastError()).isEmpty();
    }

    @Test
    void theSystemPropertyChoosesTheDirectory(@TempDir Path dir) {
        String before = System.getProperty(ProgressStore.DIRECTORY_PROPERTY);
        try {
            System.setProperty(ProgressStore.DIRECTORY_PROPERTY, dir.toString());
            assertThat(ProgressStore.standard().file()).isEqualTo(dir.resolve("progress.properties"));
        } finally {
            if (before == null) {
                System.clearProperty(ProgressStore.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(ProgressStore.DIRECTORY_PROPERTY, before);
            }
        }
    }

    @Test
    void aLessonReopensAtTheStepLeftAndCatchesUp(@TempDir Path dir) throws Exception {
        Lesson l1 = LessonFiles.load("L1");
        ProgressStore store = new ProgressStore(dir);
        lab = LabViewModel.forLesson(l1, Runnable::run);
        lab.start().get(30, TimeUnit.SECONDS);
        LessonViewModel first = new LessonViewModel(l1, lab, store);
        assertThat(first.index()).isZero();
        first.next();
        first.next();
        assertThat(store.lastStep("L1")).isEqualTo(2);
        lab.close();

        lab = LabViewModel.forLesson(l1, Runnable::run);
        lab.start().get(30, TimeUnit.SECONDS);
        LessonViewModel reopened = new LessonViewModel(l1, lab, store);
        reopened.setUp().get(30, TimeUnit.SECONDS);
        assertThat(reopened.index()).isEqualTo(2);
        assertThat(reopened.restoredAt()).isEqualTo(2);
        assertThat(reopened.heading()).startsWith("Step 3/");

        // Steps 1 and 2 run for the fresh cluster; their checks pass, so step 3 can go on from there.
        reopened.catchUp().get(120, TimeUnit.SECONDS);
        assertThat(reopened.passedChecks()).isEqualTo(2);
        reopened.performAll().get(120, TimeUnit.SECONDS);
        if (reopened.hasCheck()) {
            assertThat(reopened.check().get(120, TimeUnit.SECONDS)).isEqualTo(LessonViewModel.CheckState.PASSED);
        }
    }

    @Test
    void aStepChangeLeavesTheQuiz() throws Exception {
        Lesson l1 = LessonFiles.load("L1");
        lab = LabViewModel.forLesson(l1, Runnable::run);
        LessonViewModel lesson = new LessonViewModel(l1, lab);
        lesson.showingQuizProperty().set(true);
        assertThat(lesson.quiz().isEmpty()).isFalse();
        lesson.next();
        assertThat(lesson.showingQuizProperty().get()).isFalse();
    }
}
