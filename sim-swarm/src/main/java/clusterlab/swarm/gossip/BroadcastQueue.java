package clusterlab.swarm.gossip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * memberlist's TransmitLimitedQueue: updates waiting to be piggybacked, least-sent first (newest
 * first among equals). Each update is sent up to the retransmit limit, then dropped; a newer
 * update about the same subject replaces the older one. Bounded: when full, the most-sent item goes.
 */
final class BroadcastQueue {
    private static final class Item {
        final Update update;
        final long id;
        int transmits;

        Item(Update update, long id) {
            this.update = update;
            this.id = id;
        }
    }

    private final TreeSet<Item> ordered = new TreeSet<>((a, b) -> a.transmits != b.transmits
            ? Integer.compare(a.transmits, b.transmits) : Long.compare(b.id, a.id));
    /** Lookup only, never iterated. */
    private final Map<String, Item> bySubject = new HashMap<>();
    private final int maxItems;
    private long ids;

    BroadcastQueue(int maxItems) {
        this.maxItems = maxItems;
    }

    void queue(Update update) {
        Item old = bySubject.remove(update.subject());
        if (old != null) {
            ordered.remove(old);
        }
        Item item = new Item(update, ++ids);
        ordered.add(item);
        bySubject.put(update.subject(), item);
        while (ordered.size() > maxItems) {
            Item dropped = ordered.pollLast();
            bySubject.remove(dropped.update.subject());
        }
    }

    /** Takes updates worth at most {@code maxBytes}, counting one transmission for each. */
    List<Update> take(int maxBytes, int retransmitLimit) {
        if (ordered.isEmpty()) {
            return List.of();
        }
        List<Item> taken = new ArrayList<>();
        int bytes = 0;
        // Bounded by the queue's size (itself bounded); stops once the datagram is full.
        for (Item item : ordered) {
            int size = item.update.sizeBytes();
            if (bytes + size > maxBytes) {
                if (bytes + 16 > maxBytes) {
                    break;
                }
                continue;
            }
            bytes += size;
            taken.add(item);
        }
        List<Update> updates = new ArrayList<>(taken.size());
        for (Item item : taken) {
            ordered.remove(item);
            item.transmits++;
            updates.add(item.update);
            if (item.transmits >= retransmitLimit) {
                bySubject.remove(item.update.subject());
            } else {
                ordered.add(item);
            }
        }
        return updates;
    }

    int size() {
        return ordered.size();
    }
}
