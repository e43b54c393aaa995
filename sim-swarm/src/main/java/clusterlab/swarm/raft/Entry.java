package clusterlab.swarm.raft;

/** One log entry: its position, the term of the leader that created it, and its command. */
public record Entry(long index, long term, Command command) {
    public Entry {
        if (index <= 0 || term < 0 || command == null) {
            throw new IllegalArgumentException("bad entry " + index + "/" + term + " " + command);
        }
    }

    @Override
    public String toString() {
        return index + "/" + term + " " + command;
    }
}
