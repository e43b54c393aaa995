package clusterlab.ui;

import clusterlab.kernel.Time;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * Play/Pause for virtual time. While playing, a wall-clock {@link Ticker} fires every
 * {@link #TICK_MILLIS} ms on the FX thread and each tick asks the simulation thread to advance
 * {@code speed × TICK_MILLIS} of virtual time. A tick that finds the previous request still
 * running is skipped rather than queued: never two advances in flight, so a simulation slower
 * than the chosen speed falls behind the wall clock instead of piling up work (and the terminals
 * stay responsive, since typed commands queue behind at most one slice).
 */
public final class TimeControlViewModel {
    /** The wall-clock period of a tick. */
    public static final long TICK_MILLIS = 100;
    /** Virtual seconds per wall second the person can choose. */
    public static final List<Double> SPEEDS = List.of(0.1, 1.0, 10.0, 100.0, 1000.0);

    /** Calls {@code onTick} periodically (on the FX thread in the app) until stopped. */
    public interface Ticker {
        void start(Runnable onTick);

        void stop();
    }

    private final LongFunction<CompletableFuture<?>> advance;
    private final Ticker ticker;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    /** Set on the FX thread, cleared wherever the advance completes (the simulation thread in tests). */
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private long skippedTicks;

    /** @param advance lets virtual time pass on the simulation thread (the lab's {@code advance}) */
    public TimeControlViewModel(LongFunction<CompletableFuture<?>> advance, Ticker ticker) {
        this.advance = advance;
        this.ticker = ticker;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    /** Virtual seconds per wall second; one of {@link #SPEEDS} from the view, any positive value here. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public void play() {
        if (!playing.get()) {
            playing.set(true);
            ticker.start(this::tick);
        }
    }

    /** Stops asking for time; a slice already in flight still completes. */
    public void pause() {
        if (playing.get()) {
            ticker.stop();
            playing.set(false);
        }
    }

    public void toggle() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** The virtual time one tick asks for at the current speed. */
    public long sliceNanos() {
        return Math.max(1, Math.round(speed.get() * TICK_MILLIS * Time.MILLISECOND));
    }

    /** True while an advance this control asked for has not completed. */
    public boolean isAdvancing() {
        return inFlight.get();
    }

    /** Ticks that found the previous slice still running (the simulation is slower than the speed asked). */
    public long skippedTicks() {
        return skippedTicks;
    }

    /** One tick of the wall clock: ask for the next slice unless the last one is still running. */
    void tick() {
        if (!playing.get()) {
            return; // a tick the timer had already queued when Pause was pressed
        }
        if (!inFlight.compareAndSet(false, true)) {
            skippedTicks++;
            return;
        }
        advance.apply(sliceNanos()).whenComplete((x, failure) -> inFlight.set(false));
    }

    /** "1000×", "0.1×". */
    public static String label(double speed) {
        return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.valueOf(speed)) + "×";
    }
}
