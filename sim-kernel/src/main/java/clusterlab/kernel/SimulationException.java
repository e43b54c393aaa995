package clusterlab.kernel;

/**
 * A simulation run stopped: an event failed, or a bound was hit. The message always names the
 * seed so that the failing run can be reproduced with {@code --seed N}.
 */
public class SimulationException extends RuntimeException {
    private final long seed;
    private final long virtualTime;
    private final long eventIndex;

    public SimulationException(String message, long seed, long virtualTime, long eventIndex, Throwable cause) {
        super(message + " [seed " + seed + ", t=" + Time.formatInstant(virtualTime) + ", event #" + eventIndex
                + "; reproduce with --seed " + seed + "]", cause);
        this.seed = seed;
        this.virtualTime = virtualTime;
        this.eventIndex = eventIndex;
    }

    public long seed() {
        return seed;
    }

    public long virtualTime() {
        return virtualTime;
    }

    public long eventIndex() {
        return eventIndex;
    }
}
