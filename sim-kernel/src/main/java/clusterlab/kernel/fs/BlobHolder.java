package clusterlab.kernel.fs;

import java.util.function.Consumer;

/** Something that stores file content: it can name every {@link Blob} it references, for accounting. */
public interface BlobHolder {
    /** Calls {@code sink} once per file that references a blob (a shared blob may come more than once). */
    void forEachBlob(Consumer<Blob> sink);
}
