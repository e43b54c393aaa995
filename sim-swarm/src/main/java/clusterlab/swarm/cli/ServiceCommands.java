package clusterlab.swarm.cli;

import clusterlab.runtime.cli.format.Formatter;
import clusterlab.runtime.cli.format.TemplateException;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.ServiceSpec;
import clusterlab.swarm.store.TaskRecord;
import clusterlab.swarm.store.Workloads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * docker service create, update, scale, rollback, rm, ls and ps, and docker node ps (docker/cli
 * cli/command/service and task). Requests are validated on this manager as SwarmKit's control
 * API does, then written through the leader; the orchestrator does the rest.
 */
final class ServiceCommands {
    private ServiceCommands() {
    }

    /** Finds a service by full id, name, or unique id prefix; null after reporting the error. */
    static ServiceRecord resolve(Call c, ClusterStore s, String ref) {
        ServiceRecord found = find(s, ref);
        if (found == null) {
            c.fail("Error: No such service: " + ref);
        }
        return found;
    }

    static ServiceRecord find(ClusterStore s, String ref) {
        ServiceRecord exact = s.workloads().service(ref);
        if (exact != null) {
            return exact;
        }
        ServiceRecord byPrefix = null;
        int prefixes = 0;
        for (ServiceRecord svc : s.workloads().services()) {
            if (svc.name().equals(ref)) {
                return svc;
            }
            if (svc.id.startsWith(ref)) {
                byPrefix = svc;
                prefixes++;
            }
        }
        return prefixes == 1 ? byPrefix : null;
    }

    /**
     * SwarmKit's checks that need the store (name unique, ingress ports not taken by another
     * service); null when the spec may be written.
     */
    private static String conflict(ClusterStore s, ServiceSpec spec, ServiceRecord self) {
        for (ServiceRecord other : s.workloads().services()) {
            if (other != self && other.name().equals(spec.name())) {
                return "rpc error: code = AlreadyExists desc = name conflicts with an existing object";
            }
        }
        for (PortConfig p : spec.ingressPorts()) {
            ServiceRecord holder = p.publishedPort() == 0 ? null : s.workloads().publisherOf(p.publishedPort(),
                    p.protocol());
            if (holder != null && holder != self) {
                return "rpc error: code = InvalidArgument desc = port '" + p.publishedPort()
                        + "' is already in use by service '" + holder.name() + "' (" + holder.id
                        + ") as an ingress port";
            }
        }
        return null;
    }

    static void create(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        ServiceSpec spec;
        try {
            spec = ServiceFlags.create(c.cmd);
        } catch (ServiceFlags.Invalid e) {
            c.failWith(e.printed(), e.exitStatus());
            return;
        }
        if (spec.name().isEmpty()) {
            ServiceSpec.Builder b = spec.toBuilder();
            b.name = c.node.newServiceName(n -> find(s, n) != null);
            spec = b.build();
        }
        String err = conflict(s, spec, null);
        if (err != null) {
            c.daemonError(err);
            return;
        }
        String id = c.node.newObjectId();
        c.node.write(List.of(Workloads.serviceCreate(id, spec)), e -> {
            if (e != null) {
                c.daemonError(e);
            } else if (c.cmd.bool("detach") || c.cmd.bool("quiet")) {
                c.ok(id + "\n");
            } else {
                c.out(id + "\n");
                Convergence.await(c, id, "");
            }
        });
    }

    static void update(Call c) {
        ClusterStore s = c.store();
        ServiceRecord svc = s == null ? null : resolve(c, s, c.arg(0));
        if (svc == null) {
            return;
        }
        if (c.cmd.bool("rollback")) {
            rollback(c, s, svc);
            return;
        }
        ServiceSpec next;
        try {
            next = ServiceFlags.update(svc.spec, c.cmd);
        } catch (ServiceFlags.Invalid e) {
            c.failWith(e.printed(), e.exitStatus());
            return;
        }
        if (c.cmd.bool("force")) {
            ServiceSpec.Builder b = next.toBuilder();
            b.forceUpdate = svc.spec.forceUpdate() + 1;
            next = b.build();
        }
        String err = conflict(s, next, svc);
        if (err != null) {
            c.daemonError(err);
            return;
        }
        c.node.write(List.of(Workloads.serviceUpdate(svc.id, next, false)), e -> {
            if (e != null) {
                c.daemonError(e);
            } else if (c.cmd.bool("detach") || c.cmd.bool("quiet")) {
                c.ok(svc.name() + "\n");
            } else {
                c.out(svc.name() + "\n");
                Convergence.await(c, svc.id, "");
            }
        });
    }

    static void rollback(Call c) {
        ClusterStore s = c.store();
        ServiceRecord svc = s == null ? null : resolve(c, s, c.arg(0));
        if (svc != null) {
            rollback(c, s, svc);
        }
    }

    private static void rollback(Call c, ClusterStore s, ServiceRecord svc) {
        if (svc.previousSpec == null) {
            c.daemonError("rpc error: code = FailedPrecondition desc = service " + svc.id
                    + " does not have a previous spec");
            return;
        }
        c.node.write(List.of(Workloads.serviceUpdate(svc.id, svc.previousSpec, true),
                Workloads.serviceStatus(svc.id, "rollback_started", "manually requested rollback")), e -> {
                    if (e != null) {
                        c.daemonError(e);
                    } else if (c.cmd.bool("detach") || c.cmd.bool("quiet")) {
                        c.ok(svc.name() + "\n");
                    } else {
                        c.out(svc.name() + "\nrollback: manually requested rollback \n");
                        Convergence.await(c, svc.id, "rolling back update: ");
                    }
                });
    }

    static void scale(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        for (String arg : c.cmd.args()) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                c.failWith("Error: invalid scale specifier '" + arg + "'.\nSee 'docker service scale --help'.\n\n"
                        + "Usage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\n"
                        + "Scale one or multiple replicated services", 1);
                return;
            }
        }
        scaleNext(c, s, 0, new ArrayList<>(), false);
    }

    /** One service after another, as docker/cli does; failures are reported and the rest go on. */
    private static void scaleNext(Call c, ClusterStore s, int i, List<String> scaled, boolean failed) {
        if (i >= c.cmd.args().size()) {
            if (failed) {
                c.exit(1);
            } else if (c.cmd.bool("detach") || scaled.isEmpty()) {
                c.ok("");
            } else {
                Convergence.awaitAll(c, scaled);
            }
            return;
        }
        String arg = c.arg(i);
        String name = arg.substring(0, arg.indexOf('='));
        String count = arg.substring(arg.indexOf('=') + 1);
        ServiceRecord svc = find(s, name);
        long replicas;
        try {
            replicas = Long.parseUnsignedLong(count);
        } catch (NumberFormatException e) {
            c.ctx.eprintln("invalid replicas value " + count + ": strconv.ParseUint: parsing \"" + count
                    + "\": invalid syntax");
            scaleNext(c, s, i + 1, scaled, true);
            return;
        }
        if (svc == null) {
            c.ctx.eprintln(name + ": Error: No such service: " + name);
            scaleNext(c, s, i + 1, scaled, true);
            return;
        }
        if (svc.spec.global()) {
            c.ctx.eprintln(name + ": scale can only be used with replicated mode");
            scaleNext(c, s, i + 1, scaled, true);
            return;
        }
        c.node.write(List.of(Workloads.serviceUpdate(svc.id, svc.spec.withReplicas(replicas), false)), e -> {
            if (e != null) {
                c.ctx.eprintln(name + ": Error response from daemon: " + e);
                scaleNext(c, s, i + 1, scaled, true);
                return;
            }
            c.out(name + " scaled to " + replicas + "\n");
            scaled.add(svc.id);
            scaleNext(c, s, i + 1, scaled, failed);
        });
    }

    static void rm(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<String> cmds = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (String ref : c.cmd.args()) {
            ServiceRecord svc = find(s, ref);
            if (svc == null) {
                errors.add("Error: No such service: " + ref);
                continue;
            }
            cmds.add(Workloads.serviceRm(svc.id));
            out.append(ref).append('\n');
        }
        Runnable finish = () -> {
            c.out(out.toString());
            if (errors.isEmpty()) {
                c.ok("");
            } else {
                c.failWith(String.join("\n", errors), 1);
            }
        };
        c.writeThen(cmds, finish);
    }

    static void ls(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<ServiceRecord> services = new ArrayList<>(s.workloads().services());
        for (String f : c.cmd.strings("filter")) {
            int eq = f.indexOf('=');
            String key = eq < 0 ? f : f.substring(0, eq);
            String value = eq < 0 ? "" : f.substring(eq + 1);
            switch (key) {
                case "name" -> services.removeIf(svc -> !svc.name().startsWith(value));
                case "id" -> services.removeIf(svc -> !svc.id.startsWith(value));
                case "mode" -> services.removeIf(svc -> !svc.spec.mode().equals(value));
                case "label" -> services.removeIf(svc -> !hasLabel(svc.spec.labels(), value));
                default -> {
                    c.daemonError("Invalid filter '" + key + "'");
                    return;
                }
            }
        }
        services.sort(Comparator.comparing(ServiceRecord::name));
        printServices(c, s, services);
    }

    /** The service table (service ls, stack services). */
    static void printServices(Call c, ClusterStore s, List<ServiceRecord> services) {
        if (c.cmd.bool("quiet")) {
            StringBuilder b = new StringBuilder();
            for (ServiceRecord svc : services) {
                b.append(svc.id).append('\n');
            }
            c.ok(b.toString());
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ServiceRecord svc : services) {
            rows.add(ServiceViews.lsRow(s, svc));
        }
        render(c, rows, ServiceViews.LS_HEADERS, ServiceViews.lsTable(rows));
    }

    private static void render(Call c, List<Map<String, Object>> rows, Map<String, String> headers, String table) {
        if (c.cmd.changed("format") && !c.cmd.string("format").isEmpty()) {
            try {
                c.ok(Formatter.render(c.cmd.string("format"), headers, rows));
            } catch (TemplateException e) {
                c.fail(e.getMessage());
            }
            return;
        }
        c.ok(table);
    }

    static boolean hasLabel(Map<String, String> labels, String filter) {
        int eq = filter.indexOf('=');
        return eq < 0 ? labels.containsKey(filter) : filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }

    static void ps(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<TaskRecord> tasks = new ArrayList<>();
        for (String ref : c.cmd.args()) {
            ServiceRecord svc = find(s, ref);
            if (svc == null) {
                c.fail("no such service: " + ref);
                return;
            }
            tasks.addAll(s.workloads().tasksOf(svc.id));
        }
        printTasks(c, s, tasks);
    }

    /** docker node ps [NODE...]: the tasks on nodes (this one by default). */
    static void nodePs(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<String> refs = c.cmd.args().isEmpty() ? List.of("self") : c.cmd.args();
        List<TaskRecord> tasks = new ArrayList<>();
        for (String ref : refs) {
            var n = NodeCommands.resolve(c, s, ref);
            if (n == null) {
                return;
            }
            tasks.addAll(s.workloads().tasksOn(n.id));
        }
        printTasks(c, s, tasks);
    }

    /** The task table (service ps, node ps, stack ps) with its filters. */
    static void printTasks(Call c, ClusterStore s, List<TaskRecord> tasks) {
        List<TaskRecord> shown = new ArrayList<>(tasks);
        for (String f : c.cmd.strings("filter")) {
            int eq = f.indexOf('=');
            String key = eq < 0 ? f : f.substring(0, eq);
            String value = eq < 0 ? "" : f.substring(eq + 1);
            switch (key) {
                case "desired-state" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (!v.equals("running") && !v.equals("shutdown") && !v.equals("accepted")) {
                        c.daemonError("Invalid desired-state filter value: '" + value + "'");
                        return;
                    }
                    shown.removeIf(t -> !desiredMatches(t, v));
                }
                case "id" -> shown.removeIf(t -> !t.id.startsWith(value));
                case "name" -> shown.removeIf(t -> !taskName(s, t).startsWith(value));
                case "node" -> shown.removeIf(t -> {
                    var n = s.node(t.nodeId);
                    return n == null || !n.hostname.equals(value) && !n.id.startsWith(value);
                });
                default -> {
                    c.daemonError("Invalid filter '" + key + "'");
                    return;
                }
            }
        }
        shown.sort(ServiceViews.PS_ORDER);
        if (c.cmd.bool("quiet")) {
            StringBuilder b = new StringBuilder();
            for (TaskRecord t : shown) {
                b.append(t.id).append('\n');
            }
            c.ok(b.toString());
            return;
        }
        List<Map<String, Object>> rows = ServiceViews.psRows(s, shown, c.now(), c.cmd.bool("no-trunc"));
        render(c, rows, ServiceViews.PS_HEADERS, ServiceViews.psTable(rows));
    }

    private static boolean desiredMatches(TaskRecord t, String v) {
        return switch (v) {
            case "running" -> t.desired == TaskState.RUNNING;
            case "shutdown" -> t.desired == TaskState.SHUTDOWN;
            default -> t.desired.ordinal() <= TaskState.ACCEPTED.ordinal() || t.desired == TaskState.READY;
        };
    }

    private static String taskName(ClusterStore s, TaskRecord t) {
        ServiceRecord svc = s.workloads().service(t.serviceId);
        return t.displayName(svc == null ? t.spec.name() : svc.name());
    }
}
