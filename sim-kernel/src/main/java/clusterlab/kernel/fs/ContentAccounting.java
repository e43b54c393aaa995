package clusterlab.kernel.fs;

import java.util.IdentityHashMap;

/**
 * What storing some filesystems really costs the simulator: each distinct content blob counted
 * once, however many layers, overlays and copied-up files share it. This is the measure that
 * shows copy-on-write working (100 containers over one 10 MB image cost about 10 MB), as opposed
 * to {@link OverlayFs#upperSizeBytes()}, which is what Docker reports for a container's layer.
 */
public final class ContentAccounting {
    /** Keyed by identity because sharing is the point; only looked up and counted, never iterated. */
    private final IdentityHashMap<Blob, Boolean> seen = new IdentityHashMap<>();
    private long distinctBytes;

    public ContentAccounting add(BlobHolder holder) {
        holder.forEachBlob(blob -> {
            if (seen.put(blob, Boolean.TRUE) == null) {
                distinctBytes += blob.sizeBytes();
            }
        });
        return this;
    }

    public int distinctBlobs() { return seen.size(); }

    public long distinctContentBytes() { return distinctBytes; }
}
