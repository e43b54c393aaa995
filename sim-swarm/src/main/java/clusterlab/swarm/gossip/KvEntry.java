package clusterlab.swarm.gossip;

/**
 * One key of the replicated store. Versions come from the writer's Lamport clock; the newer of two
 * entries is the one with the higher (version, owner), so every node settles on the same winner
 * whatever order the updates arrive in. A removal is a tombstone ({@code deleted}, value "").
 */
public record KvEntry(String key, String value, long version, String owner, boolean deleted, long stampNanos) {

    /** Whether this entry wins over {@code other} (last writer wins by version, then owner name). */
    public boolean newerThan(KvEntry other) {
        if (other == null) {
            return true;
        }
        if (version != other.version) {
            return version > other.version;
        }
        return owner.compareTo(other.owner) > 0;
    }

    int sizeBytes() {
        return 24 + key.length() + value.length() + owner.length();
    }
}
