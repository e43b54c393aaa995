package clusterlab.runtime.engine;

/** {@code --restart}: no, always, unless-stopped, on-failure[:max-retries]. */
public record RestartPolicy(String name, int maximumRetryCount) {
    public static final RestartPolicy NO = new RestartPolicy("no", 0);

    /** Parses the flag value with Docker's messages. */
    public static RestartPolicy parse(String text) {
        if (text == null || text.isEmpty() || text.equals("no")) {
            return NO;
        }
        String[] parts = text.split(":", -1);
        String name = parts[0];
        switch (name) {
            case "always", "unless-stopped" -> {
                if (parts.length > 1) {
                    throw new IllegalArgumentException("maximum retry count cannot be used with restart policy '"
                            + name + "'");
                }
                return new RestartPolicy(name, 0);
            }
            case "on-failure" -> {
                if (parts.length > 2) {
                    throw new IllegalArgumentException("invalid restart policy format");
                }
                int max = 0;
                if (parts.length == 2) {
                    try {
                        max = Integer.parseInt(parts[1]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("maximum retry count must be an integer");
                    }
                }
                return new RestartPolicy(name, max);
            }
            default -> throw new IllegalArgumentException("invalid restart policy '" + text + "'");
        }
    }

    /** Whether a container that exited with {@code exitCode} is restarted under this policy. */
    public boolean restarts(int exitCode, int restartCount, boolean stoppedByUser) {
        if (stoppedByUser) {
            return false;
        }
        return switch (name) {
            case "always", "unless-stopped" -> true;
            case "on-failure" -> exitCode != 0 && (maximumRetryCount == 0 || restartCount < maximumRetryCount);
            default -> false;
        };
    }
}
