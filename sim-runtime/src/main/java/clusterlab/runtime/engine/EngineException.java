package clusterlab.runtime.engine;

/**
 * An error the daemon returns. The CLI prints {@code Error response from daemon: } and the
 * message; {@code statusCode} is the HTTP status the Engine API would use (404, 409, 500...).
 */
public final class EngineException extends RuntimeException {
    private final int statusCode;

    public EngineException(int statusCode, String message) {
        super(message);
        this.statusCode = statusCode;
    }

    public int statusCode() {
        return statusCode;
    }

    public static EngineException notFound(String message) {
        return new EngineException(404, message);
    }

    public static EngineException conflict(String message) {
        return new EngineException(409, message);
    }

    public static EngineException badRequest(String message) {
        return new EngineException(400, message);
    }

    public static EngineException server(String message) {
        return new EngineException(500, message);
    }
}
