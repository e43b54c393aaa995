package clusterlab.kernel.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the most recent records in memory, up to a fixed capacity; older ones are dropped and
 * counted, so a long run cannot exhaust the heap through its trace.
 */
public final class MemoryTraceSink implements TraceSink {
    private final int capacity;
    private final ArrayDeque<TraceRecord> records;
    private long dropped;

    public MemoryTraceSink(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.records = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    @Override
    public void accept(TraceRecord record, String canonicalJson) {
        if (records.size() == capacity) {
            records.removeFirst();
            dropped++;
        }
        records.addLast(record);
    }

    /** The retained records, oldest first. */
    public List<TraceRecord> records() {
        return new ArrayList<>(records);
    }

    public long dropped() {
        return dropped;
    }

    public void clear() {
        records.clear();
        dropped = 0;
    }
}
