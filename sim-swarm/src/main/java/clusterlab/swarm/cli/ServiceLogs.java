package clusterlab.swarm.cli;

import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.ContainerLog;
import clusterlab.runtime.engine.Engine;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.TaskRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * docker service logs SERVICE|TASK: the logs of the service's task containers on whichever nodes
 * they ran, each line prefixed with its task and node ({@code nginx1.4.e8rd0430h7l5@node3    | }),
 * as docker/cli's task formatter writes it. The lines of all tasks are merged by time. Tasks on
 * nodes that are down have no logs to give.
 */
final class ServiceLogs {
    private ServiceLogs() {
    }

    /** One line to print and when it was written. */
    private record Line(long timeNanos, int order, String text) {
    }

    static void logs(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        String ref = c.arg(0);
        ServiceRecord svc = ServiceCommands.find(s, ref);
        List<TaskRecord> tasks = new ArrayList<>();
        if (svc != null) {
            tasks.addAll(s.workloads().tasksOf(svc.id));
        } else {
            for (TaskRecord t : s.workloads().tasks()) {
                if (t.id.startsWith(ref)) {
                    tasks.add(t);
                }
            }
            if (tasks.size() != 1) {
                c.fail("Error: No such service: " + ref);
                return;
            }
            svc = s.workloads().service(tasks.get(0).serviceId);
        }
        tasks.sort(ServiceViews.PS_ORDER);
        long tail = tail(c.cmd.string("tail"));
        int padding = digits(svc == null || svc.spec.global() ? 1 : svc.spec.replicas());
        List<Line> lines = new ArrayList<>();
        List<Runnable> follows = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            TaskRecord t = tasks.get(i);
            Container container = container(c, s, t);
            if (container == null) {
                continue;
            }
            String prefix = prefix(c, svc, t, s.node(t.nodeId), padding);
            List<ContainerLog.Entry> entries = container.log().entries();
            int from = tail < 0 ? 0 : (int) Math.max(0, entries.size() - tail);
            for (ContainerLog.Entry e : entries.subList(from, entries.size())) {
                lines.add(new Line(e.timeNanos(), i, prefix + e.text()));
            }
            if (c.cmd.bool("follow")) {
                follows.add(() -> follow(c, container.log(), prefix));
            }
        }
        lines.sort(Comparator.comparingLong(Line::timeNanos).thenComparingInt(Line::order));
        StringBuilder out = new StringBuilder();
        for (Line l : lines) {
            out.append(l.text()).append(l.text().endsWith("\n") ? "" : "\n");
        }
        if (follows.isEmpty()) {
            c.ok(out.toString());
            return;
        }
        c.out(out.toString());
        follows.forEach(Runnable::run);
    }

    /** Streams new lines until the command is interrupted. */
    private static void follow(Call c, ContainerLog log, String prefix) {
        Consumer<ContainerLog.Entry>[] self = new Consumer[1];
        self[0] = e -> {
            if (!c.open()) {
                log.unfollow(self[0]);
                return;
            }
            c.out(prefix + e.text() + (e.text().endsWith("\n") ? "" : "\n"));
        };
        log.follow(self[0]);
    }

    private static Container container(Call c, ClusterStore s, TaskRecord t) {
        NodeRecord n = s.node(t.nodeId);
        if (n == null || t.containerId.isEmpty()) {
            return null;
        }
        Engine engine = c.node.engineOf(n.hostname);
        if (engine == null || !engine.host().machine().isRunning()) {
            return null;
        }
        return engine.findContainer(t.containerId).orElse(null);
    }

    /** {@code nginx1.4.e8rd0430h7l5@node3} padded to the widest slot number, then {@code "    | "}. */
    private static String prefix(Call c, ServiceRecord svc, TaskRecord t, NodeRecord n, int padding) {
        String service = svc == null ? t.spec.name() : svc.name();
        StringBuilder name = new StringBuilder(service).append('.')
                .append(t.slot > 0 ? Integer.toString(t.slot) : t.nodeId);
        if (!c.cmd.bool("no-task-ids")) {
            name.append('.').append(c.cmd.bool("no-trunc") ? t.id : t.id.substring(0, 12));
        }
        name.append('@').append(c.cmd.bool("no-resolve") || n == null ? t.nodeId : n.hostname);
        int pad = t.slot > 0 ? padding - digits(t.slot) : 0;
        return name + " ".repeat(Math.max(0, pad)) + "    | ";
    }

    private static int digits(long n) {
        return Long.toString(Math.max(1, n)).length();
    }

    /** {@code --tail}: a count, or every line ("all", and any value that is not a number, as docker). */
    private static long tail(String value) {
        try {
            long n = Long.parseLong(value);
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
