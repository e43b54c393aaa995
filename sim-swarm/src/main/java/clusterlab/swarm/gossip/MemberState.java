package clusterlab.swarm.gossip;

/** A member's health as one node sees it. */
public enum MemberState {
    ALIVE, SUSPECT, DEAD;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
