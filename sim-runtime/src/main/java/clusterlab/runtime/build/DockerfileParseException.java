package clusterlab.runtime.build;

/**
 * A Dockerfile the builder refuses before running any step. The message is the daemon's own
 * ({@code Dockerfile parse error line 3: unknown instruction: RUNN}); the client prints it after
 * {@code Error response from daemon: }.
 */
public final class DockerfileParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public DockerfileParseException(String message) {
        super(message);
    }

    /** An instruction's own error, located as Docker's {@code parseError} does. */
    static DockerfileParseException atLine(int line, String message) {
        return new DockerfileParseException("Dockerfile parse error line " + line + ": " + message);
    }
}
