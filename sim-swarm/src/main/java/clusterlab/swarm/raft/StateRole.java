package clusterlab.swarm.raft;

/** The role of a node (etcd's StateType). */
public enum StateRole {
    FOLLOWER("StateFollower"),
    PRE_CANDIDATE("StatePreCandidate"),
    CANDIDATE("StateCandidate"),
    LEADER("StateLeader");

    private final String label;

    StateRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
