package clusterlab.runtime.registry;

import clusterlab.runtime.image.Image;
import java.util.Optional;

/**
 * How a pull ended.
 *
 * @param image the pulled image, null on failure
 * @param error the daemon's message for stderr ({@code Error response from daemon: …}), null on success
 * @param durationNanos virtual time from the request to the end
 */
public record PullResult(Image image, String error, long durationNanos) {
    public boolean ok() { return error == null; }

    public Optional<Image> imageIfPulled() { return Optional.ofNullable(image); }
}
