package clusterlab.runtime.cli.args;

/**
 * A command line docker would reject. The message is exactly what the docker client
 * prints to stderr (the caller adds the final newline, as Go's Fprintln does), and the
 * exit status is docker's: 125 for flag errors (cli.StatusError from FlagErrorFunc),
 * 1 for argument-count errors and unknown commands.
 */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitStatus;

    public ParseException(String message, int exitStatus) {
        super(message, null, false, false);
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}
