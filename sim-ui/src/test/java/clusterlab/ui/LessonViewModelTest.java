package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.lab.scenario.Lesson;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lessons walked through the app's view model, without a window. */
class LessonViewModelTest {
    private LabViewModel lab;

    private LessonViewModel open(String id) throws Exception {
        Lesson lesson = LessonFiles.load(id);
        lab = LabViewModel.forLesson(lesson, Runnable::run);
        lab.start().get(30, TimeUnit.SECONDS);
        LessonViewModel vm = new LessonViewModel(lesson, lab);
        vm.setUp().get(30, TimeUnit.SECONDS);
        return vm;
    }

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aStepsCheckTurnsGreenAfterItsCommands() throws Exception {
        LessonViewModel l1 = open("L1");
        assertThat(l1.heading()).startsWith("Step 1/");
        assertThat(l1.check().get(30, TimeUnit.SECONDS)).isEqualTo(LessonViewModel.CheckState.FAILED);
        assertThat(l1.checkMessageProperty().get()).startsWith("✗");

        l1.performAll().get(60, TimeUnit.SECONDS);
        assertThat(lab.terminal("node1").screen()).contains("$ docker container run -d -t ubuntu top");
        assertThat(l1.check().get(30, TimeUnit.SECONDS)).isEqualTo(LessonViewModel.CheckState.PASSED);
        assertThat(LessonViewModel.mark(l1.checkProperty().get())).isEqualTo("✓");

        // The check captured ${ID}; step 2 types it expanded.
        l1.next();
        assertThat(l1.checkProperty().get()).isEqualTo(LessonViewModel.CheckState.NOT_RUN);
        assertThat(l1.actions()).extracting(LessonViewModel.Action::label).contains("node1$ docker container top ${ID}");
        l1.performAll().get(60, TimeUnit.SECONDS);
        assertThat(lab.terminal("node1").screen()).doesNotContain("${ID}").contains("top");
        assertThat(l1.check().get(30, TimeUnit.SECONDS)).isEqualTo(LessonViewModel.CheckState.PASSED);
        assertThat(l1.passedChecks()).isEqualTo(2);

        l1.previous();
        assertThat(l1.checkProperty().get()).isEqualTo(LessonViewModel.CheckState.PASSED);
        assertThat(l1.revealHint()).isTrue();
        assertThat(l1.hintsProperty().get()).contains("-d");
    }

    @Test
    void everyStepOfEveryLessonPassesInTheApp() throws Exception {
        for (String id : LessonFiles.IDS) {
            LessonViewModel lesson = open(id);
            for (int i = 0; i < lesson.lesson().steps().size(); i++) {
                lesson.performAll().get(120, TimeUnit.SECONDS);
                if (lesson.hasCheck()) {
                    assertThat(lesson.check().get(120, TimeUnit.SECONDS))
                            .as(id + " " + lesson.heading() + ": " + lesson.checkMessageProperty().get())
                            .isEqualTo(LessonViewModel.CheckState.PASSED);
                }
                lesson.next();
            }
            lab.close();
            lab = null;
        }
    }
}
