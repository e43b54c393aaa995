package clusterlab.runtime.image;

import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.fs.LayerEntry;
import clusterlab.kernel.os.ProgramRegistry;
import java.util.TreeMap;

/**
 * Lays out one image layer by hand: directories, text files, program executables, symlinks, and
 * filler files that give the layer its real size without costing the simulator that memory.
 *
 * <p>Filler content comes from a few shared blobs of fixed sizes (16 MiB, 1 MiB, ..., 1 byte):
 * any size is a sum of at most 15 of each, and every filler file of every image points at one of
 * these seven arrays, so a 400 MB image costs a few KB of Java heap (plus the layer's digest,
 * computed once over the bytes).
 */
public final class LayerBuilder {
    private static final int CHUNK_LEVELS = 7;
    private static final Blob[] CHUNKS = new Blob[CHUNK_LEVELS];
    /** Keeps a layer's filler file count bounded (a 4 GB layer at most). */
    private static final long FILLER_MAX_BYTES = 4L << 30;

    static {
        for (int i = 0; i < CHUNK_LEVELS; i++) {
            CHUNKS[i] = Blob.of(new byte[1 << (4 * (CHUNK_LEVELS - 1 - i))]);
        }
    }

    private final long mtimeNanos;
    private final TreeMap<String, LayerEntry> entries = new TreeMap<>();

    public LayerBuilder(long mtimeNanos) {
        this.mtimeNanos = mtimeNanos;
    }

    public LayerBuilder dir(String path) { return dir(path, 0755); }

    public LayerBuilder dir(String path, int mode) {
        entries.put(path, LayerEntry.directory(path, mode, 0, 0, mtimeNanos));
        return this;
    }

    public LayerBuilder dirOwned(String path, int mode, int uid, int gid) {
        entries.put(path, LayerEntry.directory(path, mode, uid, gid, mtimeNanos));
        return this;
    }

    public LayerBuilder file(String path, String text) { return file(path, text, 0644); }

    public LayerBuilder file(String path, String text, int mode) {
        entries.put(path, LayerEntry.file(path, Blob.ofUtf8(text), mode, 0, 0, mtimeNanos));
        return this;
    }

    /** An executable that runs the built-in program {@code program}. */
    public LayerBuilder exe(String path, String program) {
        entries.put(path, LayerEntry.file(path, Blob.of(ProgramRegistry.binary(program)), 0755, 0, 0, mtimeNanos));
        return this;
    }

    /** The same program at several paths, e.g. {@code exes("/bin", "ls", "cat")}. */
    public LayerBuilder exes(String dir, String... programs) {
        for (String p : programs) {
            exe(dir + "/" + p, p);
        }
        return this;
    }

    /** An executable of a given real size: the program is named by the first line, the padding is ignored. */
    public LayerBuilder exeSized(String path, String program, int sizeBytes) {
        entries.put(path, LayerEntry.file(path, OfficialImages.sizedBinary(program, sizeBytes), 0755, 0, 0, mtimeNanos));
        return this;
    }

    public LayerBuilder link(String path, String target) {
        entries.put(path, LayerEntry.symlink(path, target, 0, 0, mtimeNanos));
        return this;
    }

    public LayerBuilder whiteout(String path) {
        entries.put(path, LayerEntry.whiteout(path));
        return this;
    }

    /** The bytes so far: what Docker reports as the layer's size. */
    public long sizeBytes() {
        long sum = 0;
        for (LayerEntry e : entries.values()) {
            if (e.content() != null) {
                sum += e.content().sizeBytes();
            } else if (e.symlinkTarget() != null) {
                sum += e.symlinkTarget().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
        return sum;
    }

    /**
     * Adds filler files {@code dir/<stem>N<suffix>} so the layer reaches {@code totalBytes} exactly.
     *
     * @throws IllegalArgumentException if the layer is already bigger, or the target is absurd
     */
    public LayerBuilder fillTo(long totalBytes, String dir, String stem, String suffix) {
        long missing = totalBytes - sizeBytes();
        if (missing < 0 || totalBytes > FILLER_MAX_BYTES) {
            throw new IllegalArgumentException("layer already has " + sizeBytes() + " bytes, more than " + totalBytes);
        }
        int n = 0;
        for (int level = 0; level < CHUNK_LEVELS; level++) {
            long chunk = CHUNKS[level].sizeBytes();
            long count = missing / chunk;
            missing -= count * chunk;
            for (long i = 0; i < count; i++) {
                String path = dir + "/" + stem + (n++) + suffix;
                entries.put(path, LayerEntry.file(path, CHUNKS[level], 0644, 0, 0, mtimeNanos));
            }
        }
        return this;
    }

    public Layer build() { return Layer.of(entries.values()); }
}
