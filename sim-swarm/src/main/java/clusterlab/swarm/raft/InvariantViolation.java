package clusterlab.swarm.raft;

/** One of the Raft paper's five properties failed; the message says which, with seed, step and logs. */
public final class InvariantViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String property;
    private final long seed;
    private final long step;

    public InvariantViolation(String property, long seed, long step, String details) {
        super(property + " violated (seed " + seed + ", step " + step + "): " + details);
        this.property = property;
        this.seed = seed;
        this.step = step;
    }

    public String property() {
        return property;
    }

    public long seed() {
        return seed;
    }

    public long step() {
        return step;
    }
}
