package clusterlab.runtime.build;

import clusterlab.runtime.image.HistoryEntry;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageConfig;
import clusterlab.runtime.image.ImageStore;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The classic builder's cache: the engine's own image store. A step hits when an image already
 * exists whose parent is the current image, whose config is the one the step would produce, and
 * whose last history entry is the step's creating command (for COPY and ADD that command holds
 * the sources' content hash, so an edited file misses). Removing the images removes the cache, as
 * in Docker; nothing else is kept.
 */
public final class BuildCache {
    private final ImageStore store;

    public BuildCache(ImageStore store) {
        this.store = store;
    }

    /**
     * @param parent the current image, or null for a step right after {@code FROM scratch}
     * @return the newest matching child, if any
     */
    public Optional<Image> probe(Image parent, String createdBy, ImageConfig config, SortedSet<String> volumes) {
        Image best = null;
        int parentHistory = parent == null ? 0 : parent.history().size();
        for (Image child : parent == null ? store.images() : store.children(parent)) {
            if (parent == null && child.parentId() != null) {
                continue;
            }
            if (child.history().size() != parentHistory + 1) {
                continue;
            }
            HistoryEntry last = child.history().get(child.history().size() - 1);
            if (!last.createdBy().equals(createdBy) || !child.config().equals(config)
                    || !child.volumes().equals(volumes)) {
                continue;
            }
            if (best == null || child.createdNanos() > best.createdNanos()) {
                best = child;
            }
        }
        return Optional.ofNullable(best);
    }
}
