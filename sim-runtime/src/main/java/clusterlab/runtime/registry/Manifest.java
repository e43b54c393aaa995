package clusterlab.runtime.registry;

import clusterlab.kernel.fs.Layer;
import clusterlab.runtime.image.CanonicalJson;
import clusterlab.runtime.image.Image;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image manifest (schema 2) as a registry stores it: the config blob and the layer blobs in
 * order. {@link #digest()} is the SHA-256 of {@link #json()}, which is indented with three spaces
 * as the Docker daemon writes it, so {@link #sizeBytes()} is what {@code docker push} reports.
 */
public record Manifest(String json, String digest, int sizeBytes, String configDigest, List<String> layerDigests) {
    public static final String MEDIA_TYPE = "application/vnd.docker.distribution.manifest.v2+json";

    public Manifest {
        layerDigests = List.copyOf(layerDigests);
    }

    public static Manifest of(Image image) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", 2);
        doc.put("mediaType", MEDIA_TYPE);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("mediaType", "application/vnd.docker.container.image.v1+json");
        config.put("size", (long) image.configJson().getBytes(StandardCharsets.UTF_8).length);
        config.put("digest", image.id());
        doc.put("config", config);
        List<Object> layers = new ArrayList<>();
        for (Layer l : image.layers()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("mediaType", "application/vnd.docker.image.rootfs.diff.tar.gzip");
            e.put("size", l.sizeBytes());
            e.put("digest", l.digest());
            layers.add(e);
        }
        doc.put("layers", layers);
        String json = CanonicalJson.writeIndented(doc, "   ");
        return new Manifest(json, Image.digestOf(json), json.getBytes(StandardCharsets.UTF_8).length, image.id(),
                image.diffIds());
    }
}
