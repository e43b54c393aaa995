package clusterlab.swarm.stack;

import static clusterlab.swarm.stack.ComposeFile.goQuote;
import static clusterlab.swarm.stack.ComposeFile.mapping;

import clusterlab.runtime.cli.args.GoValues;
import clusterlab.swarm.orchestrator.RestartPolicy;
import clusterlab.swarm.orchestrator.UpdateConfig;
import clusterlab.swarm.stack.ComposeFile.Invalid;
import clusterlab.swarm.stack.ShortSyntax.VolumeSpec;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceMount;
import clusterlab.swarm.store.ServiceSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema-valid Compose service to a {@link ServiceSpec}, in docker/cli's three phases:
 * {@link #load} (the loader's transforms: shell words, short port and volume forms, sizes; errors
 * unprefixed), {@link #convert} (convert.Service: errors prefixed {@code service NAME: }), and the
 * daemon's checks at service creation, kept as {@link Converted#daemonError()}.
 */
final class ServiceConverter {
    private final String stack;
    private final String workingDir;
    private final Map<String, Object> declaredVolumes;
    private final Map<String, Object> declaredNetworks;

    ServiceConverter(String stack, String workingDir, Map<String, Object> declaredVolumes,
            Map<String, Object> declaredNetworks) {
        this.stack = stack;
        this.workingDir = workingDir;
        this.declaredVolumes = declaredVolumes;
        this.declaredNetworks = declaredNetworks;
    }

    /** A service after the loader's transforms. */
    record Loaded(String name, Map<String, Object> def, List<String> args, List<String> entrypoint,
            List<PortConfig> ports, List<VolumeSpec> volumes, List<String> networks) {
    }

    /** A converted service, or the daemon's refusal of it (then {@code spec} is null). */
    record Converted(String scopedName, ServiceSpec spec, String daemonError) {
    }

    /** Raised for what the daemon, not the CLI, refuses: reported when that service is created. */
    private static final class DaemonError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DaemonError(String message) {
            super(message, null, false, false);
        }
    }

    // ---- load ---------------------------------------------------------------------------------

    Loaded load(String name, Map<String, Object> def) {
        try {
            List<PortConfig> ports = new ArrayList<>();
            for (Object port : list(def.get("ports"))) {
                if (port instanceof Map<?, ?> longForm) {
                    ports.add(longPort(mapping(longForm)));
                } else {
                    ports.addAll(ShortSyntax.ports(text(port)));
                }
            }
            List<VolumeSpec> volumes = new ArrayList<>();
            for (Object volume : list(def.get("volumes"))) {
                volumes.add(volume instanceof Map<?, ?> longForm ? longVolume(mapping(longForm))
                        : ShortSyntax.volume(text(volume)));
            }
            Map<String, Object> resources = mapping(mapping(def.get("deploy")).get("resources"));
            for (String kind : List.of("limits", "reservations")) {
                Object memory = mapping(resources.get(kind)).get("memory");
                if (memory != null) {
                    GoValues.ramInBytes(memory.toString()); // the loader converts sizes up front
                }
            }
            Object nets = def.get("networks");
            List<String> networks = nets instanceof Map<?, ?> m ? new ArrayList<>(mapping(m).keySet())
                    : list(nets).stream().map(ServiceConverter::text).toList();
            return new Loaded(name, def, shellCommand(def.get("command")), shellCommand(def.get("entrypoint")),
                    ports, volumes, networks);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    private static List<String> shellCommand(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s ? ShellWords.split(s) : list(value).stream().map(ServiceConverter::text)
                .toList();
    }

    private static PortConfig longPort(Map<String, Object> port) {
        int target = port.get("target") == null ? 0 : ((Number) port.get("target")).intValue();
        int published = port.get("published") == null ? 0 : ((Number) port.get("published")).intValue();
        if (target < 1 || target > 65535 || published < 0 || published > 65535) {
            // swarmkit's allocator refuses these at creation; a PortConfig cannot hold them.
            throw new IllegalArgumentException("invalid port " + published + ":" + target);
        }
        return new PortConfig((String) port.get("protocol"), target, published, (String) port.get("mode"));
    }

    private static VolumeSpec longVolume(Map<String, Object> volume) {
        return new VolumeSpec(text(volume.get("type")), volume.get("source") == null ? "" : text(volume.get("source")),
                volume.get("target") == null ? "" : text(volume.get("target")),
                Boolean.TRUE.equals(volume.get("read_only")));
    }

    // ---- convert -------------------------------------------------------------------------------

    Converted convert(Loaded service) {
        String scoped = stack + "_" + service.name();
        try {
            return new Converted(scoped, spec(service, scoped), null);
        } catch (DaemonError e) {
            return new Converted(scoped, null, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Invalid("service " + service.name() + ": " + e.getMessage());
        }
    }

    private ServiceSpec spec(Loaded service, String scoped) {
        Map<String, Object> def = service.def();
        Map<String, Object> deploy = mapping(def.get("deploy"));
        ServiceSpec.Builder b = new ServiceSpec.Builder();
        b.name = scoped;
        b.image = def.get("image") == null ? "" : text(def.get("image"));
        b.args = service.args();
        b.entrypoint = service.entrypoint();
        b.env = environment(def.get("environment"));
        b.containerLabels = labels(def.get("labels"));
        b.containerLabels.put(ComposeFile.NAMESPACE_LABEL, stack);
        b.labels = labels(deploy.get("labels"));
        b.labels.put(ComposeFile.NAMESPACE_LABEL, stack);
        b.labels.put(ComposeFile.IMAGE_LABEL, b.image);
        b.hostname = optionalText(def.get("hostname"));
        b.workdir = optionalText(def.get("working_dir"));
        b.user = optionalText(def.get("user"));
        b.tty = Boolean.TRUE.equals(def.get("tty"));
        b.readOnly = Boolean.TRUE.equals(def.get("read_only"));
        if (def.get("stop_grace_period") != null) {
            b.stopGracePeriodNanos = duration(def.get("stop_grace_period"));
        }
        b.stopSignal = optionalText(def.get("stop_signal"));
        b.ports = new ArrayList<>(service.ports());
        b.ports.sort(Comparator.comparingInt(PortConfig::publishedPort)); // docker sorts by published port
        b.mounts = mounts(service.volumes());
        checkNetworks(service.networks());
        mode(b, deploy);
        resources(b, mapping(deploy.get("resources")));
        Map<String, Object> placement = mapping(deploy.get("placement"));
        b.constraints = list(placement.get("constraints")).stream().map(ServiceConverter::text).toList();
        b.placementPrefs = list(placement.get("preferences")).stream()
                .map(p -> "spread=" + text(mapping(p).get("spread"))).toList();
        // What follows the daemon (not the CLI) checks, when the service is created.
        b.restartPolicy = restartPolicy(deploy.get("restart_policy"), def.get("restart"));
        b.updateConfig = updateConfig(deploy.get("update_config"));
        b.rollbackConfig = updateConfig(deploy.get("rollback_config"));
        String endpointMode = optionalText(deploy.get("endpoint_mode")).toLowerCase(Locale.ROOT);
        if (!List.of("", "vip", "dnsrr").contains(endpointMode)) {
            throw new DaemonError("invalid resolution mode: " + goQuote(endpointMode));
        }
        b.endpointMode = endpointMode;
        if (b.image.isEmpty()) {
            throw new DaemonError("rpc error: code = InvalidArgument desc = ContainerSpec: image reference must be "
                    + "provided");
        }
        return b.build();
    }

    private static void mode(ServiceSpec.Builder b, Map<String, Object> deploy) {
        String mode = optionalText(deploy.get("mode"));
        Object replicas = deploy.get("replicas");
        switch (mode) {
            case "global" -> {
                if (replicas != null) {
                    throw new IllegalArgumentException("replicas can only be used with replicated mode");
                }
                b.mode = "global";
            }
            case "replicated", "" -> {
                b.mode = "replicated";
                long n = replicas == null ? 1 : ((Number) replicas).longValue();
                if (n < 0) {
                    throw new IllegalArgumentException("replicas must not be negative");
                }
                b.replicas = n;
            }
            default -> throw new IllegalArgumentException("Unknown mode: " + mode);
        }
    }

    private static void resources(ServiceSpec.Builder b, Map<String, Object> resources) {
        Map<String, Object> limits = mapping(resources.get("limits"));
        Map<String, Object> reservations = mapping(resources.get("reservations"));
        b.limitNanoCpus = cpus(limits.get("cpus"));
        b.limitMemoryBytes = memory(limits.get("memory"));
        b.reserveNanoCpus = cpus(reservations.get("cpus"));
        b.reserveMemoryBytes = memory(reservations.get("memory"));
    }

    private static long cpus(Object value) {
        return value == null || value.toString().isEmpty() ? 0 : GoValues.parseNanoCpus(value.toString());
    }

    private static long memory(Object value) {
        return value == null ? 0 : GoValues.ramInBytes(value.toString());
    }

    /** convertEnvironment: KEY=VALUE (KEY alone for a key without a value), sorted. */
    private static List<String> environment(Object value) {
        TreeSet<String> out = new TreeSet<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.add(v == null ? k.toString() : k + "=" + scalar(v)));
        } else {
            Map<String, String> byKey = new TreeMap<>();
            for (Object entry : list(value)) {
                String s = text(entry);
                int eq = s.indexOf('=');
                byKey.put(eq < 0 ? s : s.substring(0, eq), s);
            }
            out.addAll(byKey.values());
        }
        return new ArrayList<>(out);
    }

    /** Labels from a mapping or a list of KEY=VALUE (a bare KEY is an empty value). */
    private static TreeMap<String, String> labels(Object value) {
        TreeMap<String, String> out = new TreeMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(k.toString(), v == null ? "" : scalar(v)));
        } else {
            for (Object entry : list(value)) {
                String s = text(entry);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return out;
    }

    private List<ServiceMount> mounts(List<VolumeSpec> volumes) {
        List<ServiceMount> out = new ArrayList<>();
        for (VolumeSpec v : volumes) {
            switch (v.type()) {
                case "bind" -> {
                    if (v.source().isEmpty()) {
                        throw new IllegalArgumentException("invalid mount config for type \"bind\": field Source must "
                                + "not be empty");
                    }
                    out.add(new ServiceMount("bind", absolute(v.source()), v.target(), v.readOnly()));
                }
                case "volume", "" -> out.add(new ServiceMount("volume", volumeSource(v.source()), v.target(),
                        v.readOnly()));
                case "tmpfs" -> throw new IllegalArgumentException("tmpfs mounts are not supported by this simulator");
                default -> throw new IllegalArgumentException("volume type must be volume, bind, or tmpfs");
            }
        }
        return out;
    }

    /** A named volume must be declared; it is scoped to the stack unless named or external. */
    private String volumeSource(String source) {
        if (source.isEmpty()) {
            return "";
        }
        if (!declaredVolumes.containsKey(source)) {
            throw new IllegalArgumentException("undefined volume " + goQuote(source));
        }
        Map<String, Object> decl = mapping(declaredVolumes.get(source));
        String explicit = declaredName(decl, source);
        return explicit != null ? explicit : stack + "_" + source;
    }

    /** The name a volume or network declaration gives itself ({@code name}, or external's). */
    private static String declaredName(Map<String, Object> decl, String key) {
        Object external = decl.get("external");
        if (external instanceof Map<?, ?> ext && mapping(ext).get("name") != null) {
            return text(mapping(ext).get("name"));
        }
        if (decl.get("name") != null) {
            return text(decl.get("name"));
        }
        return external instanceof Map || Boolean.TRUE.equals(external) ? key : null;
    }

    /**
     * filepath.Join(workingDir, source) for a relative bind source, on POSIX paths whatever the
     * host (the simulated nodes are Linux): {@code .} and {@code ..} resolved, slashes collapsed.
     */
    private String absolute(String source) {
        if (source.startsWith("/") || source.startsWith("~")) {
            return source;
        }
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (String part : (workingDir + "/" + source).split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    private void checkNetworks(List<String> networks) {
        for (String network : networks) {
            if (!network.equals("default") && !declaredNetworks.containsKey(network)) {
                throw new IllegalArgumentException("undefined network " + goQuote(network));
            }
        }
    }

    /** The networks the stack creates: those its services use, but not the external ones. */
    List<String> networksCreated(List<Loaded> services) {
        TreeSet<String> used = new TreeSet<>();
        for (Loaded s : services) {
            used.addAll(s.networks().isEmpty() ? List.of("default") : s.networks());
        }
        List<String> out = new ArrayList<>();
        for (String network : used) {
            Map<String, Object> decl = mapping(declaredNetworks.get(network));
            Object external = decl.get("external");
            if (Boolean.TRUE.equals(external) || external instanceof Map) {
                continue;
            }
            out.add(decl.get("name") != null ? text(decl.get("name")) : stack + "_" + network);
        }
        return out;
    }

    private static UpdateConfig updateConfig(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> m = mapping(value);
        int parallelism = m.get("parallelism") == null ? 1 : ((Number) m.get("parallelism")).intValue();
        long delay = m.get("delay") == null ? 0 : duration(m.get("delay"));
        String action = optionalText(m.get("failure_action"));
        UpdateConfig.FailureAction failureAction = switch (action) {
            case "", "pause" -> UpdateConfig.FailureAction.PAUSE;
            case "continue" -> UpdateConfig.FailureAction.CONTINUE;
            case "rollback" -> UpdateConfig.FailureAction.ROLLBACK;
            default -> throw new DaemonError("unrecongized update failure action " + action); // moby's spelling
        };
        // A zero monitor is SwarmKit's default (5s).
        long monitor = m.get("monitor") == null ? 0 : duration(m.get("monitor"));
        monitor = monitor == 0 ? UpdateConfig.DEFAULTS.monitorNanos() : monitor;
        double ratio = m.get("max_failure_ratio") == null ? 0 : ((Number) m.get("max_failure_ratio")).doubleValue();
        UpdateConfig.Order order = "start-first".equals(m.get("order"))
                ? UpdateConfig.Order.START_FIRST : UpdateConfig.Order.STOP_FIRST;
        if (parallelism < 0 || delay < 0 || ratio < 0 || ratio > 1) {
            throw new DaemonError("rpc error: code = InvalidArgument desc = invalid update config");
        }
        return new UpdateConfig(parallelism, delay, failureAction, monitor, ratio, order);
    }

    private static RestartPolicy restartPolicy(Object deployPolicy, Object legacyRestart) {
        if (deployPolicy != null) {
            Map<String, Object> m = mapping(deployPolicy);
            String condition = optionalText(m.get("condition"));
            RestartPolicy.Condition c = switch (condition) {
                case "", "any" -> RestartPolicy.Condition.ANY;
                case "none" -> RestartPolicy.Condition.NONE;
                case "on-failure" -> RestartPolicy.Condition.ON_FAILURE;
                default -> throw new DaemonError("invalid RestartCondition: " + goQuote(condition));
            };
            long delay = m.get("delay") == null ? RestartPolicy.DEFAULTS.delayNanos() : duration(m.get("delay"));
            long attempts = m.get("max_attempts") == null ? 0 : ((Number) m.get("max_attempts")).longValue();
            long window = m.get("window") == null ? 0 : duration(m.get("window"));
            if (attempts < 0 || delay < 0 || window < 0) {
                throw new DaemonError("rpc error: code = InvalidArgument desc = invalid restart policy");
            }
            return new RestartPolicy(c, delay, attempts, window);
        }
        // Without deploy.restart_policy, docker/cli falls back to the (otherwise ignored) `restart`.
        String restart = optionalText(legacyRestart);
        if (restart.isEmpty() || restart.equals("no")) {
            return null;
        }
        if (restart.equals("always") || restart.equals("unless-stopped")) {
            return new RestartPolicy(RestartPolicy.Condition.ANY, RestartPolicy.DEFAULTS.delayNanos(), 0, 0);
        }
        Matcher onFailure = Pattern.compile("on-failure(?::([0-9]{1,9}))?").matcher(restart);
        if (onFailure.matches()) {
            long attempts = onFailure.group(1) == null ? 0 : Long.parseLong(onFailure.group(1));
            return new RestartPolicy(RestartPolicy.Condition.ON_FAILURE, RestartPolicy.DEFAULTS.delayNanos(),
                    attempts, 0);
        }
        throw new IllegalArgumentException("unknown restart policy: " + restart);
    }

    // ---- values -------------------------------------------------------------------------------

    private static long duration(Object text) {
        return GoValues.parseDuration(text.toString());
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static String text(Object value) {
        return scalar(value);
    }

    private static String optionalText(Object value) {
        return value == null ? "" : scalar(value);
    }

    /** A scalar as Go's fmt.Sprint prints it (whole floats without ".0"). */
    private static String scalar(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }
}
