package clusterlab.runtime.cli;

import clusterlab.runtime.image.ImageReference;
import clusterlab.runtime.registry.RegistryClient;
import clusterlab.runtime.registry.TransferSettings;
import java.util.function.Consumer;

/** Pulls as the client asks for them: {@code docker pull}, and the implicit pull of {@code docker run}. */
final class ImagePulls {
    private ImagePulls() {}

    /**
     * Runs {@code ready} once {@code image} is in the local store, pulling it first if needed:
     * {@code Unable to find image 'ubuntu:latest' locally} and the pull's lines go to stderr, as
     * {@code docker run} prints them. {@code failed} gets the message of a failed pull.
     */
    static void ensureLocal(Invocation inv, String image, Runnable ready, Consumer<String> failed) {
        if (inv.engine.images().resolve(image).isPresent()) {
            ready.run();
            return;
        }
        ImageReference ref;
        try {
            ref = ImageReference.parseNormalized(image);
        } catch (IllegalArgumentException e) {
            failed.accept(e.getMessage());
            return;
        }
        if (ref.tag() == null && ref.digest() == null) {
            ref = ref.withTag(ImageReference.DEFAULT_TAG);
        }
        if (!looksLikeId(image)) {
            inv.errln("Unable to find image '" + ref.familiarString() + "' locally");
        }
        final ImageReference target = ref;
        withRegistry(inv, ref, (registry, settings) -> {
            RegistryClient client = new RegistryClient(inv.engine.images(), inv.engine.simulation());
            client.pull(registry, RegistryClient.PullRequest.implicit(target), settings,
                inv::errln, result -> {
                    if (!inv.ctx.process().isAlive()) {
                        return;
                    }
                    if (result.ok()) {
                        ready.run();
                    } else {
                        failed.accept(result.error());
                    }
                });
        }, message -> failed.accept("Error response from daemon: " + message));
    }

    /** The registry holding {@code ref}: the Hub, or a private one reached over the network. */
    static void withRegistry(Invocation inv, ImageReference ref,
            java.util.function.BiConsumer<clusterlab.runtime.registry.Registry, TransferSettings> use,
            Consumer<String> failed) {
        if (ref.isDockerHub()) {
            use.accept(inv.engine.hub(), TransferSettings.hub());
            return;
        }
        RemoteRegistries.reach(inv.engine, ref, registry -> {
            if (inv.ctx.process().isAlive()) {
                use.accept(registry, RemoteRegistries.lan());
            }
        }, message -> {
            if (inv.ctx.process().isAlive()) {
                failed.accept(message);
            }
        });
    }

    private static boolean looksLikeId(String image) {
        return image.matches("(sha256:)?[0-9a-f]{12,64}");
    }

    /** {@code docker image pull REF}: progress on stdout, the error on stderr. */
    static void pull(Invocation inv) {
        RegistryClient.PullRequest request;
        try {
            request = RegistryClient.PullRequest.cli(inv.arg(0));
        } catch (IllegalArgumentException e) {
            inv.errln(e.getMessage());
            inv.exit(1);
            return;
        }
        boolean quiet = inv.cmd.bool("quiet");
        withRegistry(inv, request.reference(), (registry, settings) -> {
        RegistryClient client = new RegistryClient(inv.engine.images(), inv.engine.simulation());
        client.pull(registry, request, settings, line -> {
            if (!quiet) {
                inv.outln(line);
            }
        }, result -> {
            if (result.ok()) {
                if (quiet) {
                    inv.outln(request.reference().toString());
                }
                inv.exit(0);
            } else {
                inv.errln(result.error());
                inv.exit(1);
            }
        });
        }, message -> {
            inv.errln("Error response from daemon: " + message);
            inv.exit(1);
        });
    }
}
