package clusterlab.runtime.cli;

import clusterlab.runtime.cli.format.DockerJson;
import clusterlab.runtime.cli.format.GoQuote;
import clusterlab.runtime.cli.format.HumanDuration;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.ContainerState;
import clusterlab.runtime.engine.MountSpec;
import clusterlab.runtime.engine.PortBinding;
import clusterlab.runtime.image.Image;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the client shows of containers: ps rows, status texts, ports, inspect documents. */
final class ContainerViews {
    static final String PS_FORMAT =
            "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
    static final Map<String, String> PS_HEADERS = headers(
            "ID", "CONTAINER ID", "Image", "IMAGE", "Command", "COMMAND", "RunningFor", "CREATED",
            "CreatedAt", "CREATED AT", "Status", "STATUS", "Ports", "PORTS", "Names", "NAMES", "Size", "SIZE",
            "Labels", "LABELS", "Mounts", "MOUNTS", "Networks", "NETWORKS", "State", "STATE", "Label", "LABEL",
            "LocalVolumes", "LOCAL VOLUMES");
    private static final DateTimeFormatter RFC3339_NANO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'");

    private ContainerViews() {}

    static Map<String, String> headers(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** {@code Up 29 seconds}, {@code Exited (0) 5 seconds ago}, {@code Created}... */
    static String status(Container c, long now) {
        return switch (c.state()) {
            case CREATED -> "Created";
            case RUNNING -> "Up " + HumanDuration.of(now - c.startedAtNanos());
            case PAUSED -> "Up " + HumanDuration.of(now - c.startedAtNanos()) + " (Paused)";
            case RESTARTING -> "Restarting (" + c.exitCode() + ") " + HumanDuration.of(now - c.finishedAtNanos())
                    + " ago";
            case REMOVING -> "Removal In Progress";
            case EXITED -> c.finishedAtNanos() < 0 ? "Created"
                    : "Exited (" + c.exitCode() + ") " + HumanDuration.of(now - c.finishedAtNanos()) + " ago";
            case DEAD -> "Dead";
        };
    }

    /** The command as ps shows it: entrypoint and args joined, cut to 20 with an ellipsis, then Go-quoted. */
    static String command(Container c, boolean truncate) {
        // The daemon joins Path and Args, quoting args with spaces in single quotes (argsAsString).
        StringBuilder joined = new StringBuilder();
        for (String part : c.command()) {
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(part.contains(" ") && joined.length() > 0 ? "'" + part + "'" : part);
        }
        String command = joined.toString();
        if (truncate && command.codePointCount(0, command.length()) > 20) {
            int end = command.offsetByCodePoints(0, 19);
            command = command.substring(0, end) + "…";
        }
        return GoQuote.quote(command);
    }

    /** {@code 0.0.0.0:8080->80/tcp, 9988/tcp}: published ports, then exposed ones not published. */
    static String ports(Container c) {
        TreeMap<String, String> byKey = new TreeMap<>((a, b) -> {
            int pa = Integer.parseInt(a.substring(0, a.indexOf('/')));
            int pb = Integer.parseInt(b.substring(0, b.indexOf('/')));
            return pa != pb ? Integer.compare(pa, pb) : a.compareTo(b);
        });
        if (c.isRunning()) {
            for (PortBinding p : c.ports()) {
                byKey.merge(p.containerKey(), p.display(), (x, y) -> x + ", " + y);
            }
        }
        for (String exposed : c.image().config().exposedPorts()) {
            byKey.putIfAbsent(exposed, exposed);
        }
        for (PortBinding p : c.spec().ports()) {
            byKey.putIfAbsent(p.containerKey(), p.containerKey());
        }
        return String.join(", ", byKey.values());
    }

    static Map<String, Object> psRow(Container c, long now, boolean truncate) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", truncate ? c.shortId() : c.id());
        row.put("Image", c.imageReference());
        row.put("Command", command(c, truncate));
        row.put("CreatedAt", Image.rfc3339(c.createdNanos()).replace("T", " ").replaceAll("\\.\\d+Z$", " +0000 UTC"));
        row.put("RunningFor", HumanDuration.ago(now, c.createdNanos()));
        row.put("Ports", ports(c));
        row.put("State", c.state().apiName());
        row.put("Status", status(c, now));
        row.put("Size", "0B");
        row.put("Names", c.name());
        row.put("Labels", String.join(",", c.spec().labels().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        row.put("Mounts", String.join(",", c.spec().mounts().stream().map(MountSpec::target).toList()));
        row.put("Networks", c.spec().network().equals("default") ? "bridge" : c.spec().network());
        return row;
    }

    static String rfc3339(long nanos) {
        return Image.rfc3339(nanos);
    }

    /** The Engine API's container JSON, as {@code docker container inspect} prints it. */
    static Map<String, Object> inspect(Container c, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", c.id());
        m.put("Created", rfc3339(c.createdNanos()));
        m.put("Path", c.command().get(0));
        m.put("Args", c.command().subList(1, c.command().size()));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("Status", c.state().apiName());
        state.put("Running", c.isRunning());
        state.put("Paused", c.state() == ContainerState.PAUSED);
        state.put("Restarting", c.state() == ContainerState.RESTARTING);
        state.put("OOMKilled", c.oomKilled());
        state.put("Dead", c.state() == ContainerState.DEAD);
        state.put("Pid", c.isRunning() && c.init() != null ? c.init().pid() : 0);
        state.put("ExitCode", c.exitCode());
        state.put("Error", c.error());
        state.put("StartedAt", c.startedAtNanos() < 0 ? "0001-01-01T00:00:00Z" : rfc3339(c.startedAtNanos()));
        state.put("FinishedAt", c.finishedAtNanos() < 0 ? "0001-01-01T00:00:00Z" : rfc3339(c.finishedAtNanos()));
        m.put("State", state);
        m.put("Image", c.image().id());
        String dir = "/var/lib/docker/containers/" + c.id();
        m.put("ResolvConfPath", dir + "/resolv.conf");
        m.put("HostnamePath", dir + "/hostname");
        m.put("HostsPath", dir + "/hosts");
        m.put("LogPath", dir + "/" + c.id() + "-json.log");
        m.put("Name", "/" + c.name());
        m.put("RestartCount", c.restartCount());
        m.put("Driver", "overlay2");
        m.put("Platform", "linux");
        m.put("MountLabel", "");
        m.put("ProcessLabel", "");
        m.put("AppArmorProfile", "docker-default");
        m.put("ExecIDs", null);
        m.put("HostConfig", hostConfig(c));
        m.put("Mounts", mounts(c));
        m.put("Config", config(c));
        m.put("NetworkSettings", networkSettings(c));
        return m;
    }

    private static Map<String, Object> hostConfig(Container c) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("Binds", c.spec().mounts().stream().filter(x -> x.type() == MountSpec.Type.BIND)
                .map(x -> x.source() + ":" + x.target() + (x.readOnly() ? ":ro" : "")).toList());
        h.put("ContainerIDFile", "");
        Map<String, Object> logConfig = new LinkedHashMap<>();
        logConfig.put("Type", "json-file");
        logConfig.put("Config", Map.of());
        h.put("LogConfig", logConfig);
        h.put("NetworkMode", c.spec().network());
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (PortBinding p : c.spec().ports()) {
            List<Map<String, String>> list = new ArrayList<>();
            Map<String, String> b = new LinkedHashMap<>();
            b.put("HostIp", p.hostIp().equals("0.0.0.0") ? "" : p.hostIp());
            b.put("HostPort", p.hostPort() == 0 ? "" : String.valueOf(p.hostPort()));
            list.add(b);
            bindings.put(p.containerKey(), list);
        }
        h.put("PortBindings", bindings);
        Map<String, Object> restart = new LinkedHashMap<>();
        restart.put("Name", c.spec().restartPolicy().name());
        restart.put("MaximumRetryCount", c.spec().restartPolicy().maximumRetryCount());
        h.put("RestartPolicy", restart);
        h.put("AutoRemove", c.spec().autoRemove());
        h.put("PublishAllPorts", c.spec().publishAll());
        h.put("Memory", c.spec().memoryBytes());
        h.put("NanoCpus", c.spec().nanoCpus());
        h.put("PidsLimit", c.spec().pidsLimit() == 0 ? null : c.spec().pidsLimit());
        return h;
    }

    private static List<Object> mounts(Container c) {
        List<Object> out = new ArrayList<>();
        for (MountSpec ms : c.spec().mounts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Type", ms.type().apiName());
            if (ms.type() == MountSpec.Type.VOLUME) {
                m.put("Name", ms.source());
            }
            m.put("Source", ms.source());
            m.put("Destination", ms.target());
            m.put("Mode", ms.readOnly() ? "ro" : "");
            m.put("RW", !ms.readOnly());
            m.put("Propagation", ms.type() == MountSpec.Type.BIND ? "rprivate" : "");
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> config(Container c) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        String hostname = c.spec().hostname() == null || c.spec().hostname().isEmpty() ? c.id().substring(0, 12)
                : c.spec().hostname();
        cfg.put("Hostname", hostname);
        cfg.put("Domainname", "");
        cfg.put("User", c.spec().user() == null ? c.image().config().user() : c.spec().user());
        cfg.put("AttachStdin", c.spec().openStdin());
        cfg.put("AttachStdout", true);
        cfg.put("AttachStderr", true);
        Map<String, Object> exposed = new LinkedHashMap<>();
        for (String p : c.image().config().exposedPorts()) {
            exposed.put(p, Map.of());
        }
        cfg.put("ExposedPorts", exposed.isEmpty() ? null : exposed);
        cfg.put("Tty", c.spec().tty());
        cfg.put("OpenStdin", c.spec().openStdin());
        cfg.put("StdinOnce", c.spec().openStdin());
        List<String> env = new ArrayList<>(c.image().config().env());
        env.addAll(c.spec().env());
        cfg.put("Env", env);
        cfg.put("Cmd", c.spec().cmd() != null && !c.spec().cmd().isEmpty() ? c.spec().cmd() : c.image().config().cmd());
        cfg.put("Image", c.imageReference());
        cfg.put("Volumes", null);
        cfg.put("WorkingDir", c.spec().workingDir() != null ? c.spec().workingDir() : c.image().config().workingDir());
        cfg.put("Entrypoint", c.spec().entrypoint() != null ? c.spec().entrypoint() : c.image().config().entrypoint());
        cfg.put("OnBuild", null);
        cfg.put("Labels", new TreeMap<>(c.spec().labels()));
        if (c.image().config().stopSignal() != null) {
            cfg.put("StopSignal", c.image().config().stopSignal());
        }
        return cfg;
    }

    private static Map<String, Object> networkSettings(Container c) {
        Map<String, Object> n = new LinkedHashMap<>();
        boolean up = c.ipAddress() != null;
        n.put("Bridge", "");
        n.put("SandboxID", up ? c.id().substring(8) + c.id().substring(0, 8) : "");
        n.put("HairpinMode", false);
        Map<String, Object> ports = new LinkedHashMap<>();
        for (String exposed : c.image().config().exposedPorts()) {
            ports.put(exposed, null);
        }
        if (c.isRunning()) {
            for (PortBinding p : c.ports()) {
                List<Map<String, String>> list = new ArrayList<>();
                Map<String, String> b = new LinkedHashMap<>();
                b.put("HostIp", p.hostIp());
                b.put("HostPort", String.valueOf(p.hostPort()));
                list.add(b);
                ports.put(p.containerKey(), list);
            }
        }
        n.put("Ports", ports);
        n.put("SandboxKey", up ? "/var/run/docker/netns/" + c.id().substring(0, 12) : "");
        n.put("Gateway", up ? "172.17.0.1" : "");
        n.put("IPAddress", up ? c.ipAddress().toString() : "");
        n.put("IPPrefixLen", up ? 16 : 0);
        n.put("MacAddress", up ? mac(c) : "");
        return n;
    }

    private static String mac(Container c) {
        int b = c.ipAddress().bits();
        return String.format(java.util.Locale.ROOT, "02:42:%02x:%02x:%02x:%02x", (b >>> 24) & 0xFF, (b >>> 16) & 0xFF,
                (b >>> 8) & 0xFF, b & 0xFF);
    }

    static String inspectJson(List<Map<String, Object>> docs) {
        return DockerJson.inspect(docs);
    }
}
