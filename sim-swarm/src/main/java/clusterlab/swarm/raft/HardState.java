package clusterlab.swarm.raft;

/** The persistent scalars of a node: current term, vote in that term (0 = none), commit index. */
public record HardState(long term, long vote, long commit) {
    public static final HardState EMPTY = new HardState(0, 0, 0);

    @Override
    public String toString() {
        return "term=" + term + " vote=" + vote + " commit=" + commit;
    }
}
