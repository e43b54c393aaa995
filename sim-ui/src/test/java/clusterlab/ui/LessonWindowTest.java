package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Lesson L1 in the window, headless: the quiz answered by clicks. */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {
    private LabWindow window;

    @BeforeAll
    static void forgetProgress() throws Exception {
        Files.deleteIfExists(ProgressStore.standard().file());
    }

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, new LabWindow.Config("L1", 2, 1));
    }

    @AfterEach
    void close() {
        if (window != null && window.lab() != null) {
            window.lab().close();
        }
    }

    @Test
    void theQuizSaysRightOrWrongWithTheExplanation(FxRobot robot) {
        robot.clickOn("#lesson-quiz");
        robot.clickOn("#quiz-0-1");
        Label feedback = robot.lookup("#quiz-feedback-0").queryAs(Label.class);
        assertThat(feedback.getText()).startsWith("✗ Not quite");
        robot.clickOn("#quiz-0-0");
        assertThat(feedback.getText()).startsWith("✓ Right.");
        assertThat(robot.lookup("#quiz-score").queryAs(Label.class).getText()).startsWith("1 of ");
        robot.clickOn("#lesson-quiz"); // back to the steps
        assertThat(robot.lookup("#quiz").tryQuery()).isEmpty();
    }
}
