package clusterlab.runtime.cli;

import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageReference;
import clusterlab.runtime.image.ImageStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Engine API's image JSON, as {@code docker image inspect} prints it. */
final class ImageViews {
    private ImageViews() {}

    static Map<String, Object> inspect(ImageStore store, Image image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", image.id());
        m.put("RepoTags", store.tagsOf(image).stream().map(ImageReference::familiarString).toList());
        m.put("RepoDigests", store.digestsOf(image).stream().map(d -> d.familiarName() + "@" + d.digest()).toList());
        m.put("Parent", image.parentId() == null ? "" : image.parentId());
        m.put("Comment", "");
        m.put("Created", Image.rfc3339(image.createdNanos()));
        m.put("DockerVersion", image.dockerVersion());
        m.put("Author", "");
        Map<String, Object> config = new LinkedHashMap<>();
        var c = image.config();
        config.put("Hostname", "");
        config.put("Domainname", "");
        config.put("User", c.user());
        config.put("AttachStdin", false);
        config.put("AttachStdout", false);
        config.put("AttachStderr", false);
        if (!c.exposedPorts().isEmpty()) {
            Map<String, Object> ports = new LinkedHashMap<>();
            for (String p : c.exposedPorts()) {
                ports.put(p, Map.of());
            }
            config.put("ExposedPorts", ports);
        }
        config.put("Tty", false);
        config.put("OpenStdin", false);
        config.put("StdinOnce", false);
        config.put("Env", c.env());
        config.put("Cmd", c.cmd());
        config.put("Image", image.parentId() == null ? "" : image.parentId());
        config.put("Volumes", null);
        config.put("WorkingDir", c.workingDir());
        config.put("Entrypoint", c.entrypoint());
        config.put("OnBuild", null);
        config.put("Labels", c.labels().isEmpty() ? null : c.labels());
        if (c.stopSignal() != null) {
            config.put("StopSignal", c.stopSignal());
        }
        m.put("Config", config);
        m.put("Architecture", image.architecture());
        m.put("Os", image.os());
        m.put("Size", image.sizeBytes());
        m.put("VirtualSize", image.sizeBytes());
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("Name", "overlay2");
        m.put("GraphDriver", graph);
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("Type", "layers");
        rootfs.put("Layers", new ArrayList<>(image.diffIds()));
        m.put("RootFS", rootfs);
        m.put("Metadata", Map.of("LastTagTime", "0001-01-01T00:00:00Z"));
        return m;
    }

    static List<Object> none() {
        return List.of();
    }
}
