package clusterlab.runtime.image;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Layer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An image: a config, its layers (base first) and how it was made. Immutable.
 *
 * <p>The id is the SHA-256 of {@link #configJson()}, the image's config document in Docker's
 * field names: the same config, layers (by digest), history and creation time always give the
 * same id, as a content-addressed store requires, whatever the simulation's seed.
 */
public final class Image {
    public static final String DEFAULT_DOCKER_VERSION = "18.06.1-ce";
    private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'");

    private final ImageConfig config;
    private final List<Layer> layers;
    private final List<HistoryEntry> history;
    private final long createdNanos;
    private final String parentId;
    private final String dockerVersion;
    private final SortedSet<String> volumes;
    private final String configJson;
    private final String id;

    private Image(Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.layers = List.copyOf(b.layers);
        this.history = List.copyOf(b.history);
        this.createdNanos = b.createdNanos;
        this.parentId = b.parentId;
        this.dockerVersion = b.dockerVersion;
        this.volumes = new TreeSet<>(b.volumes);
        long nonEmpty = history.stream().filter(h -> !h.emptyLayer()).count();
        if (!history.isEmpty() && nonEmpty != layers.size()) {
            throw new IllegalArgumentException("history names " + nonEmpty + " layers but the image has " + layers.size());
        }
        this.configJson = CanonicalJson.write(document());
        this.id = "sha256:" + sha256Hex(configJson);
    }

    /** An image from its parts; see {@link Builder} for the optional ones. */
    public static Image of(ImageConfig config, List<Layer> layers, List<HistoryEntry> history, long createdNanos, String parentId) {
        return builder().config(config).layers(layers).history(history).created(createdNanos).parent(parentId).build();
    }

    public static Builder builder() { return new Builder(); }

    public String id() { return id; }

    /** The 12 hex digits {@code docker image ls} shows. */
    public String shortId() { return id.substring("sha256:".length(), "sha256:".length() + 12); }

    public ImageConfig config() { return config; }

    /** Base first. */
    public List<Layer> layers() { return layers; }

    /** Oldest first. */
    public List<HistoryEntry> history() { return history; }

    public long createdNanos() { return createdNanos; }

    /** The image this one was built on, for images built locally; null for pulled images. */
    public String parentId() { return parentId; }

    public long sizeBytes() {
        long sum = 0;
        for (Layer l : layers) {
            sum += l.sizeBytes();
        }
        return sum;
    }

    public String os() { return "linux"; }

    public String architecture() { return "amd64"; }

    public String dockerVersion() { return dockerVersion; }

    /** Mount points the image declares ({@code VOLUME}); containers get an anonymous volume at each. */
    public SortedSet<String> volumes() { return volumes; }

    /** The layers' digests, base first: the config's {@code rootfs.diff_ids}. */
    public List<String> diffIds() { return layers.stream().map(Layer::digest).toList(); }

    /** The config document whose SHA-256 is the id; also what a registry stores as the config blob. */
    public String configJson() { return configJson; }

    /** RFC 3339 with nanoseconds in UTC, as Docker writes {@code Created}. */
    public static String rfc3339(long virtualNanos) { return RFC3339_NANO.format(Time.wallClockUtc(virtualNanos)); }

    private Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("architecture", architecture());
        doc.put("config", containerConfig());
        doc.put("created", rfc3339(createdNanos));
        doc.put("docker_version", dockerVersion);
        List<Object> hist = new ArrayList<>();
        for (HistoryEntry h : history) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("created", rfc3339(h.createdNanos()));
            e.put("created_by", h.createdBy());
            if (!h.comment().isEmpty()) {
                e.put("comment", h.comment());
            }
            if (h.emptyLayer()) {
                e.put("empty_layer", Boolean.TRUE);
            }
            hist.add(e);
        }
        doc.put("history", hist);
        doc.put("os", os());
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("type", "layers");
        rootfs.put("diff_ids", diffIds());
        doc.put("rootfs", rootfs);
        return doc;
    }

    private Map<String, Object> containerConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Hostname", "");
        c.put("Domainname", "");
        c.put("User", config.user());
        c.put("AttachStdin", false);
        c.put("AttachStdout", false);
        c.put("AttachStderr", false);
        if (!config.exposedPorts().isEmpty()) {
            Map<String, Object> ports = new TreeMap<>();
            for (String p : config.exposedPorts()) {
                ports.put(p, Map.of());
            }
            c.put("ExposedPorts", ports);
        }
        c.put("Tty", false);
        c.put("OpenStdin", false);
        c.put("StdinOnce", false);
        c.put("Env", config.env().isEmpty() ? null : config.env());
        c.put("Cmd", config.cmd());
        c.put("ArgsEscaped", true);
        c.put("Image", parentId == null ? "" : parentId);
        if (volumes.isEmpty()) {
            c.put("Volumes", null);
        } else {
            Map<String, Object> vols = new TreeMap<>();
            for (String v : volumes) {
                vols.put(v, Map.of());
            }
            c.put("Volumes", vols);
        }
        c.put("WorkingDir", config.workingDir());
        c.put("Entrypoint", config.entrypoint());
        c.put("OnBuild", null);
        c.put("Labels", config.labels().isEmpty() ? null : new TreeMap<>(config.labels()));
        if (config.stopSignal() != null) {
            c.put("StopSignal", config.stopSignal());
        }
        return c;
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code sha256:<hex>} of a document's UTF-8 bytes. */
    public static String digestOf(String document) { return "sha256:" + sha256Hex(document); }

    @Override
    public boolean equals(Object o) { return o instanceof Image other && other.id.equals(id); }

    @Override
    public int hashCode() { return id.hashCode(); }

    @Override
    public String toString() { return "Image[" + shortId() + ", " + layers.size() + " layers]"; }

    /** Collects the parts of an image; only the config is required. */
    public static final class Builder {
        private ImageConfig config = ImageConfig.empty();
        private List<Layer> layers = List.of();
        private List<HistoryEntry> history = List.of();
        private long createdNanos;
        private String parentId;
        private String dockerVersion = DEFAULT_DOCKER_VERSION;
        private SortedSet<String> volumes = new TreeSet<>();

        private Builder() {}

        public Builder config(ImageConfig c) { this.config = c; return this; }
        public Builder layers(List<Layer> l) { this.layers = List.copyOf(l); return this; }
        public Builder history(List<HistoryEntry> h) { this.history = List.copyOf(h); return this; }
        public Builder created(long nanos) { this.createdNanos = nanos; return this; }
        public Builder parent(String id) { this.parentId = id; return this; }
        public Builder dockerVersion(String v) { this.dockerVersion = Objects.requireNonNull(v); return this; }
        public Builder volumes(SortedSet<String> v) { this.volumes = new TreeSet<>(v); return this; }

        public Image build() { return new Image(this); }
    }
}
