package clusterlab.swarm.stack;

import clusterlab.swarm.store.PortConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The Compose short forms of {@code ports} ({@code [ip:][host:]container[/proto]}, with ranges)
 * and {@code volumes} ({@code [source:]target[:mode]}), read as docker/cli's loader reads them
 * (go-connections' nat.ParsePortSpecs and loader.ParseVolume). Errors are
 * {@link IllegalArgumentException}s carrying docker's text.
 */
final class ShortSyntax {
    private ShortSyntax() {
    }

    /** A short-form volume: type {@code bind} or {@code volume}; empty source is anonymous. */
    record VolumeSpec(String type, String source, String target, boolean readOnly) {
    }

    /**
     * One short port spec as PortConfigs. As in nat.ParsePortSpecs, the ports of a range are
     * ordered by the text {@code "port/proto"} (so 10 sorts before 9); the host IP is dropped,
     * since swarm publishes on every address.
     */
    static List<PortConfig> ports(String spec) {
        String raw = spec;
        String proto = "tcp";
        int slash = raw.lastIndexOf('/');
        if (slash >= 0) {
            proto = raw.substring(slash + 1);
            raw = raw.substring(0, slash);
        }
        if (!List.of("tcp", "udp", "sctp").contains(proto.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Invalid proto: " + proto);
        }
        String[] parts = raw.split(":", -1);
        String hostPort;
        String containerPort;
        switch (parts.length) {
            case 1 -> {
                hostPort = "";
                containerPort = parts[0];
            }
            case 2 -> {
                hostPort = parts[0];
                containerPort = parts[1];
            }
            case 3 -> {
                hostPort = parts[1];
                containerPort = parts[2];
            }
            default -> throw new IllegalArgumentException("Invalid hostPort: " + raw);
        }
        if (containerPort.isEmpty()) {
            throw new IllegalArgumentException("No port specified: " + spec + "<empty>");
        }
        int[] container = range(containerPort, "Invalid containerPort: " + containerPort);
        int[] host = hostPort.isEmpty() ? null : range(hostPort, "Invalid hostPort: " + hostPort);
        int containerCount = container[1] - container[0];
        if (host != null && containerCount != host[1] - host[0] && containerCount != 0) {
            throw new IllegalArgumentException("Invalid ranges specified for container and host Ports: "
                    + containerPort + " and " + hostPort);
        }
        TreeMap<String, List<PortConfig>> byKey = new TreeMap<>();
        for (int i = 0; i <= containerCount; i++) {
            int target = container[0] + i;
            List<PortConfig> configs = new ArrayList<>();
            if (host == null) {
                configs.add(new PortConfig(proto, target, 0, "ingress"));
            } else if (containerCount == 0) {
                // One container port with a host range: one config per host port, as docker does.
                for (int published = host[0]; published <= host[1]; published++) {
                    configs.add(new PortConfig(proto, target, published, "ingress"));
                }
            } else {
                configs.add(new PortConfig(proto, target, host[0] + i, "ingress"));
            }
            byKey.put(target + "/" + proto.toLowerCase(Locale.ROOT), configs);
        }
        List<PortConfig> out = new ArrayList<>();
        byKey.values().forEach(out::addAll);
        return out;
    }

    private static int[] range(String text, String error) {
        int dash = text.indexOf('-');
        try {
            if (dash < 0) {
                int p = port(text);
                return new int[] {p, p};
            }
            int start = port(text.substring(0, dash));
            int end = port(text.substring(dash + 1));
            if (end < start) {
                throw new NumberFormatException();
            }
            return new int[] {start, end};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(error);
        }
    }

    private static int port(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            throw new NumberFormatException();
        }
        int p = Integer.parseInt(text);
        if (p < 1 || p > 65535) {
            throw new NumberFormatException();
        }
        return p;
    }

    /** loader.ParseVolume: fields split on ':'; options ro/rw (others ignored, as docker does). */
    static VolumeSpec volume(String spec) {
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("invalid empty volume spec");
        }
        if (spec.length() <= 2) {
            return new VolumeSpec("volume", "", spec, false);
        }
        String[] fields = spec.split(":", -1);
        for (String f : fields) {
            if (f.isEmpty()) {
                throw new IllegalArgumentException("invalid spec: " + spec + ": empty section between colons");
            }
        }
        if (fields.length > 3) {
            throw new IllegalArgumentException("invalid spec: " + spec + ": too many colons");
        }
        if (fields.length == 1) {
            return new VolumeSpec("volume", "", fields[0], false);
        }
        boolean readOnly = false;
        if (fields.length == 3) {
            for (String option : fields[2].split(",")) {
                if (option.equals("ro")) {
                    readOnly = true;
                } else if (option.equals("rw")) {
                    readOnly = false;
                }
            }
        }
        String source = fields[0];
        char first = source.charAt(0);
        String type = first == '.' || first == '/' || first == '~' ? "bind" : "volume";
        return new VolumeSpec(type, source, fields[1], readOnly);
    }
}
