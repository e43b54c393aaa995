package clusterlab.runtime.registry;

/**
 * How a push ended.
 *
 * @param manifest what the registry now stores, null on failure
 * @param error the text for stderr (e.g. {@code denied: requested access to the resource is denied}), null on success
 * @param durationNanos virtual time from the request to the end
 */
public record PushResult(Manifest manifest, String error, long durationNanos) {
    public boolean ok() { return error == null; }
}
