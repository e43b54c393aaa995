package clusterlab.swarm.cli;

import clusterlab.runtime.cli.format.DockerJson;
import clusterlab.runtime.cli.format.HumanDuration;
import clusterlab.swarm.orchestrator.RestartPolicy;
import clusterlab.swarm.orchestrator.UpdateConfig;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.IngressPool;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceMount;
import clusterlab.swarm.store.ServiceRecord;
import clusterlab.swarm.store.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * docker service inspect: the Engine API's swarm.Service as JSON (or through a template), or
 * docker/cli's human-friendly {@code --pretty} text (formatter/service.go's template).
 */
final class ServiceInspect {
    private ServiceInspect() {
    }

    static void inspect(Call c) {
        ClusterStore s = c.store();
        if (s == null) {
            return;
        }
        List<ServiceRecord> found = new ArrayList<>();
        for (String ref : c.cmd.args()) {
            ServiceRecord svc = ServiceCommands.find(s, ref);
            if (svc == null) {
                c.fail("Error: no such service: " + ref);
                return;
            }
            found.add(svc);
        }
        if (c.cmd.bool("pretty")) {
            StringBuilder out = new StringBuilder();
            for (ServiceRecord svc : found) {
                out.append(pretty(svc, c.now()));
            }
            c.ok(out.toString());
            return;
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (ServiceRecord svc : found) {
            docs.add(document(svc, clusterlab.swarm.manager.Ids.ingressNetworkId(s.caDigest())));
        }
        if (c.answerWithFormat(docs)) {
            return;
        }
        c.ok(DockerJson.inspect(docs));
    }

    /** The Engine API's swarm.Service; {@code ingressId} is the ingress network's id in this swarm. */
    static Map<String, Object> document(ServiceRecord svc, String ingressId) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ID", svc.id);
        d.put("Version", Map.of("Index", svc.version * 7 + 4));
        d.put("CreatedAt", clusterlab.runtime.image.Image.rfc3339(svc.createdNanos));
        d.put("UpdatedAt", clusterlab.runtime.image.Image.rfc3339(svc.updatedNanos));
        d.put("Spec", spec(svc.spec));
        if (svc.previousSpec != null) {
            d.put("PreviousSpec", spec(svc.previousSpec));
        }
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("Spec", endpointSpec(svc.spec));
        if (!svc.vip.isEmpty()) {
            endpoint.put("Ports", ports(svc.spec.ports()));
            Map<String, Object> vip = new LinkedHashMap<>();
            vip.put("NetworkID", ingressId);
            vip.put("Addr", svc.vip + "/" + IngressPool.SUBNET.substring(IngressPool.SUBNET.indexOf('/') + 1));
            endpoint.put("VirtualIPs", List.of(vip));
        }
        d.put("Endpoint", endpoint);
        if (!svc.updateState.isEmpty()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("State", svc.updateState);
            u.put("StartedAt", clusterlab.runtime.image.Image.rfc3339(svc.updateStartedNanos));
            if (svc.updateCompletedNanos >= svc.updateStartedNanos && svc.updateCompletedNanos > 0) {
                u.put("CompletedAt", clusterlab.runtime.image.Image.rfc3339(svc.updateCompletedNanos));
            }
            u.put("Message", svc.updateMessage);
            d.put("UpdateStatus", u);
        }
        return d;
    }

    private static Map<String, Object> spec(ServiceSpec s) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("Name", s.name());
        spec.put("Labels", s.labels());
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("Image", s.image());
        if (!s.containerLabels().isEmpty()) {
            container.put("Labels", s.containerLabels());
        }
        if (s.entrypoint() != null) {
            container.put("Command", s.entrypoint());
        }
        if (s.args() != null) {
            container.put("Args", s.args());
        }
        if (!s.hostname().isEmpty()) {
            container.put("Hostname", s.hostname());
        }
        if (!s.env().isEmpty()) {
            container.put("Env", s.env());
        }
        if (!s.workdir().isEmpty()) {
            container.put("Dir", s.workdir());
        }
        if (!s.user().isEmpty()) {
            container.put("User", s.user());
        }
        if (!s.mounts().isEmpty()) {
            List<Map<String, Object>> mounts = new ArrayList<>();
            for (ServiceMount m : s.mounts()) {
                Map<String, Object> mount = new LinkedHashMap<>();
                mount.put("Type", m.type());
                mount.put("Source", m.source());
                mount.put("Target", m.target());
                if (m.readOnly()) {
                    mount.put("ReadOnly", true);
                }
                mounts.add(mount);
            }
            container.put("Mounts", mounts);
        }
        container.put("StopGracePeriod", s.stopGracePeriodNanos());
        container.put("DNSConfig", Map.of());
        container.put("Isolation", "default");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("ContainerSpec", container);
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("Limits", resources(s.limitNanoCpus(), s.limitMemoryBytes()));
        resources.put("Reservations", resources(s.reserveNanoCpus(), s.reserveMemoryBytes()));
        task.put("Resources", resources);
        RestartPolicy r = s.restartPolicy();
        Map<String, Object> restart = new LinkedHashMap<>();
        restart.put("Condition", r.condition().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        restart.put("Delay", r.delayNanos());
        restart.put("MaxAttempts", r.maxAttempts());
        if (r.windowNanos() > 0) {
            restart.put("Window", r.windowNanos());
        }
        task.put("RestartPolicy", restart);
        Map<String, Object> placement = new LinkedHashMap<>();
        if (!s.constraints().isEmpty()) {
            placement.put("Constraints", s.constraints());
        }
        if (!s.placementPrefs().isEmpty()) {
            List<Map<String, Object>> prefs = new ArrayList<>();
            for (String p : s.placementPrefs()) {
                prefs.add(Map.of("Spread", Map.of("SpreadDescriptor", p.substring(p.indexOf('=') + 1))));
            }
            placement.put("Preferences", prefs);
        }
        task.put("Placement", placement);
        task.put("ForceUpdate", s.forceUpdate());
        task.put("Runtime", "container");
        spec.put("TaskTemplate", task);
        spec.put("Mode", s.global() ? Map.of("Global", Map.of())
                : Map.of("Replicated", Map.of("Replicas", s.replicas())));
        spec.put("UpdateConfig", updateConfig(s.updateConfig()));
        spec.put("RollbackConfig", updateConfig(s.rollbackConfig()));
        spec.put("EndpointSpec", endpointSpec(s));
        return spec;
    }

    private static Map<String, Object> resources(long nanoCpus, long memory) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (nanoCpus > 0) {
            m.put("NanoCPUs", nanoCpus);
        }
        if (memory > 0) {
            m.put("MemoryBytes", memory);
        }
        return m;
    }

    private static Map<String, Object> updateConfig(UpdateConfig u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Parallelism", u.parallelism());
        if (u.delayNanos() > 0) {
            m.put("Delay", u.delayNanos());
        }
        m.put("FailureAction", u.failureAction().name().toLowerCase(Locale.ROOT));
        m.put("Monitor", u.monitorNanos());
        m.put("MaxFailureRatio", u.maxFailureRatio());
        m.put("Order", u.order().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return m;
    }

    private static Map<String, Object> endpointSpec(ServiceSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Mode", s.endpointMode());
        if (!s.ports().isEmpty()) {
            m.put("Ports", ports(s.ports()));
        }
        return m;
    }

    private static List<Map<String, Object>> ports(List<PortConfig> ports) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PortConfig p : ports) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Protocol", p.protocol());
            m.put("TargetPort", p.targetPort());
            m.put("PublishedPort", p.publishedPort());
            m.put("PublishMode", p.publishMode());
            out.add(m);
        }
        return out;
    }

    /** docker/cli's serviceInspectPrettyTemplate, for the fields the simulator has. */
    static String pretty(ServiceRecord svc, long now) {
        ServiceSpec s = svc.spec;
        StringBuilder b = new StringBuilder("\nID:\t\t").append(svc.id).append("\nName:\t\t").append(s.name());
        if (!s.labels().isEmpty()) {
            b.append("\nLabels:");
            for (var l : s.labels().entrySet()) {
                b.append("\n ").append(l.getKey()).append(l.getValue().isEmpty() ? "" : "=" + l.getValue());
            }
        }
        b.append("\nService Mode:");
        if (s.global()) {
            b.append("\tGlobal");
        } else {
            b.append("\tReplicated\n Replicas:\t").append(s.replicas());
        }
        if (!svc.updateState.isEmpty()) {
            b.append("\nUpdateStatus:\n State:\t\t").append(svc.updateState);
            b.append("\n Started:\t").append(HumanDuration.ago(now, svc.updateStartedNanos));
            boolean completed = svc.updateState.endsWith("completed");
            if (completed) {
                b.append("\n Completed:\t").append(HumanDuration.ago(now, svc.updateCompletedNanos));
            }
            b.append("\n Message:\t").append(svc.updateMessage);
        }
        b.append("\nPlacement:");
        if (!s.constraints().isEmpty()) {
            b.append("\n Constraints:\t").append(goList(s.constraints()));
        }
        if (!s.placementPrefs().isEmpty()) {
            b.append("\n Preferences:   ").append(goList(s.placementPrefs()));
        }
        prettyUpdate(b, "UpdateConfig", "Update order", s.updateConfig());
        prettyUpdate(b, "RollbackConfig", "Rollback order", s.rollbackConfig());
        b.append("\nContainerSpec:\n Image:\t\t").append(s.image());
        if (s.args() != null && !s.args().isEmpty()) {
            b.append("\n Args:\t\t").append(String.join(" ", s.args())).append(' ');
        }
        if (!s.env().isEmpty()) {
            b.append("\n Env:\t\t").append(String.join(" ", s.env())).append(' ');
        }
        if (!s.workdir().isEmpty()) {
            b.append("\n Dir:\t\t").append(s.workdir());
        }
        if (!s.user().isEmpty()) {
            b.append("\n User: ").append(s.user());
        }
        if (!s.mounts().isEmpty()) {
            b.append("\nMounts:");
            for (ServiceMount m : s.mounts()) {
                b.append("\n Target:\t").append(m.target()).append("\n  Source:\t").append(m.source())
                        .append("\n  ReadOnly:\t").append(m.readOnly()).append("\n  Type:\t\t").append(m.type());
            }
        }
        boolean reserves = s.reserveNanoCpus() > 0 || s.reserveMemoryBytes() > 0;
        boolean limits = s.limitNanoCpus() > 0 || s.limitMemoryBytes() > 0;
        if (reserves || limits) {
            b.append("\nResources:");
            if (reserves) {
                b.append("\n Reservations:");
                resourceLines(b, s.reserveNanoCpus(), s.reserveMemoryBytes());
            }
            if (limits) {
                b.append("\n Limits:");
                resourceLines(b, s.limitNanoCpus(), s.limitMemoryBytes());
            }
        }
        b.append("\nEndpoint Mode:\t").append(s.endpointMode());
        if (!s.ports().isEmpty()) {
            b.append("\nPorts:");
            for (PortConfig p : s.ports()) {
                b.append("\n PublishedPort = ").append(p.publishedPort()).append("\n  Protocol = ").append(p.protocol())
                        .append("\n  TargetPort = ").append(p.targetPort()).append("\n  PublishMode = ")
                        .append(p.publishMode());
            }
            b.append(' ');
        }
        return b.append('\n').toString();
    }

    private static void prettyUpdate(StringBuilder b, String title, String orderTitle, UpdateConfig u) {
        b.append('\n').append(title).append(":\n Parallelism:\t").append(u.parallelism());
        if (u.delayNanos() > 0) {
            b.append("\n Delay:\t\t").append(clusterlab.kernel.Time.format(u.delayNanos()));
        }
        b.append("\n On failure:\t").append(u.failureAction().name().toLowerCase(Locale.ROOT));
        if (u.monitorNanos() > 0) {
            b.append("\n Monitoring Period: ").append(clusterlab.kernel.Time.format(u.monitorNanos()));
        }
        b.append("\n Max failure ratio: ").append(goFloat(u.maxFailureRatio()));
        b.append("\n ").append(orderTitle).append(":").append(" ".repeat(Math.max(1, 18 - orderTitle.length() - 1)))
                .append(u.order().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static void resourceLines(StringBuilder b, long nanoCpus, long memory) {
        if (nanoCpus > 0) {
            b.append("\n  CPU:\t\t").append(goFloat(nanoCpus / 1e9));
        }
        if (memory > 0) {
            b.append("\n  Memory:\t").append(clusterlab.runtime.cli.format.HumanSize.binary(memory));
        }
    }

    /** Go's %v of a []string: {@code [a b]}. */
    private static String goList(List<String> items) {
        return "[" + String.join(" ", items) + "]";
    }

    /** Go's %g for the small values shown here: 0, 0.5, 2. */
    private static String goFloat(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
