package clusterlab.runtime.image;

import clusterlab.kernel.fs.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The layers of one engine's images, each distinct layer (by digest) kept once with the number
 * of images using it: what makes ten nginx-based images cost one nginx on disk.
 */
public final class LayerStore {
    private static final class Slot {
        final Layer layer;
        int users;
        String sourceRepository;

        Slot(Layer layer) {
            this.layer = layer;
        }
    }

    private final TreeMap<String, Slot> byDigest = new TreeMap<>();

    /** The stored instance with this layer's digest, so equal layers share one object. */
    Layer retain(Layer layer) {
        Slot s = byDigest.computeIfAbsent(layer.digest(), d -> new Slot(layer));
        s.users++;
        return s.layer;
    }

    void release(Layer layer) {
        Slot s = byDigest.get(layer.digest());
        if (s != null && --s.users <= 0) {
            byDigest.remove(layer.digest());
        }
    }

    public boolean contains(String digest) { return byDigest.containsKey(digest); }

    public Optional<Layer> get(String digest) {
        Slot s = byDigest.get(digest);
        return s == null ? Optional.empty() : Optional.of(s.layer);
    }

    /** How many images (counting each image once per use) hold this layer; 0 if not stored. */
    public int layerUsers(Layer layer) {
        Slot s = byDigest.get(layer.digest());
        return s == null ? 0 : s.users;
    }

    /** Every distinct layer once, by digest. */
    public List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        for (Slot s : byDigest.values()) {
            out.add(s.layer);
        }
        return out;
    }

    /** The disk the layers take: each distinct layer counted once. */
    public long distinctLayerBytes() {
        long sum = 0;
        for (Slot s : byDigest.values()) {
            sum += s.layer.sizeBytes();
        }
        return sum;
    }

    /**
     * The repository a layer was pulled from (Docker's distribution metadata), so a push to
     * another repository of the same registry can mount it instead of uploading it.
     */
    public Optional<String> sourceRepository(String digest) {
        Slot s = byDigest.get(digest);
        return s == null ? Optional.empty() : Optional.ofNullable(s.sourceRepository);
    }

    /** Remembers where a stored layer came from; the first source wins, as Docker keeps the first. */
    public void recordSource(String digest, String repository) {
        Slot s = byDigest.get(digest);
        if (s != null && s.sourceRepository == null) {
            s.sourceRepository = repository;
        }
    }
}
