package clusterlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Play/Pause without a window: ticks are fired by hand instead of by a Timeline. */
class TimeControlViewModelTest {
    /** A ticker the test fires itself. */
    static final class ManualTicker implements TimeControlViewModel.Ticker {
        Runnable onTick;

        @Override
        public void start(Runnable onTick) {
            this.onTick = onTick;
        }

        @Override
        public void stop() {
            onTick = null;
        }

        boolean running() {
            return onTick != null;
        }
    }

    private LabViewModel lab;

    @AfterEach
    void close() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void playingAt1000xMovesVirtualTimeAndPauseStopsIt() throws Exception {
        lab = new LabViewModel(1, 2, Runnable::run);
        lab.start().get(30, TimeUnit.SECONDS);
        ManualTicker ticker = new ManualTicker();
        TimeControlViewModel time = new TimeControlViewModel(lab::advance, ticker);
        time.speedProperty().set(1000);
        assertThat(time.sliceNanos()).isEqualTo(100 * Time.SECOND);

        long before = lab.nowNanosProperty().get();
        time.play();
        assertThat(time.isPlaying()).isTrue();
        for (int i = 0; i < 3; i++) {
            ticker.onTick.run();
            waitIdle(time);
        }
        assertThat(lab.nowNanosProperty().get() - before).isEqualTo(300 * Time.SECOND);

        time.pause();
        assertThat(ticker.running()).isFalse();
        long paused = lab.nowNanosProperty().get();
        time.tick(); // a tick the Timeline had queued before Pause
        waitIdle(time);
        lab.advance(0).get(30, TimeUnit.SECONDS); // anything still queued on the simulation thread has run
        assertThat(lab.nowNanosProperty().get()).isEqualTo(paused);
    }

    @Test
    void aTickWhileTheLastSliceRunsIsSkipped() {
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        List<Long> slices = new ArrayList<>();
        ManualTicker ticker = new ManualTicker();
        TimeControlViewModel time = new TimeControlViewModel(nanos -> {
            slices.add(nanos);
            CompletableFuture<Void> f = new CompletableFuture<>();
            requests.add(f);
            return f;
        }, ticker);
        time.speedProperty().set(0.1);
        time.play();
        ticker.onTick.run();
        ticker.onTick.run(); // the first slice has not finished
        assertThat(requests).hasSize(1);
        assertThat(time.skippedTicks()).isEqualTo(1);
        requests.get(0).complete(null);
        ticker.onTick.run();
        assertThat(requests).hasSize(2);
        assertThat(slices).containsExactly(10 * Time.MILLISECOND, 10 * Time.MILLISECOND);
        time.toggle();
        assertThat(time.isPlaying()).isFalse();
    }

    @Test
    void speedLabels() {
        assertThat(TimeControlViewModel.SPEEDS).extracting(TimeControlViewModel::label)
                .containsExactly("0.1×", "1×", "10×", "100×", "1000×");
    }

    private static void waitIdle(TimeControlViewModel time) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (time.isAdvancing() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(time.isAdvancing()).as("slice finished").isFalse();
    }
}
