package clusterlab.swarm.orchestrator;

import clusterlab.kernel.Time;
import java.util.Locale;

/**
 * {@code --restart-condition/--restart-delay/--restart-max-attempts/--restart-window} with
 * SwarmKit's defaults (condition any, delay 5 s, unlimited attempts), and the supervisor's rule
 * for whether a task that ended gets a replacement, and when.
 */
public record RestartPolicy(Condition condition, long delayNanos, long maxAttempts, long windowNanos) {
    public enum Condition {
        NONE, ON_FAILURE, ANY;

        public static Condition parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "on-failure" -> ON_FAILURE;
                case "any" -> ANY;
                default -> throw new IllegalArgumentException("invalid restart condition: " + text);
            };
        }
    }

    public static final RestartPolicy DEFAULTS = new RestartPolicy(Condition.ANY, 5 * Time.SECOND, 0, 0);

    public RestartPolicy {
        if (delayNanos < 0 || maxAttempts < 0 || windowNanos < 0) {
            throw new IllegalArgumentException("invalid restart policy");
        }
    }

    /**
     * Whether a task of this service that ended in {@code state} is replaced, given how many
     * restarts the slot had (within the window, when one is set). A task the orchestrator shut down
     * itself (desired SHUTDOWN) is never restarted; that is the caller's to check.
     */
    public boolean restarts(TaskState endedIn, long restartsSoFar) {
        if (maxAttempts > 0 && restartsSoFar >= maxAttempts) {
            return false;
        }
        return switch (condition) {
            case NONE -> false;
            case ON_FAILURE -> endedIn == TaskState.FAILED || endedIn == TaskState.REJECTED;
            case ANY -> true;
        };
    }
}
