package clusterlab.swarm.raft;

import java.util.List;

/**
 * The application's state as of {@code index} (whose entry had {@code term}), plus the voters in
 * force at that index. {@code data} is the application's own encoding.
 */
public record Snapshot(long index, long term, List<Long> voters, String data) {
    public static final Snapshot EMPTY = new Snapshot(0, 0, List.of(), "");

    public Snapshot {
        voters = List.copyOf(new java.util.TreeSet<>(voters));
    }

    @Override
    public String toString() {
        return "snapshot " + index + "/" + term + " voters=" + voters;
    }
}
