package clusterlab.ui;

import clusterlab.kernel.OutsideSimulation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** The app's {@link TimeControlViewModel.Ticker}: a JavaFX Timeline, so ticks arrive on the FX thread. */
@OutsideSimulation("paces Play by the wall clock; it only posts advance requests to the simulation thread")
final class FxTicker implements TimeControlViewModel.Ticker {
    private Timeline timeline;

    @Override
    public void start(Runnable onTick) {
        stop();
        timeline = new Timeline(new KeyFrame(Duration.millis(TimeControlViewModel.TICK_MILLIS), e -> onTick.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
