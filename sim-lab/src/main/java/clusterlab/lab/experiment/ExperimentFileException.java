package clusterlab.lab.experiment;

/** A malformed experiment file (or shard directory): the message reads {@code file:line: key: problem}. */
public final class ExperimentFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExperimentFileException(String message) {
        super(message);
    }
}
