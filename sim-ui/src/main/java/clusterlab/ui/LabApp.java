package clusterlab.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application; {@link UiMain} parses the command line and launches it. */
public final class LabApp extends Application {
    /** Set by {@link UiMain} before launch (JavaFX instantiates this class itself). */
    static volatile LabWindow.Config config = new LabWindow.Config(null, 2, 1);

    @Override
    public void start(Stage stage) {
        LabWindow.open(stage, config);
    }
}
