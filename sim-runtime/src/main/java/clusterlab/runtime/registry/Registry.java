package clusterlab.runtime.registry;

import clusterlab.kernel.fs.Layer;
import clusterlab.runtime.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a registry server holds: repositories with tags pointing at manifests, and blobs (layers
 * and image configs) by digest, each linked into the repositories that reference it, as the
 * Distribution registry stores them. Accounts and namespace ownership model Docker Hub's rules.
 *
 * <p>Content may be preloaded lazily ({@link #preload}): an official image is built the first
 * time anybody looks at its repository, so a lab that never pulls mongo never pays for hashing it.
 */
public final class Registry {
    public static final String DENIED = "denied: requested access to the resource is denied";

    /** How a push treats one layer. */
    public enum LayerOutcome { EXISTS, MOUNTED, PUSHED }

    /** One layer of a planned push; {@code mountedFrom} is the source repository of a mount. */
    public record LayerPush(Layer layer, LayerOutcome outcome, String mountedFrom) {}

    /** What pushing {@code image} as {@code repository:tag} will do, layers base first. */
    public record PushPlan(String repository, String tag, Image image, Manifest manifest, List<LayerPush> layers) {}

    private final String domain;
    private final boolean hubRules;
    private final TreeMap<String, TreeMap<String, Manifest>> repositories = new TreeMap<>();
    private final TreeMap<String, TreeSet<String>> links = new TreeMap<>();
    private final TreeMap<String, Layer> blobs = new TreeMap<>();
    private final TreeMap<String, Image> configs = new TreeMap<>();
    private final TreeMap<String, String> accounts = new TreeMap<>();
    private final TreeMap<String, TreeMap<String, Supplier<Image>>> lazy = new TreeMap<>();

    /**
     * @param domain e.g. {@code docker.io}, {@code localhost:5000}
     * @param hubRules Docker Hub's rules: pushing needs a login and the namespace's owner,
     *     {@code library/} is read-only, and an unknown repository reads as access denied; a plain
     *     {@code registry:2} has none of these
     */
    public Registry(String domain, boolean hubRules) {
        this.domain = domain;
        this.hubRules = hubRules;
    }

    public String domain() { return domain; }

    public boolean hubRules() { return hubRules; }

    // ---- accounts ----

    public void addAccount(String user, String password) { accounts.put(user, password); }

    public boolean hasAccount(String user) { return accounts.containsKey(user); }

    public boolean authenticate(String user, String password) {
        return user != null && password != null && password.equals(accounts.get(user));
    }

    /** Whether {@code user} (null = not logged in) may push to {@code repository} ({@code student/app}). */
    public boolean canPush(String user, String repository) {
        if (!hubRules) {
            return true;
        }
        if (user == null || !accounts.containsKey(user)) {
            return false;
        }
        int slash = repository.indexOf('/');
        return slash > 0 && repository.substring(0, slash).equals(user) && !user.equals("library");
    }

    // ---- content ----

    /** Registers an image to be built on first access to {@code repository:tag}. */
    public void preload(String repository, String tag, Supplier<Image> image) {
        lazy.computeIfAbsent(repository, r -> new TreeMap<>()).put(tag, image);
    }

    /** Stores {@code image} as {@code repository:tag} directly (seeding; no accounts checked). */
    public Manifest put(String repository, String tag, Image image) {
        Manifest m = Manifest.of(image);
        for (Layer l : image.layers()) {
            blobs.putIfAbsent(l.digest(), l);
            links.computeIfAbsent(repository, r -> new TreeSet<>()).add(l.digest());
        }
        configs.putIfAbsent(image.id(), image);
        repositories.computeIfAbsent(repository, r -> new TreeMap<>()).put(tag, m);
        return m;
    }

    private void materialize(String repository) {
        TreeMap<String, Supplier<Image>> pending = lazy.remove(repository);
        if (pending != null) {
            for (Map.Entry<String, Supplier<Image>> e : pending.entrySet()) {
                put(repository, e.getKey(), e.getValue().get());
            }
        }
    }

    private void materializeAll() {
        for (String repo : new ArrayList<>(lazy.keySet())) {
            materialize(repo);
        }
    }

    public boolean hasRepository(String repository) {
        return repositories.containsKey(repository) || lazy.containsKey(repository);
    }

    /** Repository names, sorted. */
    public List<String> repositories() {
        TreeSet<String> all = new TreeSet<>(repositories.keySet());
        all.addAll(lazy.keySet());
        return List.copyOf(all);
    }

    public List<String> tags(String repository) {
        materialize(repository);
        TreeMap<String, Manifest> tags = repositories.get(repository);
        return tags == null ? List.of() : List.copyOf(tags.keySet());
    }

    /** The manifest a tag or a digest ({@code sha256:…}) names in a repository. */
    public Optional<Manifest> manifest(String repository, String tagOrDigest) {
        materialize(repository);
        TreeMap<String, Manifest> tags = repositories.get(repository);
        if (tags == null) {
            return Optional.empty();
        }
        if (tagOrDigest.startsWith("sha256:")) {
            for (Manifest m : tags.values()) {
                if (m.digest().equals(tagOrDigest)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
        return Optional.ofNullable(tags.get(tagOrDigest));
    }

    /** The image a manifest describes (its config and layer blobs). */
    public Image image(Manifest manifest) {
        Image img = configs.get(manifest.configDigest());
        if (img == null) {
            throw new IllegalStateException("registry lost config " + manifest.configDigest());
        }
        return img;
    }

    public Optional<Layer> blob(String digest) { return Optional.ofNullable(blobs.get(digest)); }

    public boolean repositoryHasBlob(String repository, String digest) {
        materialize(repository);
        TreeSet<String> l = links.get(repository);
        return l != null && l.contains(digest);
    }

    /**
     * Works out what a push would do, without changing anything: per layer, already in the
     * repository, mountable from another repository (the one {@code sourceHint} names when it has
     * the blob, else the first that does), or to be uploaded.
     *
     * @param user the logged-in user or null
     * @throws RegistryException {@link #DENIED} if the user may not push there
     */
    public PushPlan planPush(String user, String repository, String tag, Image image,
                             Function<String, Optional<String>> sourceHint) {
        if (!canPush(user, repository)) {
            throw new RegistryException(DENIED);
        }
        materializeAll();
        List<LayerPush> out = new ArrayList<>();
        for (Layer l : image.layers()) {
            String d = l.digest();
            if (repositoryHasBlob(repository, d)) {
                out.add(new LayerPush(l, LayerOutcome.EXISTS, null));
                continue;
            }
            String from = sourceHint.apply(d).filter(r -> !r.equals(repository) && repositoryHasBlob(r, d)).orElse(null);
            if (from == null && blobs.containsKey(d)) {
                for (Map.Entry<String, TreeSet<String>> e : links.entrySet()) {
                    if (e.getValue().contains(d) && !e.getKey().equals(repository)) {
                        from = e.getKey();
                        break;
                    }
                }
            }
            out.add(from == null ? new LayerPush(l, LayerOutcome.PUSHED, null) : new LayerPush(l, LayerOutcome.MOUNTED, from));
        }
        return new PushPlan(repository, tag, image, Manifest.of(image), out);
    }

    /** Stores what a plan pushed: the blobs, their links, the config and the tag. */
    public Manifest commit(PushPlan plan) {
        return put(plan.repository(), plan.tag(), plan.image());
    }

    /** Pushes at once (no transfer time): {@link #planPush} then {@link #commit}. */
    public PushPlan push(String user, String repository, String tag, Image image) {
        PushPlan plan = planPush(user, repository, tag, image, d -> Optional.empty());
        commit(plan);
        return plan;
    }
}
