package clusterlab.runtime.registry;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Blob transfers over one link, the way Docker's transfer manager runs them: at most
 * {@code maxConcurrent} at a time (3 downloads, 5 uploads by default), the rest waiting in order;
 * each starts with one request round trip, then the active ones share the bandwidth equally.
 */
final class Transfers {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final class Item {
        final long bytes;
        final Runnable onStart;
        final Runnable onDone;
        long remaining;
        boolean flowing;

        Item(long bytes, Runnable onStart, Runnable onDone) {
            this.bytes = bytes;
            this.remaining = bytes;
            this.onStart = onStart;
            this.onDone = onDone;
        }
    }

    private final Timeline timeline;
    private final long bitsPerSecond;
    private final int maxConcurrent;
    private final long latencyNanos;
    private final ArrayDeque<Item> waiting = new ArrayDeque<>();
    private final List<Item> active = new ArrayList<>();
    private long lastProgressAt;
    private long generation;

    Transfers(Timeline timeline, long bitsPerSecond, int maxConcurrent, long latencyNanos) {
        if (bitsPerSecond <= 0 || maxConcurrent <= 0) {
            throw new IllegalArgumentException("bandwidth and concurrency must be positive");
        }
        this.timeline = timeline;
        this.bitsPerSecond = bitsPerSecond;
        this.maxConcurrent = maxConcurrent;
        this.latencyNanos = latencyNanos;
    }

    /** True if a transfer submitted now would have to wait for a slot. */
    boolean full() { return active.size() + waiting.size() >= maxConcurrent; }

    /** Queues a transfer; {@code onStart} runs when it gets a slot, {@code onDone} when its last byte arrives. */
    void submit(long bytes, Runnable onStart, Runnable onDone) {
        Item item = new Item(bytes, onStart, onDone);
        if (active.size() < maxConcurrent) {
            start(item);
        } else {
            waiting.add(item);
        }
    }

    private void start(Item item) {
        active.add(item);
        item.onStart.run();
        timeline.after(latencyNanos, () -> {
            progress();
            item.flowing = true;
            reschedule();
        });
    }

    /** Moves every flowing transfer forward by its share of the time since the last update. */
    private void progress() {
        long elapsed = timeline.now() - lastProgressAt;
        lastProgressAt = timeline.now();
        long flowing = active.stream().filter(i -> i.flowing).count();
        if (flowing == 0 || elapsed <= 0) {
            return;
        }
        long share = mulDiv(elapsed, bitsPerSecond, 8L * NANOS_PER_SECOND * flowing, false);
        for (Item i : active) {
            if (i.flowing) {
                i.remaining = Math.max(0, i.remaining - share);
            }
        }
    }

    private void reschedule() {
        List<Item> finished = new ArrayList<>();
        for (Item i : active) {
            if (i.flowing && i.remaining == 0) {
                finished.add(i);
            }
        }
        for (Item i : finished) {
            active.remove(i);
        }
        for (Item i : finished) {
            i.onDone.run();
        }
        while (active.size() < maxConcurrent && !waiting.isEmpty()) {
            start(waiting.poll());
        }
        long flowing = active.stream().filter(i -> i.flowing).count();
        if (flowing == 0) {
            return;
        }
        long smallest = Long.MAX_VALUE;
        for (Item i : active) {
            if (i.flowing) {
                smallest = Math.min(smallest, i.remaining);
            }
        }
        long delay = mulDiv(smallest, 8L * NANOS_PER_SECOND * flowing, bitsPerSecond, true);
        long gen = ++generation;
        timeline.after(delay, () -> {
            if (gen == generation) {
                progress();
                reschedule();
            }
        });
    }

    /** a * b / c without overflow, rounded down or up. */
    static long mulDiv(long a, long b, long c, boolean roundUp) {
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        long q = qr[0].longValueExact();
        return roundUp && qr[1].signum() > 0 ? q + 1 : q;
    }
}
