package clusterlab.runtime.image;

/**
 * One step of how an image was made, as {@code docker history} lists it.
 *
 * @param createdNanos virtual time; negative for the Hub's images, made before the lab began
 * @param createdBy e.g. {@code /bin/sh -c #(nop)  CMD ["bash"]}
 * @param comment usually empty
 * @param emptyLayer true for a metadata-only step (CMD, ENV, EXPOSE...) that added no layer
 */
public record HistoryEntry(long createdNanos, String createdBy, String comment, boolean emptyLayer) {
    public HistoryEntry {
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }

    public static HistoryEntry layer(long createdNanos, String createdBy) {
        return new HistoryEntry(createdNanos, createdBy, "", false);
    }

    public static HistoryEntry empty(long createdNanos, String createdBy) {
        return new HistoryEntry(createdNanos, createdBy, "", true);
    }
}
