package clusterlab.runtime.engine;

import java.util.Locale;

/**
 * A mount of a container: a bind of a host path, a named (or anonymous) volume, or a tmpfs, at a
 * target path, possibly read-only. Parses both {@code -v} and {@code --mount} syntaxes.
 *
 * @param createMissingSource {@code -v} creates a missing host directory; {@code --mount} refuses
 */
public record MountSpec(Type type, String source, String target, boolean readOnly, boolean createMissingSource) {
    public enum Type {
        BIND, VOLUME, TMPFS;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MountSpec {
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("invalid mount path: '" + target + "' mount path must be absolute");
        }
    }

    /**
     * {@code -v SRC:DST[:ro|rw]}: SRC absolute means a bind mount, otherwise a named volume;
     * {@code -v DST} alone is an anonymous volume.
     */
    public static MountSpec parseVolume(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length == 1) {
            return new MountSpec(Type.VOLUME, "", parts[0], false, true);
        }
        if (parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("invalid volume specification: '" + spec + "'");
        }
        boolean ro = false;
        if (parts.length == 3) {
            switch (parts[2]) {
                case "ro" -> ro = true;
                case "rw", "z", "Z" -> ro = false;
                default -> throw new IllegalArgumentException("invalid mode: " + parts[2]);
            }
        }
        Type type = parts[0].startsWith("/") ? Type.BIND : Type.VOLUME;
        if (type == Type.VOLUME && !parts[0].matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
            throw new IllegalArgumentException("create " + parts[0] + ": \"" + parts[0]
                    + "\" includes invalid characters for a local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed."
                    + " If you intended to pass a host directory, use absolute path");
        }
        return new MountSpec(type, parts[0], parts[1], ro, true);
    }

    /**
     * {@code --mount type=bind,source=/etc/hostname,target=/usr/share/nginx/html/index.html,ro}
     * (also {@code src}, {@code dst}/{@code destination}, {@code readonly}/{@code ro[=true|false]}).
     */
    public static MountSpec parseMount(String spec) {
        Type type = Type.VOLUME;
        String source = "";
        String target = null;
        boolean ro = false;
        for (String field : spec.split(",", 64)) {
            String key = field;
            String value = null;
            int eq = field.indexOf('=');
            if (eq >= 0) {
                key = field.substring(0, eq);
                value = field.substring(eq + 1);
            }
            switch (key.toLowerCase(Locale.ROOT)) {
                case "type" -> {
                    String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
                    type = switch (v) {
                        case "bind" -> Type.BIND;
                        case "volume" -> Type.VOLUME;
                        case "tmpfs" -> Type.TMPFS;
                        default -> throw new IllegalArgumentException("invalid argument \"" + spec
                                + "\" for \"--mount\" flag: invalid mount type: " + v);
                    };
                }
                case "source", "src" -> source = value == null ? "" : value;
                case "target", "dst", "destination" -> target = value;
                case "readonly", "ro" -> ro = value == null || value.equals("1") || value.equalsIgnoreCase("true");
                case "volume-driver", "volume-label", "volume-nocopy", "bind-propagation", "consistency",
                        "tmpfs-size", "tmpfs-mode" -> {
                    // accepted and not modelled
                }
                default -> throw new IllegalArgumentException("invalid argument \"" + spec
                        + "\" for \"--mount\" flag: unexpected key '" + key + "' in '" + field + "'");
            }
        }
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("invalid argument \"" + spec
                    + "\" for \"--mount\" flag: target is required");
        }
        if (type == Type.BIND && source.isEmpty()) {
            throw new IllegalArgumentException("invalid argument \"" + spec
                    + "\" for \"--mount\" flag: source is required when specifying volume-specific options");
        }
        return new MountSpec(type, source, target, ro, false);
    }
}
