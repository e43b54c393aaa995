package clusterlab.runtime.registry;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.fs.Layer;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageReference;
import clusterlab.runtime.image.ImageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An engine's side of the registry protocol: {@code docker pull} and {@code docker push} in
 * virtual time, printing Docker's non-terminal progress lines ({@code Pulling fs layer},
 * {@code Waiting}, {@code Verifying Checksum}, {@code Download complete}, {@code Pull complete};
 * {@code Preparing}, {@code Layer already exists}, {@code Mounted from …}, {@code Pushed}) at the
 * moments they happen. The progress bars a terminal would show are left out, as docker does
 * when its output is not a terminal.
 */
public final class RegistryClient {
    private final ImageStore store;
    private final BiConsumer<Long, Runnable> scheduler;

    /** @param scheduler runs an action after a delay in virtual nanoseconds */
    public RegistryClient(ImageStore store, BiConsumer<Long, Runnable> scheduler) {
        this.store = Objects.requireNonNull(store);
        this.scheduler = Objects.requireNonNull(scheduler);
    }

    public RegistryClient(ImageStore store, Simulation simulation) {
        this(store, simulation::schedule);
    }

    /**
     * What the caller asked to pull.
     *
     * @param reference normalized, with a tag or a digest
     * @param defaultTagUsed the user gave no tag: {@code docker pull} says {@code Using default tag: latest}
     * @param printReference end with the full reference line, as {@code docker pull} does
     *     ({@code docker run}'s implicit pull does not)
     */
    public record PullRequest(ImageReference reference, boolean defaultTagUsed, boolean printReference) {
        /** For {@code docker pull TEXT}. @throws IllegalArgumentException invalid reference format */
        public static PullRequest cli(String text) {
            ImageReference r = ImageReference.parseNormalized(text);
            boolean implicit = r.tag() == null && r.digest() == null;
            return new PullRequest(implicit ? r.withTag(ImageReference.DEFAULT_TAG) : r, implicit, true);
        }

        /** For the pull {@code docker run} makes when the image is missing. */
        public static PullRequest implicit(ImageReference reference) {
            return new PullRequest(reference, false, false);
        }
    }

    /** The 12 hex digits Docker shows for a blob. */
    public static String shortDigest(String digest) {
        return digest.substring(digest.indexOf(':') + 1, digest.indexOf(':') + 13);
    }

    /**
     * Pulls an image into the store. Lines go to {@code out} as they happen; {@code done} gets the
     * result (the error text is for stderr, with Docker's {@code Error response from daemon: } prefix).
     */
    public void pull(Registry registry, PullRequest request, TransferSettings settings, Consumer<String> out,
                     Consumer<PullResult> done) {
        Timeline timeline = new Timeline(scheduler);
        ImageReference ref = request.reference();
        if (request.defaultTagUsed()) {
            out.accept("Using default tag: latest");
        }
        // Two round trips: the token and the manifest.
        timeline.after(2 * settings.requestLatencyNanos(), () -> {
            String tagOrDigest = ref.digest() != null ? ref.digest() : ref.tag();
            var manifest = registry.manifest(ref.path(), tagOrDigest);
            if (manifest.isEmpty()) {
                done.accept(new PullResult(null, "Error response from daemon: " + notFound(registry, ref), timeline.now()));
                return;
            }
            out.accept(tagOrDigest + ": Pulling from " + ref.path());
            new PullJob(registry, request, settings, timeline, manifest.get(), out, done).run();
        });
    }

    private static String notFound(Registry registry, ImageReference ref) {
        if (registry.hubRules() && !registry.hasRepository(ref.path())) {
            return "pull access denied for " + ref.familiarName()
                    + ", repository does not exist or may require 'docker login': " + Registry.DENIED;
        }
        return "manifest for " + ref.familiarString() + " not found: manifest unknown: manifest unknown";
    }

    /** One pull's downloads and extractions. */
    private final class PullJob {
        private final Registry registry;
        private final PullRequest request;
        private final TransferSettings settings;
        private final Timeline timeline;
        private final Manifest manifest;
        private final Consumer<String> out;
        private final Consumer<PullResult> done;
        private final Image image;
        private final List<Layer> missing = new ArrayList<>();
        private final boolean[] downloaded;
        private int extracted;
        private boolean extracting;

        PullJob(Registry registry, PullRequest request, TransferSettings settings, Timeline timeline, Manifest manifest,
                Consumer<String> out, Consumer<PullResult> done) {
            this.registry = registry;
            this.request = request;
            this.settings = settings;
            this.timeline = timeline;
            this.manifest = manifest;
            this.out = out;
            this.done = done;
            this.image = registry.image(manifest);
            for (Layer l : image.layers()) {
                if (!store.layerStore().contains(l.digest()) && !missing.contains(l)) {
                    missing.add(l);
                }
            }
            this.downloaded = new boolean[missing.size()];
        }

        void run() {
            if (store.contains(image.id())) {
                finish();
                return;
            }
            for (Layer l : image.layers()) {
                out.accept(shortDigest(l.digest()) + (missing.contains(l) ? ": Pulling fs layer" : ": Already exists"));
            }
            if (missing.isEmpty()) {
                finish();
                return;
            }
            Transfers downloads = new Transfers(timeline, settings.downloadBitsPerSecond(),
                    settings.maxConcurrentDownloads(), settings.requestLatencyNanos());
            List<Runnable> submits = new ArrayList<>();
            for (int i = 0; i < missing.size(); i++) {
                int index = i;
                Layer l = missing.get(i);
                if (downloads.full() || i >= settings.maxConcurrentDownloads()) {
                    out.accept(shortDigest(l.digest()) + ": Waiting");
                }
                submits.add(() -> downloads.submit(l.sizeBytes(), () -> { }, () -> {
                    out.accept(shortDigest(l.digest()) + ": Verifying Checksum");
                    out.accept(shortDigest(l.digest()) + ": Download complete");
                    downloaded[index] = true;
                    extractNext();
                }));
            }
            submits.forEach(Runnable::run);
        }

        /** Layers are unpacked in order, each once it is downloaded and the one below is in place. */
        private void extractNext() {
            if (extracting || extracted >= missing.size() || !downloaded[extracted]) {
                return;
            }
            extracting = true;
            Layer l = missing.get(extracted);
            long nanos = Transfers.mulDiv(l.sizeBytes(), 1_000_000_000L, settings.extractBytesPerSecond(), true);
            timeline.after(nanos, () -> {
                out.accept(shortDigest(l.digest()) + ": Pull complete");
                extracted++;
                extracting = false;
                if (extracted == missing.size()) {
                    finish();
                } else {
                    extractNext();
                }
            });
        }

        private void finish() {
            ImageReference ref = request.reference();
            boolean upToDate = ref.tag() != null && store.resolve(ref.withDigest(null).toString())
                    .map(i -> i.id().equals(image.id())).orElse(false);
            Image stored = store.add(image);
            for (Layer l : stored.layers()) {
                store.layerStore().recordSource(l.digest(), ref.path());
            }
            store.addDigest(stored, ref, manifest.digest());
            if (ref.tag() != null && ref.digest() == null) {
                store.tag(stored, ref);
            }
            out.accept("Digest: " + manifest.digest());
            out.accept("Status: " + (upToDate ? "Image is up to date for " : "Downloaded newer image for ") + ref.familiarString());
            if (request.printReference()) {
                out.accept(ref.toString());
            }
            done.accept(new PullResult(stored, null, timeline.now()));
        }
    }

    /**
     * Pushes {@code image} as {@code ref} (which has a tag). {@code user} is the logged-in user
     * of the registry, or null. Lines go to {@code out}; the error (for stderr) comes in the result.
     */
    public void push(Registry registry, ImageReference ref, Image image, String user, TransferSettings settings,
                     Consumer<String> out, Consumer<PushResult> done) {
        Timeline timeline = new Timeline(scheduler);
        String tag = ref.tag() == null ? ImageReference.DEFAULT_TAG : ref.tag();
        out.accept("The push refers to repository [" + ref.repository() + "]");
        List<Layer> topFirst = new ArrayList<>(image.layers());
        java.util.Collections.reverse(topFirst);
        for (Layer l : topFirst) {
            out.accept(shortDigest(l.digest()) + ": Preparing");
        }
        timeline.after(2 * settings.requestLatencyNanos(), () -> {
            Registry.PushPlan plan;
            try {
                plan = registry.planPush(user, ref.path(), tag, image, store.layerStore()::sourceRepository);
            } catch (RegistryException e) {
                done.accept(new PushResult(null, e.getMessage(), timeline.now()));
                return;
            }
            Transfers uploads = new Transfers(timeline, settings.uploadBitsPerSecond(), settings.maxConcurrentUploads(),
                    settings.requestLatencyNanos());
            int[] remaining = {topFirst.size()};
            Runnable oneDone = () -> {
                if (--remaining[0] == 0) {
                    timeline.after(settings.requestLatencyNanos(), () -> {
                        Manifest m = registry.commit(plan);
                        out.accept(tag + ": digest: " + m.digest() + " size: " + m.sizeBytes());
                        done.accept(new PushResult(m, null, timeline.now()));
                    });
                }
            };
            List<Runnable> submits = new ArrayList<>();
            for (int i = 0; i < topFirst.size(); i++) {
                Layer l = topFirst.get(i);
                Registry.LayerPush lp = plan.layers().get(topFirst.size() - 1 - i);
                String id = shortDigest(l.digest());
                if (i >= settings.maxConcurrentUploads()) {
                    out.accept(id + ": Waiting");
                }
                long bytes = lp.outcome() == Registry.LayerOutcome.PUSHED ? l.sizeBytes() : 0;
                submits.add(() -> uploads.submit(bytes, () -> { }, () -> {
                    out.accept(id + ": " + switch (lp.outcome()) {
                        case EXISTS -> "Layer already exists";
                        case MOUNTED -> "Mounted from " + lp.mountedFrom();
                        case PUSHED -> "Pushed";
                    });
                    oneDone.run();
                }));
            }
            if (topFirst.isEmpty()) {
                remaining[0] = 1;
                oneDone.run();
            }
            submits.forEach(Runnable::run);
        });
    }
}
