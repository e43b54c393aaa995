package clusterlab.runtime.registry;

import clusterlab.runtime.image.ImageReference;
import clusterlab.runtime.image.OfficialImages;

/**
 * The simulated Docker Hub: a {@link Registry} at {@code docker.io} with Hub rules, preloaded
 * with the course's official images under {@code library/}. Accounts are added per lab with
 * {@link #addAccount}.
 */
public final class DockerHub {
    /** Docker's default pull speed in the lab: a good classroom connection. */
    public static final long DEFAULT_BANDWIDTH_BITS_PER_SECOND = 100_000_000L;

    private DockerHub() {}

    /** A hub serving {@link OfficialImages#shared()}. */
    public static Registry create() { return create(OfficialImages.shared()); }

    public static Registry create(OfficialImages images) {
        Registry hub = new Registry(ImageReference.DOCKER_HUB, true);
        for (String ref : images.references()) {
            ImageReference r = ImageReference.parse(ref);
            hub.preload(r.path(), r.tag(), () -> images.image(ref).orElseThrow());
        }
        return hub;
    }

    /** The accounts a lab creates (e.g. {@code student}); the user owns the {@code user/} namespace. */
    public static void addAccount(Registry hub, String user, String password) {
        hub.addAccount(user, password);
    }
}
