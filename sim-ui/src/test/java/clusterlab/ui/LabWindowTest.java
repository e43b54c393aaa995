package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import clusterlab.kernel.Time;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
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

/** The app started headless (Monocle) with two machines, typed into and clicked like a person would. */
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

    @Test
    void playAt1000xMovesVirtualTimeUntilPaused(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lab().card("node1") != null);
        @SuppressWarnings("unchecked")
        ComboBox<Double> speed = robot.lookup("#speed").queryAs(ComboBox.class);
        robot.interact(() -> {
            speed.setValue(1000.0);
            speed.getOnAction().handle(null);
        });
        long before = window.lab().nowNanosProperty().get();
        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.lab().nowNanosProperty().get() - before >= 200 * Time.SECOND);
        assertThat(robot.lookup("#play").queryButton().getText()).contains("Pause");

        robot.clickOn("#play");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.timeControl().isAdvancing());
        WaitForAsyncUtils.waitForFxEvents();
        long paused = window.lab().nowNanosProperty().get();
        WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.lab().nowNanosProperty().get()).isEqualTo(paused);
        assertThat(robot.lookup("#play").queryButton().getText()).contains("Play");
    }

    @Test
    void aPartitionTypedInTheFaultsPanelSplitsTheNetwork(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lab().card("node1") != null);
        robot.clickOn("#partition-groups").write("node1 | node2");
        robot.clickOn("#partition");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lab().networkProperty().get().partitioned());
        assertThat(robot.lookup("#faults-message").queryAs(Label.class).getText()).isEqualTo("partitioned: node1 | node2");
        robot.clickOn("#heal");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.lab().networkProperty().get().partitioned());
        assertThat(robot.lookup("#network-summary").queryAs(Label.class).getText()).contains("no partition");
    }
}
