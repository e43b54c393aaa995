package clusterlab.runtime.image;

import clusterlab.kernel.fs.Layer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One engine's images: content by id, names (tags and repo digests) pointing at ids, and the
 * {@link LayerStore} underneath. Lookups follow the daemon's {@code GetImage}: a name first
 * (tag {@code latest} by default), then an id or an unambiguous id prefix.
 */
public final class ImageStore {
    private static final Pattern HEX_PREFIX = Pattern.compile("(sha256:)?[a-f0-9]{1,64}");
    private static final Pattern FULL_ID = Pattern.compile("(sha256:)?[a-f0-9]{64}");

    private final TreeMap<String, Image> byId = new TreeMap<>();
    /** Full reference string (e.g. docker.io/library/nginx:latest) to the reference and the image id. */
    private final TreeMap<String, Map.Entry<ImageReference, String>> tags = new TreeMap<>();
    private final TreeMap<String, Map.Entry<ImageReference, String>> digests = new TreeMap<>();
    private final LayerStore layerStore = new LayerStore();

    /** Stores an image (and retains its layers); adding an image already here returns the stored one. */
    public Image add(Image image) {
        Image existing = byId.get(image.id());
        if (existing != null) {
            return existing;
        }
        for (Layer l : image.layers()) {
            layerStore.retain(l);
        }
        byId.put(image.id(), image);
        return image;
    }

    public boolean contains(String imageId) { return byId.containsKey(imageId); }

    /**
     * Points {@code ref} at {@code image} (adding the image if needed), moving the name from
     * any image it named before; a reference without a tag gets {@code latest}.
     *
     * @return the image the name pointed at before, if another one
     */
    public Optional<Image> tag(Image image, ImageReference ref) {
        Image stored = add(image);
        ImageReference tagged = ref.tag() == null ? ref.withTag(ImageReference.DEFAULT_TAG) : ref;
        tagged = tagged.withDigest(null);
        var previous = tags.put(tagged.toString(), Map.entry(tagged, stored.id()));
        if (previous == null || previous.getValue().equals(stored.id())) {
            return Optional.empty();
        }
        return Optional.ofNullable(byId.get(previous.getValue()));
    }

    /** Records a repo digest ({@code nginx@sha256:…}), as a pull does. */
    public void addDigest(Image image, ImageReference repository, String manifestDigest) {
        Image stored = add(image);
        ImageReference ref = repository.nameOnly().withDigest(manifestDigest);
        digests.put(ref.toString(), Map.entry(ref, stored.id()));
    }

    /**
     * Removes a name: a tag ({@code nginx:1.12}, {@code latest} by default) or a repo digest.
     * The image itself stays, perhaps dangling.
     *
     * @return the image the name pointed at
     */
    public Optional<Image> untag(ImageReference ref) {
        if (ref.digest() != null && ref.tag() == null) {
            var removed = digests.remove(ref.toString());
            return removed == null ? Optional.empty() : Optional.ofNullable(byId.get(removed.getValue()));
        }
        ImageReference tagged = (ref.tag() == null ? ref.withTag(ImageReference.DEFAULT_TAG) : ref).withDigest(null);
        var removed = tags.remove(tagged.toString());
        return removed == null ? Optional.empty() : Optional.ofNullable(byId.get(removed.getValue()));
    }

    /** Deletes an image with all its names and releases its layers. */
    public boolean remove(Image image) {
        if (byId.remove(image.id()) == null) {
            return false;
        }
        tags.values().removeIf(e -> e.getValue().equals(image.id()));
        digests.values().removeIf(e -> e.getValue().equals(image.id()));
        for (Layer l : image.layers()) {
            layerStore.release(l);
        }
        return true;
    }

    /** Docker's lookup, or empty (also for an ambiguous id prefix or a malformed name). */
    public Optional<Image> resolve(String nameOrId) {
        try {
            return Optional.of(resolveStrict(nameOrId));
        } catch (NoSuchImageException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Docker's lookup, failing as the daemon does.
     *
     * @throws NoSuchImageException {@code No such image: x:latest} (also for an ambiguous prefix,
     *     which the daemon reports the same way)
     * @throws IllegalArgumentException {@code invalid reference format} and its variants
     */
    public Image resolveStrict(String nameOrId) {
        if (nameOrId == null || nameOrId.isEmpty()) {
            throw new IllegalArgumentException(ImageReference.INVALID_FORMAT);
        }
        if (FULL_ID.matcher(nameOrId).matches()) {
            // ParseAnyReference reads a full id (with or without sha256:) as a digest, never a name.
            String id = nameOrId.startsWith("sha256:") ? nameOrId : "sha256:" + nameOrId;
            Image img = byId.get(id);
            if (img == null) {
                throw new NoSuchImageException("No such image: " + id);
            }
            return img;
        }
        ImageReference ref = ImageReference.parse(nameOrId);
        Map.Entry<ImageReference, String> named = ref.digest() != null && ref.tag() == null
                ? digests.get(ref.toString()) : tags.get(ref.withDigest(null).toString());
        if (named != null && byId.containsKey(named.getValue())) {
            return byId.get(named.getValue());
        }
        if (HEX_PREFIX.matcher(nameOrId).matches()) {
            Optional<Image> byPrefix = uniqueIdPrefix(nameOrId.startsWith("sha256:") ? nameOrId : "sha256:" + nameOrId);
            if (byPrefix.isPresent()) {
                return byPrefix.get();
            }
        }
        throw new NoSuchImageException("No such image: " + ref.familiarString());
    }

    private Optional<Image> uniqueIdPrefix(String prefix) {
        Image found = null;
        for (Map.Entry<String, Image> e : byId.tailMap(prefix, true).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            if (found != null) {
                return Optional.empty();
            }
            found = e.getValue();
        }
        return Optional.ofNullable(found);
    }

    /** All images, newest first (then by id), as {@code docker image ls} lists them. */
    public List<Image> images() {
        List<Image> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparingLong(Image::createdNanos).reversed().thenComparing(Image::id));
        return out;
    }

    /** The tags naming this image, sorted by their full reference. */
    public List<ImageReference> tagsOf(Image image) { return namesOf(tags, image); }

    /** The repo digests of this image ({@code nginx@sha256:…} as familiarString), sorted. */
    public List<ImageReference> digestsOf(Image image) { return namesOf(digests, image); }

    private static List<ImageReference> namesOf(TreeMap<String, Map.Entry<ImageReference, String>> names, Image image) {
        List<ImageReference> out = new ArrayList<>();
        for (Map.Entry<ImageReference, String> e : names.values()) {
            if (e.getValue().equals(image.id())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** True when no tag names the image: {@code <none>:<none>} in {@code image ls}. */
    public boolean isDangling(Image image) { return tagsOf(image).isEmpty(); }

    /** Images built on this one (whose parent it is), sorted by id. */
    public List<Image> children(Image image) {
        List<Image> out = new ArrayList<>();
        for (Image i : byId.values()) {
            if (image.id().equals(i.parentId())) {
                out.add(i);
            }
        }
        return out;
    }

    public Optional<Image> byId(String id) { return Optional.ofNullable(byId.get(id)); }

    public LayerStore layerStore() { return layerStore; }
}
