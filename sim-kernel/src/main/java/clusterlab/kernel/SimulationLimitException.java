package clusterlab.kernel;

/** A run executed more events than its bound allows: the model is probably in a loop. */
public final class SimulationLimitException extends SimulationException {
    public SimulationLimitException(String message, long seed, long virtualTime, long eventIndex) {
        super(message, seed, virtualTime, eventIndex, null);
    }
}
