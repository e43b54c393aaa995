package clusterlab.runtime.engine;

import clusterlab.kernel.os.OutputSink;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A container's log, as the json-file driver keeps it: one entry per line with the stream it
 * came from and the virtual time it was written. Bounded: the oldest entries go first (like
 * {@code --log-opt max-size}). Followers ({@code docker logs -f}, an attached {@code docker run})
 * receive new entries as they come.
 */
public final class ContainerLog {
    /** Lines kept per container. */
    public static final int MAX_ENTRIES = 100_000;
    /** A partial line longer than this is flushed as an entry (Docker splits at 16 KiB). */
    static final int MAX_LINE_CHARS = 16 * 1024;

    public enum Stream {
        STDOUT, STDERR
    }

    /** One log line; {@code text} keeps its trailing newline if it had one. */
    public record Entry(long timeNanos, Stream stream, String text) {}

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final List<Consumer<Entry>> followers = new ArrayList<>();
    private final StringBuilder pendingOut = new StringBuilder();
    private final StringBuilder pendingErr = new StringBuilder();
    private final java.util.function.LongSupplier clock;

    public ContainerLog(java.util.function.LongSupplier clock) {
        this.clock = clock;
    }

    /** The sink for one of the container's streams. */
    public OutputSink sink(Stream stream) {
        return new OutputSink() {
            @Override
            public void write(String text) {
                append(stream, text);
            }

            @Override
            public void close() {
                flushPartial(stream);
            }
        };
    }

    private void append(Stream stream, String text) {
        StringBuilder pending = stream == Stream.STDOUT ? pendingOut : pendingErr;
        pending.append(text);
        int nl;
        while ((nl = pending.indexOf("\n")) >= 0) {
            add(new Entry(clock.getAsLong(), stream, pending.substring(0, nl + 1)));
            pending.delete(0, nl + 1);
        }
        if (pending.length() > MAX_LINE_CHARS) {
            add(new Entry(clock.getAsLong(), stream, pending.toString()));
            pending.setLength(0);
        }
    }

    /** A partial last line (no newline yet) becomes an entry, e.g. when the process exits. */
    private void flushPartial(Stream stream) {
        StringBuilder pending = stream == Stream.STDOUT ? pendingOut : pendingErr;
        if (pending.length() > 0) {
            add(new Entry(clock.getAsLong(), stream, pending.toString()));
            pending.setLength(0);
        }
    }

    private void add(Entry e) {
        if (entries.size() == MAX_ENTRIES) {
            entries.removeFirst();
        }
        entries.addLast(e);
        for (Consumer<Entry> f : List.copyOf(followers)) {
            f.accept(e);
        }
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    public void follow(Consumer<Entry> follower) {
        followers.add(follower);
    }

    public void unfollow(Consumer<Entry> follower) {
        followers.remove(follower);
    }
}
