package clusterlab.swarm.cli;

import clusterlab.runtime.cli.format.DockerJson;
import clusterlab.runtime.cli.format.Formatter;
import clusterlab.runtime.cli.format.TemplateException;
import clusterlab.runtime.cli.format.TabWriter;
import clusterlab.swarm.manager.Errors;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker node ls, inspect, promote, demote, update and rm (docker/cli cli/command/node). */
final class NodeCommands {
    private NodeCommands() {
    }

    /** Node tables are written with minwidth 20 (docker/cli's formatter before 19.03 used 20, 1, 3). */
    private static TabWriter table() {
        return new TabWriter(20, 3, TabWriter.CellWidth.TERMINAL);
    }

    /** Hostnames in natural order ("node2" before "node10"), then ids, as docker/cli sorts them. */
    static final Comparator<NodeRecord> ORDER = (a, b) -> {
        int c = naturalCompare(a.hostname, b.hostname);
        return c != 0 ? c : a.id.compareTo(b.id);
    };

    static int naturalCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The column titles of docker/cli's node table, by field. */
    private static final Map<String, String> LS_HEADERS = headers();

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ID", "ID");
        h.put("Self", "");
        h.put("Hostname", "HOSTNAME");
        h.put("Status", "STATUS");
        h.put("Availability", "AVAILABILITY");
        h.put("ManagerStatus", "MANAGER STATUS");
        h.put("EngineVersion", "ENGINE VERSION");
        h.put("TLSStatus", "TLS STATUS");
        return h;
    }

    private static String title(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static void ls(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<NodeRecord> nodes = new ArrayList<>();
        for (NodeRecord n : s.nodes()) {
            nodes.add(n);
        }
        for (String f : c.cmd.strings("filter")) {
            int eq = f.indexOf('=');
            String key = eq < 0 ? f : f.substring(0, eq);
            String value = eq < 0 ? "" : f.substring(eq + 1);
            switch (key) {
                case "role" -> {
                    if (!value.equals("manager") && !value.equals("worker")) {
                        c.daemonError("Invalid role '" + value + "' passed");
                        return;
                    }
                    nodes.removeIf(n -> !n.role.equals(value));
                }
                case "id" -> nodes.removeIf(n -> !n.id.startsWith(value));
                case "name" -> nodes.removeIf(n -> !n.hostname.equals(value));
                default -> {
                    c.daemonError("Invalid filter '" + key + "'");
                    return;
                }
            }
        }
        nodes.sort(ORDER);
        if (c.cmd.bool("quiet")) {
            StringBuilder b = new StringBuilder();
            for (NodeRecord n : nodes) {
                b.append(n.id).append('\n');
            }
            c.ok(b.toString());
            return;
        }
        if (c.cmd.changed("format") && !c.cmd.string("format").isEmpty()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (NodeRecord n : nodes) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("ID", n.id);
                row.put("Self", n.id.equals(c.node.nodeId()));
                row.put("Hostname", n.hostname);
                row.put("Status", title(n.status));
                row.put("Availability", title(n.availability));
                row.put("ManagerStatus", c.node.managerStatus(n));
                row.put("EngineVersion", n.engineVersion);
                row.put("TLSStatus", "Ready");
                rows.add(row);
            }
            try {
                c.ok(Formatter.render(c.cmd.string("format"), LS_HEADERS, rows));
            } catch (TemplateException e) {
                c.fail(e.getMessage());
            }
            return;
        }
        TabWriter t = table();
        t.row("ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER STATUS", "ENGINE VERSION");
        for (NodeRecord n : nodes) {
            String self = n.id.equals(c.node.nodeId()) ? "*" : " ";
            t.row(n.id + " " + self, n.hostname, title(n.status), title(n.availability), c.node.managerStatus(n),
                    n.engineVersion);
        }
        c.ok(t.render());
    }

    /** Finds a node by "self", full id, hostname or unique id prefix; null after reporting the error. */
    static NodeRecord resolve(Call c, ClusterStore s, String ref) {
        if (ref.equals("self")) {
            return s.node(c.node.nodeId());
        }
        NodeRecord exact = s.node(ref);
        if (exact != null) {
            return exact;
        }
        List<NodeRecord> byName = new ArrayList<>();
        List<NodeRecord> byPrefix = new ArrayList<>();
        for (NodeRecord n : s.nodes()) {
            if (n.hostname.equals(ref)) {
                byName.add(n);
            }
            if (n.id.startsWith(ref)) {
                byPrefix.add(n);
            }
        }
        List<NodeRecord> found = !byName.isEmpty() ? byName : byPrefix;
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            c.daemonError(Errors.noSuchNode(ref));
        } else {
            c.daemonError("node " + ref + " is ambiguous (" + found.size() + " matches found)");
        }
        return null;
    }

    static void inspect(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String ref : c.cmd.args()) {
            NodeRecord n = resolve(c, s, ref);
            if (n == null) {
                return;
            }
            docs.add(NodeViews.document(n, c.node.managerStatus(n)));
        }
        if (c.answerWithFormat(docs)) {
            return;
        }
        if (!c.cmd.bool("pretty")) {
            c.ok(DockerJson.inspect(docs));
            return;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < docs.size(); i++) {
            NodeRecord n = resolve(c, s, c.arg(i));
            // docker/cli separates the nodes' texts by a blank line.
            out.append(i > 0 ? "\n\n" : "").append(NodeViews.pretty(n, c.node.managerStatus(n)));
        }
        c.ok(out.append('\n').toString());
    }

    static void promote(Call c) {
        changeRoles(c, "manager", 0);
    }

    static void demote(Call c) {
        changeRoles(c, "worker", 0);
    }

    /** One node after another, as docker/cli loops over its arguments. */
    private static void changeRoles(Call c, String role, int i) {
        if (i >= c.cmd.args().size()) {
            c.ok("");
            return;
        }
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        String ref = c.arg(i);
        NodeRecord n = resolve(c, s, ref);
        if (n == null) {
            return;
        }
        if (n.role.equals(role)) {
            c.out("Node " + ref + " is already a " + role + ".\n");
            changeRoles(c, role, i + 1);
            return;
        }
        if (role.equals("worker")) {
            long managers = s.nodes().stream().filter(NodeRecord::isManager).count();
            if (managers <= 1) {
                c.daemonError(Errors.DEMOTE_LAST);
                return;
            }
        }
        c.node.changeRole(n, role, err -> {
            if (err != null) {
                c.daemonError(err);
                return;
            }
            c.out(role.equals("manager") ? "Node " + ref + " promoted to a manager in the swarm.\n"
                    : "Manager " + ref + " demoted in the swarm.\n");
            changeRoles(c, role, i + 1);
        });
    }

    static void update(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        String ref = c.arg(0);
        NodeRecord n = resolve(c, s, ref);
        if (n == null) {
            return;
        }
        List<String> cmds = new ArrayList<>();
        if (c.cmd.changed("availability")) {
            String a = c.cmd.string("availability").toLowerCase(java.util.Locale.ROOT);
            if (!a.equals("active") && !a.equals("pause") && !a.equals("drain")) {
                c.fail("invalid availability \"" + c.cmd.string("availability") + "\"");
                return;
            }
            cmds.add(ClusterStore.cmd("node-avail", n.id, a));
        }
        for (String kv : c.cmd.strings("label-add")) {
            int eq = kv.indexOf('=');
            cmds.add(eq < 0 ? ClusterStore.cmd("node-label", n.id, kv, "")
                    : ClusterStore.cmd("node-label", n.id, kv.substring(0, eq), kv.substring(eq + 1)));
        }
        for (String k : c.cmd.strings("label-rm")) {
            if (!n.labels.containsKey(k)) {
                c.fail("key " + k + " doesn't exist in node's labels");
                return;
            }
            cmds.add(ClusterStore.cmd("node-unlabel", n.id, k));
        }
        if (c.cmd.changed("role") && !c.cmd.string("role").equals(n.role)) {
            String role = c.cmd.string("role");
            if (!role.equals("worker") && !role.equals("manager")) {
                c.fail("invalid role \"" + role + "\", only worker and manager are supported");
                return;
            }
            c.node.changeRole(n, role, err -> c.okOrError(err, ref + "\n"));
            return;
        }
        if (cmds.isEmpty()) {
            c.ok(ref + "\n");
            return;
        }
        c.node.write(cmds, err -> c.okOrError(err, ref + "\n"));
    }

    static void rm(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<String> cmds = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String ref : c.cmd.args()) {
            NodeRecord n = resolve(c, s, ref);
            if (n == null) {
                return;
            }
            if (n.isManager()) {
                c.daemonError("rpc error: code = FailedPrecondition desc = node " + n.id + " is a cluster manager "
                        + "and is a member of the raft cluster. It must be demoted to worker before removal");
                return;
            }
            if (!"down".equals(n.status) && !c.cmd.bool("force")) {
                c.daemonError("rpc error: code = FailedPrecondition desc = node " + n.id
                        + " is not down and can't be removed");
                return;
            }
            cmds.add(ClusterStore.cmd("node-rm", n.id));
            out.append(ref).append('\n');
        }
        c.node.write(cmds, err -> c.okOrError(err, out.toString()));
    }
}
