package clusterlab.swarm.cli;

import clusterlab.kernel.Time;
import clusterlab.runtime.cli.format.HumanSize;
import clusterlab.runtime.image.Image;
import clusterlab.swarm.store.NodeRecord;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How docker shows a node: the API's JSON document and the {@code --pretty} text. */
final class NodeViews {
    /** The engine plugins every simulated engine reports (as its {@code docker info} does). */
    private static final Map<String, List<String>> PLUGINS = Map.of(
            "Network", List.of("bridge", "host", "null", "overlay"),
            "Volume", List.of("local"));
    private static final List<String> PLUGIN_TYPES = List.of("Network", "Volume");

    private NodeViews() {
    }

    /** The node as {@code GET /nodes/ID} returns it (without TLSInfo, which the lab does not model). */
    static Map<String, Object> document(NodeRecord n, String managerStatus) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ID", n.id);
        d.put("Version", Map.of("Index", 9));
        d.put("CreatedAt", Image.rfc3339(n.createdNanos));
        d.put("UpdatedAt", Image.rfc3339(n.updatedNanos));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("Labels", new LinkedHashMap<>(n.labels));
        spec.put("Role", n.role);
        spec.put("Availability", n.availability);
        d.put("Spec", spec);
        Map<String, Object> desc = new LinkedHashMap<>();
        desc.put("Hostname", n.hostname);
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put("Architecture", "x86_64");
        platform.put("OS", "linux");
        desc.put("Platform", platform);
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("NanoCPUs", n.cpus * 1_000_000_000L);
        resources.put("MemoryBytes", n.memoryBytes);
        desc.put("Resources", resources);
        Map<String, Object> engine = new LinkedHashMap<>();
        engine.put("EngineVersion", n.engineVersion);
        List<Map<String, Object>> plugins = new java.util.ArrayList<>();
        for (String type : PLUGIN_TYPES) {
            for (String name : PLUGINS.get(type)) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("Type", type);
                p.put("Name", name);
                plugins.add(p);
            }
        }
        engine.put("Plugins", plugins);
        desc.put("Engine", engine);
        d.put("Description", desc);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("State", n.status);
        status.put("Addr", n.addr);
        d.put("Status", status);
        if (n.isManager()) {
            Map<String, Object> ms = new LinkedHashMap<>();
            if (managerStatus.equals("Leader")) {
                ms.put("Leader", true);
            }
            ms.put("Reachability", managerStatus.equals("Unreachable") ? "unreachable" : "reachable");
            ms.put("Addr", n.addr + ":2377");
            d.put("ManagerStatus", ms);
        }
        return d;
    }

    /** docker/cli's command.PrettyPrint: first letter upper case, the rest lower case. */
    static String prettyPrint(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Go's time.Time.String() in UTC: fractional seconds without trailing zeros. */
    static String goTime(long nanos) {
        var t = Time.wallClockUtc(nanos);
        String frac = String.format(Locale.ROOT, "%09d", t.getNano()).replaceFirst("0+$", "");
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).format(t)
                + (frac.isEmpty() ? "" : "." + frac) + " +0000 UTC";
    }

    /** docker/cli's nodeInspectPrettyTemplate (formatter/node.go), without the TLS section. */
    static String pretty(NodeRecord n, String managerStatus) {
        StringBuilder b = new StringBuilder();
        b.append("ID:\t\t\t").append(n.id);
        if (!n.labels.isEmpty()) {
            b.append("\nLabels:");
            for (Map.Entry<String, String> l : n.labels.entrySet()) {
                b.append("\n - ").append(l.getKey()).append(l.getValue().isEmpty() ? "" : "=" + l.getValue());
            }
        }
        b.append("\nHostname:              \t").append(n.hostname);
        b.append("\nJoined at:             \t").append(prettyPrint(goTime(n.createdNanos)));
        b.append("\nStatus:");
        b.append("\n State:\t\t\t").append(prettyPrint(n.status));
        b.append("\n Availability:         \t").append(prettyPrint(n.availability));
        b.append("\n Address:\t\t").append(n.addr);
        if (n.isManager()) {
            b.append("\nManager Status:");
            b.append("\n Address:\t\t").append(n.addr).append(":2377");
            b.append("\n Raft Status:\t\t").append(managerStatus.equals("Unreachable") ? "Unreachable" : "Reachable");
            b.append("\n Leader:\t\t").append(managerStatus.equals("Leader") ? "Yes" : "No");
        }
        b.append("\nPlatform:");
        b.append("\n Operating System:\tlinux");
        b.append("\n Architecture:\t\tx86_64");
        b.append("\nResources:");
        b.append("\n CPUs:\t\t\t").append(n.cpus);
        b.append("\n Memory:\t\t").append(HumanSize.binary(n.memoryBytes));
        b.append("\nPlugins:");
        for (String type : PLUGIN_TYPES) {
            b.append("\n ").append(type).append(":\t\t").append(String.join(", ", PLUGINS.get(type)));
        }
        b.append("\nEngine Version:\t\t").append(n.engineVersion);
        return b.toString();
    }
}
