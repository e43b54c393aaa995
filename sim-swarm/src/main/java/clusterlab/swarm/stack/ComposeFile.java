package clusterlab.swarm.stack;

import clusterlab.swarm.store.ServiceSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The Compose file reader behind {@code docker stack deploy -c FILE NAME}, as docker 18.09's
 * docker/cli does it: YAML to a mapping, the forbidden-options check, validation against the
 * 3.x JSON schema ({@link ComposeSchema}), then conversion of each service to a
 * {@link ServiceSpec} named {@code <stack>_<service>}. Every failure is an {@link Invalid} whose
 * message is the line docker prints. Variable interpolation ({@code ${VAR}}) is not done.
 */
public final class ComposeFile {
    private ComposeFile() {
    }

    /**
     * What the stack deploys: its services in file order; the networks it creates (those its
     * services use, external ones excepted, {@code <stack>_default} for services that name none),
     * sorted by their Compose names; and the warnings docker prints to stderr first, each of which
     * docker follows with a blank line.
     */
    public record Stack(List<StackService> services, List<String> networks, List<String> warnings) {
        public Stack {
            services = List.copyOf(services);
            networks = List.copyOf(networks);
            warnings = List.copyOf(warnings);
        }
    }

    /** One service of the stack: its scoped name ({@code <stack>_<service>}) and spec. */
    public record StackService(String name, ServiceSpec spec) {
    }

    /** A Compose file docker refuses; the message is docker's error line. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    public static final String NAMESPACE_LABEL = "com.docker.stack.namespace";
    public static final String IMAGE_LABEL = "com.docker.stack.image";

    /** Longest document read, in code points: far above any real Compose file. */
    static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    /** Aliases allowed for collections; a "billion laughs" document needs far more. */
    static final int MAX_ALIASES = 50;

    /** docker/cli's types.UnsupportedProperties as of 18.09: accepted, ignored, warned about. */
    static final List<String> UNSUPPORTED = List.of("build", "cap_add", "cap_drop", "cgroup_parent", "devices",
            "domainname", "external_links", "ipc", "links", "mac_address", "network_mode", "pid", "privileged",
            "restart", "security_opt", "shm_size", "sysctls", "ulimits", "userns_mode");

    /** types.DeprecatedProperties: ignored with a reason. */
    static final Map<String, String> DEPRECATED = new TreeMap<>(Map.of(
            "container_name", "Setting the container name is not supported.",
            "expose", "Exposing ports is unnecessary - services on the same network can access each other's "
                    + "containers on any port."));

    /** types.ForbiddenProperties: refusing the whole file. */
    static final Map<String, String> FORBIDDEN = new TreeMap<>(Map.of(
            "extends", "Support for `extends` is not implemented yet.",
            "volume_driver", "Instead of setting the volume driver on the service, define a volume using the "
                    + "top-level `volumes` option and specify the driver there.",
            "volumes_from", "To share a volume between services, define it using the top-level `volumes` option "
                    + "and reference it from each service that shares it using the service-level `volumes` option.",
            "cpu_quota", "Set resource limits using deploy.resources",
            "cpu_shares", "Set resource limits using deploy.resources",
            "cpuset", "Set resource limits using deploy.resources",
            "mem_limit", "Set resource limits using deploy.resources",
            "memswap_limit", "Set resource limits using deploy.resources"));

    private static final Pattern SUPPORTED_VERSION = Pattern.compile("3\\.([0-9])");

    /** {@link #parse(String, String, String)} with the file in {@code /}. */
    public static Stack parse(String yamlText, String stackName) {
        return parse(yamlText, stackName, "/");
    }

    /**
     * Reads a Compose file. {@code workingDir} is the file's directory, against which relative
     * bind-mount sources ({@code ./data}) resolve, as docker resolves them.
     */
    public static Stack parse(String yamlText, String stackName, String workingDir) {
        Map<String, Object> file = load(yamlText);
        checkStringKeys(file, "");
        String version = version(file);
        Map<String, Object> services = mapping(file.get("services"));
        checkForbidden(services);
        Matcher supported = SUPPORTED_VERSION.matcher(version);
        int minor = supported.matches() ? Integer.parseInt(supported.group(1)) : -1;
        if (minor < ComposeSchema.MIN_MINOR || minor > ComposeSchema.MAX_MINOR) {
            throw new Invalid("unsupported Compose file version: " + version);
        }
        String schemaError = ComposeSchema.validate(file, minor);
        if (schemaError != null) {
            throw new Invalid(schemaError);
        }
        ServiceConverter converter = new ServiceConverter(stackName, workingDir, mapping(file.get("volumes")),
                mapping(file.get("networks")));
        // docker loads (reads the short forms of) every service, converts every service, then
        // creates them one by one: each phase's errors come before the next phase's.
        List<ServiceConverter.Loaded> loaded = new ArrayList<>();
        services.forEach((name, def) -> loaded.add(converter.load(name, mapping(def))));
        List<ServiceConverter.Converted> converted = loaded.stream().map(converter::convert).toList();
        List<StackService> out = new ArrayList<>();
        for (ServiceConverter.Converted service : converted) {
            if (service.daemonError() != null) {
                throw new Invalid("failed to create service " + service.scopedName()
                        + ": Error response from daemon: " + service.daemonError());
            }
            out.add(new StackService(service.scopedName(), service.spec()));
        }
        return new Stack(out, converter.networksCreated(loaded), warnings(services));
    }

    // ---- YAML -------------------------------------------------------------------------------

    /** SnakeYAML's safe loader, bounded so that hostile documents fail fast. */
    private static Yaml safeYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setTagInspector(tag -> false); // no global tags: nothing but plain YAML data
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yamlText) {
        Object document;
        try {
            document = safeYaml().load(yamlText);
        } catch (DuplicateKeyException e) {
            // go-yaml's strict-mode wording; docker 18.09 itself kept the last value.
            Matcher key = Pattern.compile("found duplicate key (.*)").matcher(e.getProblem());
            String name = key.find() ? key.group(1) : "?";
            throw new Invalid("yaml: unmarshal errors:\n  line " + line(e.getProblemMark()) + ": key \"" + name
                    + "\" already set in map");
        } catch (MarkedYAMLException e) {
            throw new Invalid("yaml: line " + line(e.getProblemMark()) + ": " + e.getProblem());
        } catch (YAMLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("aliases")) {
                throw new Invalid("yaml: document contains excessive aliasing");
            }
            if (msg.contains("exceeds the limit")) {
                throw new Invalid("yaml: document exceeds the limit of " + MAX_CODE_POINTS + " code points");
            }
            throw new Invalid("yaml: " + msg);
        }
        if (!(document instanceof Map)) {
            throw new Invalid("Top-level object must be a mapping");
        }
        return (Map<String, Object>) document;
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    /** docker refuses non-string keys anywhere (they cannot be JSON-schema-validated). */
    private static void checkStringKeys(Object value, String prefix) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    String where = prefix.isEmpty() ? "at top level" : "in " + prefix;
                    throw new Invalid("Non-string key " + where + ": " + e.getKey());
                }
                checkStringKeys(e.getValue(), prefix.isEmpty() ? key : prefix + "." + key);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkStringKeys(list.get(i), prefix + "[" + i + "]");
            }
        }
    }

    /** schema.Version: the version as Go's %v prints it; absent is "1.0"; "3" means "3.0". */
    private static String version(Map<String, Object> file) {
        if (!file.containsKey("version")) {
            return "1.0";
        }
        Object v = file.get("version");
        String text;
        if (v == null) {
            text = "<nil>";
        } else if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            text = Long.toString(d.longValue());
        } else {
            text = v.toString();
        }
        return text.equals("3") ? "3.0" : text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mapping(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    private static void checkForbidden(Map<String, Object> services) {
        Map<String, String> found = new TreeMap<>();
        for (Object service : services.values()) {
            for (String key : mapping(service).keySet()) {
                if (FORBIDDEN.containsKey(key)) {
                    found.put(key, FORBIDDEN.get(key));
                }
            }
        }
        if (!found.isEmpty()) {
            throw new Invalid("Compose file contains unsupported options:\n\n" + propertyWarnings(found) + "\n");
        }
    }

    /**
     * What docker prints to stderr before deploying, one entry per message (docker follows each
     * with a blank line): the ignored options of every service, sorted, then the deprecated ones.
     */
    private static List<String> warnings(Map<String, Object> services) {
        TreeSet<String> unsupported = new TreeSet<>();
        Map<String, String> deprecated = new TreeMap<>();
        for (Object service : services.values()) {
            for (String key : mapping(service).keySet()) {
                if (UNSUPPORTED.contains(key)) {
                    unsupported.add(key);
                }
                if (DEPRECATED.containsKey(key)) {
                    deprecated.put(key, DEPRECATED.get(key));
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (!unsupported.isEmpty()) {
            out.add("Ignoring unsupported options: " + String.join(", ", unsupported));
        }
        if (!deprecated.isEmpty()) {
            out.add("Ignoring deprecated options:\n\n" + propertyWarnings(deprecated));
        }
        return out;
    }

    private static String propertyWarnings(Map<String, String> properties) {
        List<String> lines = new ArrayList<>();
        properties.forEach((k, v) -> lines.add(k + ": " + v));
        lines.sort(Comparator.naturalOrder());
        return String.join("\n\n", lines);
    }

    static String goQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
