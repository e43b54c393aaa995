package clusterlab.swarm.cli;

import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.fs.FsPath;
import clusterlab.runtime.cli.format.TabWriter;
import clusterlab.swarm.stack.ComposeFile;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.TaskRecord;
import clusterlab.swarm.store.Workloads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * docker stack deploy, ls, services, ps and rm (docker/cli cli/command/stack/swarm). A stack is
 * the set of services labelled {@code com.docker.stack.namespace=NAME}; deploying creates the
 * services of the Compose file that do not exist yet and updates the others.
 *
 * <p>Simplification: stacks get no overlay networks of their own (nor service-name DNS); their
 * services publish through the ingress routing mesh like any other.
 */
final class StackCommands {
    /** The biggest Compose file read (the parser refuses more than 3 MiB of text anyway). */
    private static final long MAX_COMPOSE_BYTES = 4L << 20;

    private StackCommands() {
    }

    /** The services of a stack, by name. */
    static List<ServiceRecord> servicesOf(ClusterStore s, String stack) {
        List<ServiceRecord> out = new ArrayList<>();
        for (ServiceRecord svc : s.workloads().services()) {
            if (stack.equals(svc.spec.labels().get(ComposeFile.NAMESPACE_LABEL))) {
                out.add(svc);
            }
        }
        out.sort(Comparator.comparing(ServiceRecord::name));
        return out;
    }

    static void deploy(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<String> files = c.cmd.strings("compose-file");
        if (files.isEmpty()) {
            c.fail("Please specify a Compose file (with --compose-file).");
            return;
        }
        String stack = c.arg(0);
        ComposeFile.Stack parsed;
        try {
            String path = c.ctx.resolve(files.get(files.size() - 1));
            if (c.ctx.fs().stat(path).sizeBytes() > MAX_COMPOSE_BYTES) {
                c.fail("yaml: document exceeds the limit of 3145728 code points");
                return;
            }
            parsed = ComposeFile.parse(c.ctx.fs().readString(path), stack, FsPath.of(path).parent().toString());
        } catch (FsException e) {
            c.fail("open " + files.get(files.size() - 1) + ": no such file or directory");
            return;
        } catch (ComposeFile.Invalid e) {
            c.fail(e.getMessage());
            return;
        }
        for (String w : parsed.warnings()) {
            c.ctx.eprintln(w);
            c.ctx.eprintln("");
        }
        List<String> cmds = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        TreeMap<String, ServiceRecord> existing = new TreeMap<>();
        for (ServiceRecord svc : servicesOf(s, stack)) {
            existing.put(svc.name(), svc);
        }
        for (ComposeFile.StackService wanted : parsed.services()) {
            ServiceRecord svc = existing.remove(wanted.name());
            ServiceRecord clash = ServiceCommands.find(s, wanted.name());
            if (svc == null && clash != null) {
                c.fail("failed to create service " + wanted.name() + ": Error response from daemon: rpc error: "
                        + "code = AlreadyExists desc = name conflicts with an existing object");
                return;
            }
            if (svc == null) {
                out.append("Creating service ").append(wanted.name()).append('\n');
                cmds.add(Workloads.serviceCreate(c.node.newObjectId(), wanted.spec()));
            } else {
                out.append("Updating service ").append(wanted.name()).append(" (id: ").append(svc.id).append(")\n");
                cmds.add(Workloads.serviceUpdate(svc.id, wanted.spec(), false));
            }
        }
        if (c.cmd.bool("prune")) {
            for (ServiceRecord gone : existing.values()) {
                out.append("Removing service ").append(gone.name()).append('\n');
                cmds.add(Workloads.serviceRm(gone.id));
            }
        }
        c.node.write(cmds, e -> {
            if (e != null) {
                c.daemonError(e);
            } else {
                c.ok(out.toString());
            }
        });
    }

    static void ls(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        TreeMap<String, Integer> stacks = new TreeMap<>();
        for (ServiceRecord svc : s.workloads().services()) {
            String stack = svc.spec.labels().get(ComposeFile.NAMESPACE_LABEL);
            if (stack != null) {
                stacks.merge(stack, 1, Integer::sum);
            }
        }
        TabWriter t = ServiceViews.table();
        t.row("NAME", "SERVICES", "ORCHESTRATOR");
        for (var e : stacks.entrySet()) {
            t.row(e.getKey(), e.getValue().toString(), "Swarm");
        }
        c.ok(t.render());
    }

    static void services(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<ServiceRecord> services = servicesOf(s, c.arg(0));
        if (services.isEmpty()) {
            c.failWith("Nothing found in stack: " + c.arg(0), 0);
            return;
        }
        ServiceCommands.printServices(c, s, services);
    }

    static void ps(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<TaskRecord> tasks = new ArrayList<>();
        for (ServiceRecord svc : servicesOf(s, c.arg(0))) {
            tasks.addAll(s.workloads().tasksOf(svc.id));
        }
        if (tasks.isEmpty()) {
            c.fail("nothing found in stack: " + c.arg(0));
            return;
        }
        ServiceCommands.printTasks(c, s, tasks);
    }

    static void rm(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<String> cmds = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        StringBuilder missing = new StringBuilder();
        for (String stack : c.cmd.args()) {
            List<ServiceRecord> services = servicesOf(s, stack);
            if (services.isEmpty()) {
                missing.append("Nothing found in stack: ").append(stack).append('\n');
                continue;
            }
            for (ServiceRecord svc : services) {
                out.append("Removing service ").append(svc.name()).append('\n');
                cmds.add(Workloads.serviceRm(svc.id));
            }
        }
        Runnable finish = () -> {
            c.out(out.toString());
            if (missing.length() > 0) {
                c.ctx.eprint(missing.toString());
            }
            c.ok("");
        };
        c.writeThen(cmds, finish);
    }
}
