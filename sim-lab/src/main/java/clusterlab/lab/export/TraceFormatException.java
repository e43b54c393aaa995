package clusterlab.lab.export;

/**
 * A trace file that cannot be read: the message is one line, {@code file:line: problem} (or
 * {@code file: problem} when no line is to blame), fit to show a person as it is.
 */
public final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public TraceFormatException(String message) {
        super(message);
    }

    public TraceFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
