package clusterlab.ui;

import clusterlab.kernel.OutsideSimulation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The one thread that ever touches the simulation. The simulation is single-threaded and
 * deterministic only if nothing else calls into it, so every {@link clusterlab.lab.shell.LabSession}
 * call of the app is submitted here, in order; the FX thread only renders immutable snapshots
 * that the work posts back (see {@link LabViewModel}).
 */
@OutsideSimulation("the app's simulation runs on one dedicated executor thread so the FX thread never drives the kernel")
public final class SimulationThread implements AutoCloseable {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clusterlab-simulation");
        t.setDaemon(true); // closing the window ends the app even while a command still runs
        return t;
    });
    private volatile Thread thread;

    /** Runs {@code work} on the simulation thread after everything submitted before it. */
    public <T> CompletableFuture<T> call(Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            thread = Thread.currentThread();
            return work.get();
        }, executor);
    }

    public CompletableFuture<Void> run(Runnable work) {
        return call(() -> {
            work.run();
            return null;
        });
    }

    /** True on the simulation thread (assertions that nothing else reaches the session). */
    public boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
