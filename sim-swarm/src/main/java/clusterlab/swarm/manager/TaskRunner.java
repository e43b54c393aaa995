package clusterlab.swarm.manager;

import clusterlab.kernel.Time;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Subnet;
import clusterlab.runtime.cli.RemoteRegistries;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.CreateSpec;
import clusterlab.runtime.engine.Engine;
import clusterlab.runtime.engine.EngineException;
import clusterlab.runtime.engine.MountSpec;
import clusterlab.runtime.engine.PortBinding;
import clusterlab.runtime.engine.RestartPolicy;
import clusterlab.runtime.image.ImageReference;
import clusterlab.runtime.registry.Registry;
import clusterlab.runtime.registry.RegistryClient;
import clusterlab.runtime.registry.TransferSettings;
import clusterlab.swarm.orchestrator.TaskState;
import clusterlab.swarm.store.IngressPool;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.store.ServiceMount;
import clusterlab.swarm.store.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A node's agent executing its assignments (SwarmKit's agent with moby's container executor):
 * each assigned task is accepted, prepared (its image pulled on this machine, its container
 * created), started once its desired state is RUNNING, and stopped when it becomes SHUTDOWN; a
 * task that disappears from the assignments has its container removed. Every state it reaches is
 * reported at once, and again with each heartbeat, always forward.
 *
 * <p>The task table lives on disk (SwarmKit's worker task database): after a machine restart
 * the tasks whose containers died with it are reported failed.
 */
final class TaskRunner {
    /** The ingress overlay's MTU (VXLAN's 50 bytes less than the 1500 of the underlay). */
    private static final int OVERLAY_MTU = 1450;
    static final String INGRESS_SUBNET = IngressPool.SUBNET;

    /** One task on this node: what the dispatcher wants and what this agent observed. */
    private static final class Local {
        Wire.Assignment assignment;
        TaskState observed = TaskState.ASSIGNED;
        String message = "";
        String err = "";
        int exitCode;
        Container container;
        boolean busy;

        Wire.TaskReport report() {
            return new Wire.TaskReport(assignment.taskId(), observed, message, err,
                    container == null ? "" : container.id(), exitCode);
        }
    }

    private final SwarmNode node;
    private final Engine engine;
    private final TreeMap<String, Local> tasks = new TreeMap<>();
    /** The newest assignments applied (term, then sequence): datagrams may arrive out of order. */
    private long assignmentsTerm = -1;
    private long assignmentsSeq = -1;

    TaskRunner(SwarmNode node, Engine engine) {
        this.node = node;
        this.engine = engine;
    }

    /** Every task's current state, for the heartbeat. */
    List<Wire.TaskReport> reports() {
        List<Wire.TaskReport> out = new ArrayList<>();
        for (Local l : tasks.values()) {
            if (l.observed != TaskState.ASSIGNED) {
                out.add(l.report());
            }
        }
        return out;
    }

    /** The dispatcher's complete set of assignments for this node. */
    void assign(Wire.Assignments as) {
        if (as.term() < assignmentsTerm || as.term() == assignmentsTerm && as.seq() <= assignmentsSeq) {
            return; // older than what this agent already follows
        }
        assignmentsTerm = as.term();
        assignmentsSeq = as.seq();
        TreeMap<String, Wire.Assignment> wanted = new TreeMap<>();
        for (Wire.Assignment a : as.tasks()) {
            wanted.put(a.taskId(), a);
        }
        for (String id : List.copyOf(tasks.keySet())) {
            if (!wanted.containsKey(id)) {
                forget(tasks.remove(id));
            }
        }
        for (Wire.Assignment a : wanted.values()) {
            Local l = tasks.get(a.taskId());
            if (l == null) {
                l = new Local();
                tasks.put(a.taskId(), l);
            }
            l.assignment = a;
            drive(l);
        }
    }

    /** The machine came back: containers died with it, so their tasks failed. */
    void afterRestart() {
        for (Local l : tasks.values()) {
            l.busy = false;
            if (!l.observed.isTerminal() && l.observed.ordinal() >= TaskState.STARTING.ordinal()) {
                l.container = l.container == null ? null : engine.findContainer(l.container.id()).orElse(null);
                report(l, TaskState.FAILED, "shutdown", "task: non-zero exit (137)", 137);
            }
        }
    }

    /** The node left the swarm: moby removes every container of a swarm task. */
    void leave() {
        List<Local> all = List.copyOf(tasks.values());
        tasks.clear(); // first: the containers' exits are no longer this swarm's to report
        for (Local l : all) {
            forget(l);
        }
        assignmentsTerm = -1;
        assignmentsSeq = -1;
    }

    private void drive(Local l) {
        if (l.busy || l.observed.isTerminal()) {
            return;
        }
        TaskState desired = l.assignment.desired();
        if (desired.ordinal() >= TaskState.SHUTDOWN.ordinal()) {
            shutDown(l);
            return;
        }
        switch (l.observed) {
            case ASSIGNED -> {
                report(l, TaskState.ACCEPTED, "accepted", "", 0);
                report(l, TaskState.PREPARING, "preparing", "", 0);
                prepare(l);
            }
            case READY -> {
                if (desired == TaskState.RUNNING) {
                    start(l);
                }
            }
            default -> { }
        }
    }

    private void prepare(Local l) {
        String image = l.assignment.spec().image();
        if (engine.images().resolve(image).isPresent()) {
            create(l);
            return;
        }
        ImageReference ref;
        try {
            ref = ImageReference.parseNormalized(image);
        } catch (IllegalArgumentException e) {
            report(l, TaskState.REJECTED, "preparing", e.getMessage(), 0);
            return;
        }
        if (ref.tag() == null && ref.digest() == null) {
            ref = ref.withTag(ImageReference.DEFAULT_TAG);
        }
        ImageReference target = ref;
        l.busy = true;
        BiConsumer<Registry, TransferSettings> pull = (registry, settings) ->
                new RegistryClient(engine.images(), engine.simulation()).pull(registry,
                        RegistryClient.PullRequest.implicit(target), settings, line -> { }, result -> {
                            l.busy = false;
                            if (!isCurrent(l)) {
                                return;
                            }
                            if (result.ok()) {
                                create(l);
                            } else {
                                report(l, TaskState.REJECTED, "preparing", "No such image: " + image, 0);
                            }
                        });
        if (ref.isDockerHub()) {
            pull.accept(engine.hub(), TransferSettings.hub());
        } else {
            // A private registry, reached from this node as its daemon would (localhost is this node's).
            RemoteRegistries.reach(engine, ref,
                    registry -> pull.accept(registry, RemoteRegistries.lan()), error -> {
                        l.busy = false;
                        if (isCurrent(l)) {
                            report(l, TaskState.REJECTED, "preparing", error, 0);
                        }
                    });
        }
    }

    private boolean isCurrent(Local l) {
        return node.inSwarm() && tasks.get(l.assignment.taskId()) == l && node.machine().isRunning();
    }

    private void create(Local l) {
        if (l.assignment.desired().ordinal() >= TaskState.SHUTDOWN.ordinal()) {
            shutDown(l);
            return;
        }
        try {
            l.container = engine.create(createSpec(l.assignment));
        } catch (EngineException | IllegalArgumentException e) {
            report(l, TaskState.REJECTED, "preparing", e.getMessage(), 0);
            return;
        }
        report(l, TaskState.READY, "prepared", "", 0);
        drive(l);
    }

    private void start(Local l) {
        report(l, TaskState.STARTING, "starting", "", 0);
        Container c = l.container;
        try {
            engine.start(c);
            if (!l.assignment.ingressAddr().isEmpty()) {
                c.attachInterface("eth1", Ipv4.parse(l.assignment.ingressAddr()), Subnet.parse(INGRESS_SUBNET),
                        OVERLAY_MTU);
            }
        } catch (EngineException | IllegalStateException e) {
            report(l, TaskState.FAILED, "starting", e.getMessage(), c.exitCode());
            return;
        }
        report(l, TaskState.RUNNING, "started", "", 0);
        node.mesh().taskRunning(l.assignment.serviceId(), l.assignment.taskId(), l.assignment.ingressAddr());
        engine.whenExited(c, code -> {
            node.mesh().taskStopped(l.assignment.serviceId(), l.assignment.taskId());
            if (!isCurrent(l) || l.observed.isTerminal()) {
                return;
            }
            if (l.assignment.desired().ordinal() >= TaskState.SHUTDOWN.ordinal()) {
                report(l, TaskState.SHUTDOWN, "shutdown", "", code);
            } else if (code == 0) {
                report(l, TaskState.COMPLETE, "finished", "", 0);
            } else {
                report(l, TaskState.FAILED, "started", "task: non-zero exit (" + code + ")", code);
            }
        });
    }

    private void shutDown(Local l) {
        Container c = l.container;
        if (c != null && c.isRunning()) {
            l.busy = true;
            engine.stop(c, l.assignment.spec().stopGracePeriodNanos(), () -> {
                l.busy = false;
                if (isCurrent(l) && !l.observed.isTerminal()) {
                    report(l, TaskState.SHUTDOWN, "shutdown", "", c.exitCode());
                }
            });
        } else {
            report(l, TaskState.SHUTDOWN, "shutdown", "", l.exitCode);
        }
    }

    /** The task is gone from the store: its container goes too. */
    private void forget(Local l) {
        if (l == null) {
            return;
        }
        node.mesh().taskStopped(l.assignment.serviceId(), l.assignment.taskId());
        Container c = l.container;
        l.container = null;
        if (c != null && engine.findContainer(c.id()).isPresent()) {
            try {
                engine.remove(c, true, false, () -> { });
            } catch (EngineException e) {
                // already being removed
            }
        }
    }

    private void report(Local l, TaskState state, String message, String err, int exitCode) {
        if (!l.observed.canMoveTo(state)) {
            return;
        }
        l.observed = state;
        l.message = message;
        l.err = err == null ? "" : err;
        l.exitCode = exitCode;
        node.sendReports(List.of(l.report()));
    }

    /** The container moby's executor creates for a task. */
    private CreateSpec createSpec(Wire.Assignment a) {
        ServiceSpec s = a.spec();
        // nginx1.1.d778y6nc90edu4rbrnd8ufdjt, or for a global task <service>.<node id>.<task id>
        String name = a.serviceName() + "." + (a.slot() > 0 ? Integer.toString(a.slot()) : node.nodeId()) + "."
                + a.taskId();
        List<MountSpec> mounts = new ArrayList<>();
        for (ServiceMount m : s.mounts()) {
            MountSpec.Type type = MountSpec.Type.valueOf(m.type().toUpperCase(Locale.ROOT));
            mounts.add(new MountSpec(type, m.source(), m.target(), m.readOnly(), false));
        }
        TreeMap<String, String> labels = new TreeMap<>(s.containerLabels());
        labels.put("com.docker.swarm.node.id", node.nodeId());
        labels.put("com.docker.swarm.service.id", a.serviceId());
        labels.put("com.docker.swarm.service.name", a.serviceName());
        labels.put("com.docker.swarm.task", "");
        labels.put("com.docker.swarm.task.id", a.taskId());
        labels.put("com.docker.swarm.task.name", name);
        List<PortBinding> hostPorts = new ArrayList<>();
        for (PortConfig p : s.ports()) {
            if (!p.ingress() && p.publishedPort() > 0) {
                // mode=host: straight to this task on this node, as docker run -p does.
                hostPorts.add(new PortBinding("0.0.0.0", p.publishedPort(), p.targetPort(), p.protocol()));
            }
        }
        long graceSeconds = s.stopGracePeriodNanos() / Time.SECOND;
        return new CreateSpec(s.image(), name, s.args(), s.entrypoint(), s.env(),
                s.hostname().isEmpty() ? null : s.hostname(), s.workdir().isEmpty() ? null : s.workdir(),
                s.user().isEmpty() ? null : s.user(), s.tty(), false, hostPorts, false, mounts, s.limitMemoryBytes(),
                s.limitNanoCpus(), 0, RestartPolicy.NO, Engine.GWBRIDGE, false, labels,
                s.stopSignal().isEmpty() ? null : s.stopSignal(), (int) graceSeconds, null);
    }
}
