package clusterlab.swarm.cli;

import clusterlab.runtime.cli.args.FlagSpec;
import clusterlab.runtime.cli.args.ParsedCommand;
import clusterlab.swarm.orchestrator.RestartPolicy;
import clusterlab.swarm.orchestrator.UpdateConfig;
import clusterlab.swarm.scheduler.Constraint;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceMount;
import clusterlab.swarm.store.ServiceSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns the parsed command line of {@code docker service create} / {@code docker service update}
 * into a {@link ServiceSpec}, failing as docker 18.09 does. Three places reject a command, and the
 * message shows which: docker/cli's pflag Values (mount, port, pref, shell words: a flag error, exit
 * 125), docker/cli's own checks (a plain error line), and the daemon (moby's spec conversion, then
 * SwarmKit's controlapi validation, which prefixes {@code rpc error: code = ... desc =}).
 */
public final class ServiceFlags {
    private ServiceFlags() {
    }

    /** A command docker rejects, with the text it prints and where the check lives. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Where docker checks it: a flag's pflag Value, the client's code, or the daemon. */
        public enum Kind { FLAG, CLIENT, DAEMON }

        private final Kind kind;
        private final String usageHint;

        Invalid(Kind kind, String message, String usageHint) {
            super(message, null, false, false);
            this.kind = kind;
            this.usageHint = usageHint;
        }

        /** The line docker prints, without "Error response from daemon: " or the "See ..." line. */
        public String message() {
            return getMessage();
        }

        /** Whether docker prints it as {@code Error response from daemon: <message>}. */
        public boolean daemon() {
            return kind == Kind.DAEMON;
        }

        public Kind kind() {
            return kind;
        }

        /** docker's exit status: 125 for flag errors (cobra's FlagErrorFunc), 1 otherwise. */
        public int exitStatus() {
            return kind == Kind.FLAG ? 125 : 1;
        }

        /** Everything docker writes to stderr for this error (without the final newline). */
        public String printed() {
            return switch (kind) {
                case DAEMON -> "Error response from daemon: " + getMessage();
                case FLAG -> getMessage() + "\nSee '" + usageHint + " --help'.";
                case CLIENT -> getMessage();
            };
        }
    }

    private static Invalid client(String message) {
        return new Invalid(Invalid.Kind.CLIENT, message, null);
    }

    private static Invalid daemon(String message) {
        return new Invalid(Invalid.Kind.DAEMON, message, null);
    }

    /** SwarmKit's status.Errorf(codes.InvalidArgument, ...) as the daemon relays it. */
    private static Invalid swarmkit(String message) {
        return daemon("rpc error: code = InvalidArgument desc = " + message);
    }

    /** pflag's wording for a Value.Set failure: {@code invalid argument "v" for "-p, --publish" flag: why}. */
    private static Invalid flagError(ParsedCommand cmd, String flag, String value, String why) {
        FlagSpec f = cmd.command().flag(flag);
        return new Invalid(Invalid.Kind.FLAG, "invalid argument " + goQuote(value) + " for "
                + goQuote(f.errorName()) + " flag: " + why, cmd.command().commandPath());
    }

    // ---------------------------------------------------------------- create

    /** {@code docker service create}: the spec the client sends, once the daemon accepted it. */
    public static ServiceSpec create(ParsedCommand cmd) {
        List<PortConfig> ports = new ArrayList<>();
        List<ServiceMount> mounts = new ArrayList<>();
        List<String> prefs = new ArrayList<>();
        List<String> entrypoint = cmd.changed("entrypoint") ? shellWords(cmd, "entrypoint") : null;
        // pflag runs every Value.Set while parsing, in command-line order, so flag errors come first.
        for (String flag : cmd.flags().changedNames()) {
            switch (flag) {
                case "publish" -> cmd.strings(flag).forEach(v -> ports.addAll(parsePort(cmd, flag, v)));
                case "mount" -> cmd.strings(flag).forEach(v -> mounts.add(parseMount(cmd, flag, v)));
                case "placement-pref" -> cmd.strings(flag).forEach(v -> prefs.add(parsePref(cmd, flag, v)));
                case "env", "label", "container-label" -> cmd.strings(flag).forEach(v -> validateEnv(cmd, flag, v));
                default -> { }
            }
        }
        ServiceSpec.Builder b = new ServiceSpec.Builder();
        b.image = cmd.args().get(0);
        b.args = cmd.args().size() > 1 ? cmd.args().subList(1, cmd.args().size()) : null;
        b.entrypoint = entrypoint;
        b.name = cmd.string("name");
        b.env = mergeEnv(List.of(), cmd.strings("env"));
        b.labels = kvMap(cmd.strings("label"));
        b.containerLabels = kvMap(cmd.strings("container-label"));
        // ToServiceMode (client side).
        switch (cmd.string("mode")) {
            case "global" -> {
                if (cmd.changed("replicas")) {
                    throw client("replicas can only be used with replicated mode");
                }
                b.mode = "global";
            }
            case "replicated" -> b.replicas = cmd.changed("replicas") ? cmd.integer("replicas") : 1;
            default -> throw client("Unknown mode: " + cmd.string("mode") + ", only replicated and global supported");
        }
        b.mounts = mounts;
        b.ports = ports;
        b.constraints = new ArrayList<>(cmd.strings("constraint"));
        b.placementPrefs = prefs;
        b.endpointMode = cmd.string("endpoint-mode").toLowerCase(Locale.ROOT);
        applyCommon(cmd, b);
        return validated(b);
    }

    // ---------------------------------------------------------------- update

    /** {@code docker service update}: {@code current} with the changed flags applied, as docker's updateService. */
    public static ServiceSpec update(ServiceSpec current, ParsedCommand cmd) {
        List<ServiceMount> mountAdds = new ArrayList<>();
        List<PortConfig> portAdds = new ArrayList<>();
        List<PortConfig> portRms = new ArrayList<>();
        List<String> prefAdds = new ArrayList<>();
        List<String> prefRms = new ArrayList<>();
        List<String> args = cmd.changed("args") ? shellWords(cmd, "args") : null;
        List<String> entrypoint = cmd.changed("entrypoint") ? shellWords(cmd, "entrypoint") : null;
        for (String flag : cmd.flags().changedNames()) {
            switch (flag) {
                case "publish-add" -> cmd.strings(flag).forEach(v -> portAdds.addAll(parsePort(cmd, flag, v)));
                case "publish-rm" -> cmd.strings(flag).forEach(v -> portRms.addAll(parsePort(cmd, flag, v)));
                case "mount-add" -> cmd.strings(flag).forEach(v -> mountAdds.add(parseMount(cmd, flag, v)));
                case "placement-pref-add" -> cmd.strings(flag).forEach(v -> prefAdds.add(parsePref(cmd, flag, v)));
                case "placement-pref-rm" -> cmd.strings(flag).forEach(v -> prefRms.add(parsePref(cmd, flag, v)));
                case "env-add", "label-add", "container-label-add" ->
                        cmd.strings(flag).forEach(v -> validateEnv(cmd, flag, v));
                default -> { }
            }
        }
        ServiceSpec.Builder b = current.toBuilder();
        b.labels.putAll(kvMap(cmd.strings("label-add")));
        cmd.strings("label-rm").forEach(b.labels::remove);
        b.containerLabels.putAll(kvMap(cmd.strings("container-label-add")));
        cmd.strings("container-label-rm").forEach(b.containerLabels::remove);
        if (cmd.changed("image")) {
            b.image = cmd.string("image");
        }
        if (args != null) {
            b.args = args;
        }
        if (entrypoint != null) {
            b.entrypoint = entrypoint;
        }
        b.env = mergeEnv(b.env, cmd.strings("env-add"));
        b.env.removeIf(e -> cmd.strings("env-rm").contains(envKey(e)));
        b.mounts = updateMounts(b.mounts, mountAdds, cmd.strings("mount-rm"));
        if (cmd.changed("constraint-add") || cmd.changed("constraint-rm")) {
            List<String> cs = new ArrayList<>(b.constraints);
            cs.addAll(cmd.strings("constraint-add"));
            cs.removeIf(cmd.strings("constraint-rm")::contains);
            cs.sort(Comparator.naturalOrder()); // docker sorts "so that result is predictable"
            b.constraints = cs;
        }
        b.placementPrefs.removeIf(prefRms::contains);
        b.placementPrefs.addAll(prefAdds);
        if (cmd.changed("replicas")) {
            if (b.mode.equals("global")) {
                throw client("replicas can only be used with replicated mode");
            }
            b.replicas = cmd.integer("replicas");
        }
        if (cmd.changed("endpoint-mode")) {
            b.endpointMode = cmd.string("endpoint-mode"); // update does not lowercase it, create does
        }
        if (cmd.changed("publish-add") || cmd.changed("publish-rm")) {
            b.ports = updatePorts(b.ports, portAdds, portRms);
        }
        applyCommon(cmd, b);
        return validated(b);
    }

    // ---------------------------------------------------------------- shared flags

    /** The flags create and update share, each applied only when given (docker's "changed"). */
    private static void applyCommon(ParsedCommand cmd, ServiceSpec.Builder b) {
        if (cmd.changed("workdir")) {
            b.workdir = cmd.string("workdir");
        }
        if (cmd.changed("user")) {
            b.user = cmd.string("user");
        }
        if (cmd.changed("hostname")) {
            b.hostname = cmd.string("hostname");
        }
        if (cmd.changed("stop-signal")) {
            b.stopSignal = cmd.string("stop-signal");
        }
        if (cmd.changed("tty")) {
            b.tty = cmd.bool("tty");
        }
        if (cmd.changed("read-only")) {
            b.readOnly = cmd.bool("read-only");
        }
        if (cmd.changed("stop-grace-period")) {
            b.stopGracePeriodNanos = cmd.durationNanos("stop-grace-period");
        }
        // Giving either limit replaces both (docker builds a fresh Resources), so the other goes to 0.
        if (cmd.changed("limit-cpu") || cmd.changed("limit-memory")) {
            b.limitNanoCpus = cmd.nanoCpus("limit-cpu");
            b.limitMemoryBytes = cmd.bytes("limit-memory");
        }
        if (cmd.changed("reserve-cpu") || cmd.changed("reserve-memory")) {
            b.reserveNanoCpus = cmd.nanoCpus("reserve-cpu");
            b.reserveMemoryBytes = cmd.bytes("reserve-memory");
        }
        b.restartPolicy = restartPolicy(cmd, b.restartPolicy);
        b.updateConfig = updateConfig(cmd, "update", b.updateConfig);
        b.rollbackConfig = updateConfig(cmd, "rollback", b.rollbackConfig);
    }

    private static RestartPolicy restartPolicy(ParsedCommand cmd, RestartPolicy p) {
        RestartPolicy.Condition condition = p.condition();
        if (cmd.changed("restart-condition")) {
            String c = cmd.string("restart-condition");
            // moby's restartPolicyToGRPC matches exactly; "" means the default (any).
            condition = switch (c) {
                case "none" -> RestartPolicy.Condition.NONE;
                case "on-failure" -> RestartPolicy.Condition.ON_FAILURE;
                case "any", "" -> RestartPolicy.Condition.ANY;
                default -> throw daemon("invalid RestartCondition: " + goQuote(c));
            };
        }
        long delay = cmd.changed("restart-delay") ? cmd.durationNanos("restart-delay") : p.delayNanos();
        long window = cmd.changed("restart-window") ? cmd.durationNanos("restart-window") : p.windowNanos();
        long attempts = cmd.changed("restart-max-attempts") ? cmd.integer("restart-max-attempts") : p.maxAttempts();
        if (delay < 0) {
            throw swarmkit("TaskSpec: restart-delay cannot be negative");
        }
        if (window < 0) {
            throw swarmkit("TaskSpec: restart-window cannot be negative");
        }
        if (attempts < 0) { // a uint64 above Long.MAX_VALUE
            attempts = Long.MAX_VALUE;
        }
        return new RestartPolicy(condition, delay, attempts, window);
    }

    /** {@code --update-*} or {@code --rollback-*} over {@code c}; the checks are moby's and SwarmKit's. */
    private static UpdateConfig updateConfig(ParsedCommand cmd, String prefix, UpdateConfig c) {
        String p = prefix + "-";
        long parallelism = cmd.changed(p + "parallelism") ? cmd.integer(p + "parallelism") : c.parallelism();
        long delay = cmd.changed(p + "delay") ? cmd.durationNanos(p + "delay") : c.delayNanos();
        long monitor = cmd.changed(p + "monitor") ? cmd.durationNanos(p + "monitor") : c.monitorNanos();
        double ratio = cmd.changed(p + "max-failure-ratio")
                ? (float) cmd.flags().decimal(p + "max-failure-ratio") : c.maxFailureRatio(); // docker's float32
        UpdateConfig.FailureAction action = c.failureAction();
        if (cmd.changed(p + "failure-action")) {
            String a = cmd.string(p + "failure-action");
            action = switch (a) {
                case "pause", "" -> UpdateConfig.FailureAction.PAUSE;
                case "continue" -> UpdateConfig.FailureAction.CONTINUE;
                case "rollback" -> {
                    if (prefix.equals("rollback")) {
                        // Not docker's check (moby converts both configs alike); the simulator cannot roll back a rollback.
                        throw daemon("unrecognized rollback failure action rollback");
                    }
                    yield UpdateConfig.FailureAction.ROLLBACK;
                }
                default -> throw daemon("unrecognized update failure action " + a);
            };
        }
        UpdateConfig.Order order = c.order();
        if (cmd.changed(p + "order")) {
            String o = cmd.string(p + "order");
            order = switch (o) {
                case "stop-first", "" -> UpdateConfig.Order.STOP_FIRST;
                case "start-first" -> UpdateConfig.Order.START_FIRST;
                default -> throw daemon("unrecognized update order " + o);
            };
        }
        // SwarmKit's validateUpdate; it checks only the update config, the rollback one shares its wording here.
        if (delay < 0) {
            throw swarmkit("TaskSpec: " + prefix + "-delay cannot be negative");
        }
        if (monitor < 0) {
            throw swarmkit("TaskSpec: " + prefix + "-monitor cannot be negative");
        }
        if (ratio < 0 || ratio > 1 || Double.isNaN(ratio)) {
            throw swarmkit("TaskSpec: " + prefix + "-maxfailureratio cannot be less than 0 or bigger than 1");
        }
        int par = parallelism < 0 || parallelism > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) parallelism;
        return new UpdateConfig(par, delay, action, monitor, ratio, order);
    }

    // ---------------------------------------------------------------- daemon validation

    /** moby's ServiceSpecToGRPC checks, then SwarmKit's validateServiceSpec, in their order. */
    private static ServiceSpec validated(ServiceSpec.Builder b) {
        if (!b.endpointMode.equals("vip") && !b.endpointMode.equals("dnsrr") && !b.endpointMode.isEmpty()) {
            throw daemon("invalid resolution mode: " + goQuote(b.endpointMode));
        }
        if (!b.name.isEmpty()) { // empty: moby picks a random name, which is valid
            if (!b.name.matches("[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*")) {
                throw swarmkit("name must be valid as a DNS name component");
            }
            if (b.name.length() > 63) {
                throw swarmkit("name must be 63 characters or fewer");
            }
        }
        checkResources(b.limitNanoCpus, b.limitMemoryBytes);
        checkResources(b.reserveNanoCpus, b.reserveMemoryBytes);
        for (String c : b.constraints) {
            try {
                Constraint.parse(c);
            } catch (IllegalArgumentException e) {
                // constraint.Parse's error is a plain error, which gRPC reports as Unknown.
                throw daemon("rpc error: code = Unknown desc = " + e.getMessage());
            }
        }
        if (b.image.isEmpty()) {
            throw swarmkit("ContainerSpec: image reference must be provided");
        }
        if (!validReference(b.image)) {
            throw swarmkit("ContainerSpec: " + goQuote(b.image) + " is not a valid repository/tag");
        }
        List<String> targets = new ArrayList<>();
        for (ServiceMount m : b.mounts) {
            if (targets.contains(m.target())) {
                throw swarmkit("ContainerSpec: duplicate mount point: " + m.target());
            }
            targets.add(m.target());
        }
        checkMountPaths(b.mounts);
        List<String> published = new ArrayList<>();
        for (PortConfig p : b.ports) {
            if (b.endpointMode.equals("dnsrr") && p.ingress()) {
                throw swarmkit("EndpointSpec: port published with ingress mode can't be used with dnsrr mode");
            }
            String key = p.publishedPort() + "/" + p.protocol();
            if (p.publishedPort() != 0 && published.contains(key)) {
                throw swarmkit("EndpointSpec: duplicate published ports provided");
            }
            published.add(key);
        }
        if (b.replicas < 0) { // a uint64 above int64's range
            throw swarmkit("Number of replicas must be non-negative");
        }
        return b.build();
    }

    private static void checkResources(long nanoCpus, long memoryBytes) {
        if (nanoCpus != 0 && nanoCpus < 1_000_000) {
            throw swarmkit("invalid cpu value " + goG(nanoCpus / 1e9) + ": Must be at least 0.001");
        }
        if (memoryBytes != 0 && memoryBytes < 4L * 1024 * 1024) {
            throw swarmkit("invalid memory value " + memoryBytes + ": Must be at least 4MiB");
        }
    }

    /**
     * The worker's executor checks (moby daemon/cluster/executor/container/validate.go). Docker
     * accepts the service and rejects each task with this text; the simulator rejects the
     * service up front, with the same words.
     */
    private static void checkMountPaths(List<ServiceMount> mounts) {
        for (ServiceMount m : mounts) {
            if (!m.target().startsWith("/")) {
                throw daemon("invalid mount target, must be an absolute path: " + m.target());
            }
            if (m.type().equals("bind") && !m.source().startsWith("/")) {
                throw daemon("invalid bind mount source, must be an absolute path: " + m.source());
            }
            if (m.type().equals("volume") && m.source().startsWith("/")) {
                throw daemon("invalid volume mount source, must not be an absolute path: " + m.source());
            }
            if (!m.type().equals("bind") && !m.type().equals("volume")) {
                throw daemon("invalid mount type: " + m.type());
            }
        }
    }

    /** docker/distribution's reference grammar, enough to reject what ParseNormalizedNamed rejects. */
    private static boolean validReference(String ref) {
        String component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
        String domain = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                + "(?::[0-9]+)?/)?";
        String name = domain + component + "(?:/" + component + ")*";
        return ref.matches(name + "(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*"
                + ":[0-9a-fA-F]{32,})?") && ref.length() <= 255 + 129;
    }

    // ---------------------------------------------------------------- list flags

    /** opts.ValidateEnv (also the validator of --label and --container-label): the key must not be empty. */
    private static void validateEnv(ParsedCommand cmd, String flag, String value) {
        if (value.split("=", -1)[0].isEmpty()) {
            throw flagError(cmd, flag, value, "invalid environment variable: " + value);
        }
    }

    private static String envKey(String env) {
        int eq = env.indexOf('=');
        return eq < 0 ? env : env.substring(0, eq);
    }

    /**
     * Later values win. docker's create moves a redefined variable to the end; its update goes
     * through a Go map (random order), so here an updated variable keeps its place and new ones follow.
     */
    private static List<String> mergeEnv(List<String> current, List<String> additions) {
        Map<String, String> byKey = new LinkedHashMap<>();
        current.forEach(e -> byKey.put(envKey(e), e));
        additions.forEach(e -> byKey.put(envKey(e), e));
        return new ArrayList<>(byKey.values());
    }

    /** runconfigopts.ConvertKVStringsToMap: "k=v", or "k" for an empty value. */
    private static SortedMap<String, String> kvMap(List<String> kvs) {
        SortedMap<String, String> m = new TreeMap<>();
        for (String kv : kvs) {
            int eq = kv.indexOf('=');
            m.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        return m;
    }

    /** updateMounts: an added target replaces the old mount, --mount-rm removes by target, sorted by source then target. */
    private static List<ServiceMount> updateMounts(List<ServiceMount> current, List<ServiceMount> adds, List<String> rm) {
        Map<String, ServiceMount> byTarget = new LinkedHashMap<>();
        for (ServiceMount m : adds) {
            if (byTarget.putIfAbsent(m.target(), m) != null) {
                throw client("duplicate mount target");
            }
        }
        current.forEach(m -> byTarget.putIfAbsent(m.target(), m));
        List<ServiceMount> out = new ArrayList<>();
        for (ServiceMount m : byTarget.values()) {
            if (!rm.contains(m.target())) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(ServiceMount::source).thenComparing(ServiceMount::target));
        return out;
    }

    /**
     * updatePorts: --publish-rm (parsed like --publish) removes by target, protocol and mode;
     * --publish-add skips exact duplicates; the result is sorted by docker's "published:target/proto/mode" string.
     */
    private static List<PortConfig> updatePorts(List<PortConfig> current, List<PortConfig> adds, List<PortConfig> rms) {
        Map<String, PortConfig> set = new LinkedHashMap<>();
        current.forEach(p -> set.putIfAbsent(portKey(p), p));
        List<PortConfig> out = new ArrayList<>();
        for (PortConfig p : set.values()) {
            boolean removed = rms.stream().anyMatch(r -> r.targetPort() == p.targetPort()
                    && r.protocol().equals(p.protocol()) && r.publishMode().equals(p.publishMode()));
            if (!removed) {
                out.add(p);
            }
        }
        for (PortConfig p : adds) {
            if (!set.containsKey(portKey(p))) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparing(ServiceFlags::portKey));
        return out;
    }

    private static String portKey(PortConfig p) {
        return p.publishedPort() + ":" + p.targetPort() + "/" + p.protocol() + "/" + p.publishMode();
    }

    // ---------------------------------------------------------------- pflag Values

    /** placementPrefOpts.Set: {@code spread=<descriptor>}, kept in that form. */
    private static String parsePref(ParsedCommand cmd, String flag, String value) {
        String[] fields = value.split("=", -1);
        if (fields.length != 2) {
            throw flagError(cmd, flag, value, "placement preference must be of the format \"<strategy>=<arg>\"");
        }
        if (!fields[0].equals("spread")) {
            throw flagError(cmd, flag, value, "unsupported placement preference " + fields[0]
                    + " (only spread is supported)");
        }
        return value;
    }

    /** opts.MountOpt.Set (18.09): CSV fields, keys case-insensitive, {@code ro} alone means read-only. */
    private static ServiceMount parseMount(ParsedCommand cmd, String flag, String value) {
        String type = "volume";
        String source = "";
        String target = "";
        boolean readOnly = false;
        for (String field : csvFields(cmd, flag, value)) {
            int eq = field.indexOf('=');
            String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (eq < 0 && (key.equals("ro") || key.equals("readonly"))) {
                readOnly = true;
                continue;
            }
            if (eq < 0) {
                throw flagError(cmd, flag, value, "invalid field '" + field + "' must be a key=value pair");
            }
            String v = field.substring(eq + 1);
            switch (key) {
                case "type" -> type = v.toLowerCase(Locale.ROOT);
                case "source", "src" -> source = v;
                case "target", "dst", "destination" -> target = v;
                case "readonly", "ro" -> readOnly = switch (v) {
                    case "1", "t", "T", "TRUE", "true", "True" -> true;
                    case "0", "f", "F", "FALSE", "false", "False" -> false;
                    default -> throw flagError(cmd, flag, value, "invalid value for " + key + ": " + v);
                };
                default -> throw flagError(cmd, flag, value, "unexpected key '" + key + "' in '" + field + "'");
            }
        }
        if (type.isEmpty()) {
            throw flagError(cmd, flag, value, "type is required");
        }
        if (target.isEmpty()) {
            throw flagError(cmd, flag, value, "target is required");
        }
        return new ServiceMount(type, source, target, readOnly);
    }

    /** opts.PortOpt.Set: the long form {@code published=80,target=80,...} or nat's {@code [host:]container[/proto]}. */
    private static List<PortConfig> parsePort(ParsedCommand cmd, String flag, String value) {
        if (value.matches("(?s).*\\w+=\\w+(,\\w+=\\w+)*.*")) { // docker's unanchored regexp.MatchString
            String protocol = "tcp";
            String mode = "ingress";
            long target = 0;
            long published = 0;
            for (String field : csvFields(cmd, flag, value)) {
                String[] kv = field.split("=", 2);
                if (kv.length != 2) {
                    throw flagError(cmd, flag, value, "invalid field " + field);
                }
                String key = kv[0].toLowerCase(Locale.ROOT);
                String v = kv[1].toLowerCase(Locale.ROOT);
                switch (key) {
                    case "protocol" -> {
                        if (!v.equals("tcp") && !v.equals("udp") && !v.equals("sctp")) {
                            throw flagError(cmd, flag, value, "invalid protocol value " + v);
                        }
                        protocol = v;
                    }
                    case "mode" -> {
                        if (!v.equals("ingress") && !v.equals("host")) {
                            throw flagError(cmd, flag, value, "invalid publish mode value " + v);
                        }
                        mode = v;
                    }
                    case "target" -> target = parsePortNumber(cmd, flag, value, v);
                    case "published" -> published = parsePortNumber(cmd, flag, value, v);
                    default -> throw flagError(cmd, flag, value, "invalid field key " + key);
                }
            }
            if (target == 0) {
                throw flagError(cmd, flag, value, "missing mandatory field \"target\"");
            }
            return List.of(new PortConfig(protocol, (int) target, (int) published, mode));
        }
        return parseShortPort(cmd, flag, value);
    }

    /** go-connections nat.ParsePortSpec, then ConvertPortToPortConfig (a host range publishes each port). */
    private static List<PortConfig> parseShortPort(ParsedCommand cmd, String flag, String value) {
        String[] parts = value.split(":", -1);
        String container = parts[parts.length - 1];
        String host = parts.length >= 2 ? parts[parts.length - 2] : "";
        String ip = parts.length >= 3 ? String.join(":", List.of(parts).subList(0, parts.length - 2)) : "";
        String proto = "";
        String[] pp = container.split("/", -1);
        if (!container.isEmpty() && !pp[0].isEmpty()) {
            proto = pp.length == 1 || pp[1].isEmpty() ? "tcp" : pp[1];
            container = pp[0];
        } else {
            container = "";
        }
        if (!ip.isEmpty()) {
            throw flagError(cmd, flag, value, "hostip is not supported");
        }
        if (container.isEmpty()) {
            throw flagError(cmd, flag, value, "No port specified: " + value + "<empty>");
        }
        long[] c = portRange(container);
        if (c == null) {
            throw flagError(cmd, flag, value, "Invalid containerPort: " + container);
        }
        long[] h = host.isEmpty() ? new long[] {0, 0} : portRange(host);
        if (h == null) {
            throw flagError(cmd, flag, value, "Invalid hostPort: " + host);
        }
        if (!host.isEmpty() && c[1] - c[0] != h[1] - h[0] && c[1] != c[0]) {
            throw flagError(cmd, flag, value, "Invalid ranges specified for container and host Ports: "
                    + container + " and " + host);
        }
        String protocol = proto.toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
            throw flagError(cmd, flag, value, "Invalid proto: " + proto);
        }
        List<PortConfig> out = new ArrayList<>();
        for (long t = c[0]; t <= c[1]; t++) {
            if (t == 0) {
                continue; // docker would send target 0, which nothing can reach
            }
            if (c[0] == c[1] && h[0] != h[1]) { // one container port over a host range
                for (long p = h[0]; p <= h[1]; p++) {
                    out.add(new PortConfig(protocol, (int) t, (int) p, "ingress"));
                }
            } else {
                out.add(new PortConfig(protocol, (int) t, host.isEmpty() ? 0 : (int) (h[0] + t - c[0]), "ingress"));
            }
        }
        return out;
    }

    /** nat.ParsePortRange: "80" or "8000-8010"; null when it does not parse. */
    private static long[] portRange(String ports) {
        String[] se = ports.split("-", -1);
        long start = uint16(se[0]);
        long end = se.length > 1 ? uint16(se[1]) : start;
        return start < 0 || end < 0 || end < start ? null : new long[] {start, end};
    }

    private static long uint16(String s) {
        return s.matches("[0-9]{1,5}") && Long.parseLong(s) <= 65535 ? Long.parseLong(s) : -1;
    }

    /** strconv.ParseUint(v, 10, 16) with its error text. */
    private static long parsePortNumber(ParsedCommand cmd, String flag, String value, String v) {
        if (!v.matches("[0-9]+")) {
            throw flagError(cmd, flag, value, "strconv.ParseUint: parsing " + goQuote(v) + ": invalid syntax");
        }
        if (v.length() > 5 || Long.parseLong(v) > 65535) {
            throw flagError(cmd, flag, value, "strconv.ParseUint: parsing " + goQuote(v) + ": value out of range");
        }
        return Long.parseLong(v);
    }

    /** encoding/csv's Reader.Read of one record: commas split, double quotes quote (no newlines here). */
    private static List<String> csvFields(ParsedCommand cmd, String flag, String value) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        boolean quotedField = false;
        boolean inQuotes = false;
        while (i < value.length()) {
            char ch = value.charAt(i++);
            if (inQuotes) {
                if (ch == '"' && i < value.length() && value.charAt(i) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    inQuotes = false;
                    if (i < value.length() && value.charAt(i) != ',') {
                        throw flagError(cmd, flag, value, "parse error on line 1, column " + (i + 1)
                                + ": extraneous or missing \" in quoted-field");
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
                quotedField = false;
            } else if (ch == '"' && cur.length() == 0 && !quotedField) {
                inQuotes = true;
                quotedField = true;
            } else if (ch == '"') {
                throw flagError(cmd, flag, value, "parse error on line 1, column " + i + ": bare \" in non-quoted-field");
            } else {
                cur.append(ch);
            }
        }
        if (inQuotes) {
            throw flagError(cmd, flag, value, "parse error on line 1, column " + (value.length() + 1)
                    + ": extraneous or missing \" in quoted-field");
        }
        fields.add(cur.toString());
        return fields;
    }

    /** ShlexOpt.Set: the flag's value split into words as a shell would (google/shlex). */
    private static List<String> shellWords(ParsedCommand cmd, String flag) {
        String s = cmd.string(flag);
        try {
            return clusterlab.swarm.stack.ShellWords.split(s);
        } catch (IllegalArgumentException e) {
            throw flagError(cmd, flag, s, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- Go formatting

    /** Go's %q for the printable ASCII docker's messages see; other characters are escaped as \\uXXXX. */
    static String goQuote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** Go's %g for a float64: shortest digits, exponent form below 1e-4 or from 1e21. */
    static String goG(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        if (exp >= -4 && exp < 21) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = String.format("%02d", Math.abs(exp));
        return (v < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + e;
    }
}
