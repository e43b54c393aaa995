package clusterlab.swarm.cli;

import clusterlab.runtime.cli.format.HumanDuration;
import clusterlab.runtime.cli.format.TabWriter;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.TaskRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tables of {@code service ls} and {@code service ps} (docker/cli formatter/service.go, task.go). */
final class ServiceViews {
    /** docker/cli shows at most this many characters of a task error (the last one an ellipsis). */
    static final int MAX_ERROR_LENGTH = 30;

    private ServiceViews() {
    }

    static TabWriter table() {
        return new TabWriter(20, 3, TabWriter.CellWidth.TERMINAL);
    }

    /** Running tasks over desired ones: {@code 5/5}; a global service wants one per node it runs on. */
    static String replicas(ClusterStore s, ServiceRecord svc) {
        int running = 0;
        int globalWanted = 0;
        for (TaskRecord t : s.workloads().tasksOf(svc.id)) {
            if (t.observed == TaskState.RUNNING && t.desired == TaskState.RUNNING) {
                running++;
            }
            if (t.desired.ordinal() <= TaskState.RUNNING.ordinal()) {
                NodeRecord n = s.node(t.nodeId);
                if (n != null && !"down".equals(n.status)) {
                    globalWanted++;
                }
            }
        }
        return running + "/" + (svc.spec.global() ? globalWanted : svc.spec.replicas());
    }

    /** {@code *:80->80/tcp}, joined with ", ". */
    static String ports(List<PortConfig> ports) {
        List<String> out = new ArrayList<>();
        for (PortConfig p : ports) {
            if (p.publishedPort() > 0) {
                out.add(p.display());
            }
        }
        return String.join(", ", out);
    }

    static Map<String, Object> lsRow(ClusterStore s, ServiceRecord svc) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", svc.id.substring(0, 12));
        row.put("Name", svc.name());
        row.put("Mode", svc.spec.mode());
        row.put("Replicas", replicas(s, svc));
        row.put("Image", svc.spec.image());
        row.put("Ports", ports(svc.spec.ingressPorts()));
        return row;
    }

    static final Map<String, String> LS_HEADERS = headers("ID", "ID", "Name", "NAME", "Mode", "MODE", "Replicas",
            "REPLICAS", "Image", "IMAGE", "Ports", "PORTS");

    static final Map<String, String> PS_HEADERS = headers("ID", "ID", "Name", "NAME", "Image", "IMAGE", "Node",
            "NODE", "DesiredState", "DESIRED STATE", "CurrentState", "CURRENT STATE", "Error", "ERROR", "Ports",
            "PORTS");

    private static Map<String, String> headers(String... kv) {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            h.put(kv[i], kv[i + 1]);
        }
        return h;
    }

    static String lsTable(List<Map<String, Object>> rows) {
        TabWriter t = table();
        t.row("ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS");
        for (Map<String, Object> r : rows) {
            t.row(str(r.get("ID")), str(r.get("Name")), str(r.get("Mode")), str(r.get("Replicas")),
                    str(r.get("Image")), str(r.get("Ports")));
        }
        return t.render();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    /** Tasks in docker/cli's order: by slot, the newest of a slot first. */
    static final Comparator<TaskRecord> PS_ORDER = Comparator.<TaskRecord>comparingInt(t -> t.slot)
            .thenComparing(Comparator.<TaskRecord>comparingLong(t -> t.createdNanos).reversed())
            .thenComparing(t -> t.id);

    /** One row per task; a task of the same name as the row above is shown as {@code  \_ name}. */
    static List<Map<String, Object>> psRows(ClusterStore s, List<TaskRecord> tasks, long now, boolean noTrunc) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String previous = null;
        for (TaskRecord t : tasks) {
            ServiceRecord svc = s.workloads().service(t.serviceId);
            String name = t.displayName(svc != null ? svc.name() : t.spec.name());
            String shown = name.equals(previous) ? " \\_ " + name : name;
            previous = name;
            NodeRecord n = t.assigned() ? s.node(t.nodeId) : null;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ID", noTrunc ? t.id : t.id.substring(0, 12));
            row.put("Name", shown);
            row.put("Image", t.spec.image());
            row.put("Node", n != null ? n.hostname : t.nodeId);
            row.put("DesiredState", t.desired.display());
            row.put("CurrentState", currentState(t, now));
            row.put("Error", error(t.err, noTrunc));
            row.put("Ports", hostPorts(t));
            rows.add(row);
        }
        return rows;
    }

    static String psTable(List<Map<String, Object>> rows) {
        TabWriter t = table();
        t.row("ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS");
        for (Map<String, Object> r : rows) {
            t.row(str(r.get("ID")), str(r.get("Name")), str(r.get("Image")), str(r.get("Node")),
                    str(r.get("DesiredState")), str(r.get("CurrentState")), str(r.get("Error")),
                    str(r.get("Ports")));
        }
        return t.render();
    }

    /** {@code Running 2 minutes ago}: the observed state and how long ago it was reached. */
    static String currentState(TaskRecord t, long now) {
        return t.observed.display() + " " + HumanDuration.ago(now, t.statusNanos).toLowerCase(Locale.ROOT);
    }

    static String error(String err, boolean noTrunc) {
        if (err.isEmpty()) {
            return "";
        }
        String shown = !noTrunc && err.length() > MAX_ERROR_LENGTH
                ? err.substring(0, MAX_ERROR_LENGTH - 1) + "…" : err;
        return "\"" + shown + "\"";
    }

    private static String hostPorts(TaskRecord t) {
        List<PortConfig> host = new ArrayList<>();
        for (PortConfig p : t.spec.ports()) {
            if (!p.ingress()) {
                host.add(p);
            }
        }
        return ports(host);
    }
}
