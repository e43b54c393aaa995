package clusterlab.swarm.raft;

import java.util.List;

/**
 * What a node hands its driver in one batch, in the order the driver must handle it: persist
 * {@code hardState} (if not null), {@code snapshot} (if not null) and {@code entries} (replacing
 * any stored entries from the first one's index on); then send {@code messages}; then apply
 * {@code committedEntries} (after restoring the application from {@code snapshot}); then call
 * {@link RaftCore#advance(Ready)}.
 */
public record Ready(HardState hardState, Snapshot snapshot, List<Entry> entries, List<Message> messages,
                    List<Entry> committedEntries, List<RaftEvent> events, StateRole role, long leader) {
    public Ready {
        entries = List.copyOf(entries);
        messages = List.copyOf(messages);
        committedEntries = List.copyOf(committedEntries);
        events = List.copyOf(events);
    }

    public boolean isEmpty() {
        return hardState == null && snapshot == null && entries.isEmpty() && messages.isEmpty()
                && committedEntries.isEmpty() && events.isEmpty();
    }
}
