package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the main window headless on lesson L3 once it has three managers, to target/app.png (and to
 * the path in -Dclusterlab.screenshot, which is how docs/screenshots/app.png is made).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {
    static final String MANAGERS_STEP = "How many managers?";
    private LabWindow window;
    private Stage stage;

    /** The lesson must start at step 1, whatever an earlier run left in the progress file. */
    @org.junit.jupiter.api.BeforeAll
    static void forgetProgress() throws Exception {
        Files.deleteIfExists(ProgressStore.standard().file());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = LabWindow.open(stage, new LabWindow.Config("L3", 3, 1));
    }

    @Test
    void rendersTheMainWindowToPng(FxRobot robot) throws Exception {
        LessonViewModel lesson = window.lesson();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lab().card("node1") != null);
        // The swarm lesson up to "How many managers?": three managers, so the Raft panel has three rows.
        int last = -1;
        for (int i = 0; i < lesson.lesson().steps().size(); i++) {
            if (lesson.lesson().steps().get(i).title().equals(MANAGERS_STEP)) {
                last = i;
            }
        }
        assertThat(last).as("L3 has the step " + MANAGERS_STEP).isPositive();
        for (int i = 0; i <= last; i++) {
            AtomicReference<CompletableFuture<LessonViewModel.CheckState>> done = new AtomicReference<>();
            robot.interact(() -> done.set(lesson.performAll().thenCompose(x -> lesson.check())));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done.get().isDone());
            WaitForAsyncUtils.waitForFxEvents();
            if (i < last) {
                robot.interact(lesson::next);
            }
        }
        robot.interact(() -> window.lab().advance(10_000_000_000L));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        BufferedImage png = toBufferedImage(shot[0]);
        Path target = Path.of("target", "app.png");
        Files.createDirectories(target.getParent());
        ImageIO.write(png, "png", target.toFile());
        String wanted = System.getProperty("clusterlab.screenshot", "");
        if (!wanted.isBlank()) {
            Path file = Path.of(wanted);
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(png, "png", file.toFile());
        }
        assertThat(png.getWidth()).isEqualTo(1280);
        assertThat(lesson.checkProperty().get()).isEqualTo(LessonViewModel.CheckState.PASSED);
        assertThat(window.lab().raft()).hasSize(3);
        assertThat(window.lab().raft().stream().filter(ManagerRaft::isLeader).count()).isEqualTo(1);
    }

    /** javafx-swing's SwingFXUtils without the dependency: copy the pixels. */
    static BufferedImage toBufferedImage(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
