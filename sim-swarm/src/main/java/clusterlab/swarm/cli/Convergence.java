package clusterlab.swarm.cli;

import clusterlab.kernel.Time;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.TaskRecord;
import java.util.List;

/**
 * What {@code service create/update/scale/rollback} print without {@code --detach}: they wait
 * until every task of the service runs the current spec, watch it for the monitoring period, and
 * print docker/cli's progress display in its final state (one bar per task, then
 * {@code verify: Service converged}).
 */
final class Convergence {
    /** How often the client looks at the service again. */
    static final long POLL_NANOS = 500 * Time.MILLISECOND;
    /** The client gives up waiting after this long (docker waits forever; a bound keeps runs finite). */
    static final long MAX_WAIT_NANOS = 3600 * Time.SECOND;
    private static final String BAR = "[==================================================>] ";

    private Convergence() {
    }

    static void await(Call c, String serviceId, String phase) {
        poll(c, List.of(serviceId), phase, c.now() + MAX_WAIT_NANOS, -1);
    }

    static void awaitAll(Call c, List<String> serviceIds) {
        poll(c, serviceIds, "", c.now() + MAX_WAIT_NANOS, -1);
    }

    /** {@code stableSince}: when all services were first seen converged (-1: not yet). */
    private static void poll(Call c, List<String> ids, String phase, long deadline, long stableSince) {
        if (!c.open()) {
            return;
        }
        ClusterStore s = c.node.managerError() == null ? c.node.store() : null;
        long now = c.now();
        if (s == null || now >= deadline) {
            c.ok("");
            return;
        }
        boolean all = true;
        long monitor = 0;
        for (String id : ids) {
            ServiceRecord svc = s.workloads().service(id);
            if (svc == null) {
                c.failWith("Error: No such service: " + id, 1);
                return;
            }
            all &= converged(s, svc);
            monitor = Math.max(monitor, svc.spec.updateConfig().monitorNanos());
        }
        long since = all ? (stableSince < 0 ? now : stableSince) : -1;
        if (since >= 0 && now - since >= monitor) {
            StringBuilder out = new StringBuilder();
            for (String id : ids) {
                out.append(display(s, s.workloads().service(id), phase));
            }
            c.ok(out.toString());
            return;
        }
        c.ctx.schedule(POLL_NANOS, () -> poll(c, ids, phase, deadline, since));
    }

    /** Every wanted task runs the service's current spec and no update is under way. */
    static boolean converged(ClusterStore s, ServiceRecord svc) {
        if (svc.updateState.equals("updating") || svc.updateState.equals("rollback_started")) {
            return false;
        }
        int running = 0;
        for (TaskRecord t : s.workloads().tasksOf(svc.id)) {
            if (t.desired.ordinal() > TaskState.RUNNING.ordinal()) {
                continue;
            }
            if (t.observed != TaskState.RUNNING || t.desired != TaskState.RUNNING
                    || t.spec.taskTemplateDiffers(svc.spec)) {
                return false;
            }
            running++;
        }
        return svc.spec.global() || running == svc.spec.replicas();
    }

    private static String display(ClusterStore s, ServiceRecord svc, String phase) {
        StringBuilder b = new StringBuilder();
        List<TaskRecord> running = s.workloads().tasksOf(svc.id).stream()
                .filter(t -> t.desired == TaskState.RUNNING && t.observed == TaskState.RUNNING)
                .sorted(ServiceViews.PS_ORDER).toList();
        int n = running.size();
        b.append("overall progress: ").append(phase).append(n).append(" out of ").append(n).append(" tasks \n");
        for (int i = 0; i < n; i++) {
            TaskRecord t = running.get(i);
            String label = t.slot > 0 ? t.slot + "/" + n : t.nodeId.substring(0, Math.min(12, t.nodeId.length()));
            b.append(label).append(": running   ").append(BAR).append('\n');
        }
        return b.append("verify: Service converged \n").toString();
    }
}
