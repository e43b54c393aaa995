package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app started headless (Monocle) with two machines, typed into like a person would. */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {
    private LabWindow window;

    @Start
    void start(Stage stage) {
        window = LabWindow.open(stage, new LabWindow.Config(null, 2, 1));
    }

    @AfterEach
    void close() {
        if (window != null && window.lab() != null) {
            window.lab().close();
        }
    }

    @Test
    void typingDockerVersionIntoNode1ShowsTheServerVersion(FxRobot robot) throws Exception {
        TextArea output = robot.lookup("#output-node1").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> output.getText().contains("[node1] (local) root@"));

        robot.clickOn("#input-node1");
        robot.write("docker version --format '{{.Server.Version}}'");
        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> output.getText().contains("18.09.4"));
        assertThat(output.getText()).contains("$ docker version --format '{{.Server.Version}}'\n18.09.4\n");
    }
}
