package clusterlab.swarm.manager;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.SimRandom;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.machine.MachineListener;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Listener;
import clusterlab.kernel.net.Transport;
import clusterlab.kernel.os.NetInterface;
import clusterlab.runtime.engine.Engine;
import clusterlab.swarm.mesh.IngressMesh;
import clusterlab.swarm.store.PortConfig;
import clusterlab.swarm.raft.Command;
import clusterlab.swarm.raft.Entry;
import clusterlab.swarm.raft.RaftCore;
import clusterlab.swarm.raft.StateRole;
import clusterlab.swarm.store.ClusterStore;
import clusterlab.swarm.store.NodeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The swarm side of one host's Docker daemon (moby's daemon/cluster with its SwarmKit node): its
 * membership (node id, role, the managers it knows), and for a manager its Raft member, its join
 * listener on TCP 2377 and, while it leads, the {@link Dispatcher}. Membership survives machine
 * restarts (as /var/lib/docker/swarm does); timers, listeners and pending proposals do not.
 *
 * <p>Callbacks given to its operations get {@code null} on success or a daemon error text.
 */
public final class SwarmNode {
    public static final int MANAGEMENT_PORT = 2377;
    /**
     * Heartbeats travel as UDP datagrams on their own port: Raft's datagrams already use UDP 2377
     * in this simulator, and real SwarmKit multiplexes both over gRPC on TCP 2377.
     */
    public static final int DISPATCHER_PORT = 2378;
    /** moby's swarmConnectTimeout: how long {@code swarm join} waits before giving up. */
    static final long JOIN_TIMEOUT_NANOS = 20 * Time.SECOND;

    private final SwarmCluster cluster;
    private final Host host;
    private final Machine machine;
    private final SimRandom random;
    private final Agent agent;
    private final Engine engine;
    private final TaskRunner runner;
    private final IngressMesh mesh;
    private ServiceOrchestrator orchestrator;

    private String nodeId;
    private String role;
    private long raftId;
    private Ipv4 addr;
    private final List<Ipv4> managers = new ArrayList<>();

    /**
     * The unlock key this manager's state on disk is sealed with (empty: not sealed); like the
     * node id it survives restarts, and while {@link #locked} the manager runs nothing.
     */
    private String keyOnDisk = "";
    private boolean locked;

    private Listener joinListener;
    private EventHandle managerLoop;
    private Dispatcher dispatcher;
    private final Proposer proposer;

    SwarmNode(SwarmCluster cluster, Host host, Engine engine) {
        this.cluster = cluster;
        this.host = host;
        this.engine = engine;
        this.machine = host.machine();
        this.random = machine.simulation().random().stream("swarm/" + host.name());
        this.agent = new Agent(this);
        this.runner = new TaskRunner(this, engine);
        this.mesh = new IngressMesh(machine, host.name(), cluster.cluster().transport(), cluster.gossip());
        this.proposer = new Proposer(this);
        bindEndpoints();
        machine.addListener(new MachineListener() {
            @Override
            public void onCrash(Machine m) {
                sealState();
                dropVolatile();
            }

            @Override
            public void onPowerOff(Machine m) {
                sealState();
                dropVolatile();
            }

            @Override
            public void onRestart(Machine m) {
                bindEndpoints();
                runner.afterRestart();
                locked = bootsLocked();
                if (nodeId != null && !locked) {
                    if (isManager()) {
                        startManagerServices();
                    }
                    agent.start();
                }
            }
        });
    }

    /** Remembers the key the manager's state was sealed with when it went down. */
    private void sealState() {
        ClusterStore s = isManager() ? cluster.store(raftId) : null;
        keyOnDisk = s == null ? "" : s.unlockKey();
    }

    /** Whether this node, restarting now, must wait for {@code docker swarm unlock}. */
    boolean bootsLocked() {
        return nodeId != null && isManager() && !keyOnDisk.isEmpty();
    }

    /** Locked: an autolocked manager that restarted and was not unlocked yet. */
    public boolean locked() {
        return locked;
    }

    /** {@code docker swarm unlock}: with the right key the manager starts Raft and its services. */
    public void unlock(String key, Consumer<String> done) {
        if (!locked) {
            done.accept(null);
            return;
        }
        if (!key.equals(keyOnDisk)) {
            done.accept(Errors.INVALID_UNLOCK_KEY);
            return;
        }
        locked = false;
        cluster.driver().release(raftId);
        startManagerServices();
        agent.start();
        done.accept(null);
    }

    private void bindEndpoints() {
        host.os().bindUnixSocket(SwarmCluster.CONTROL_SOCKET, this);
        Transport t = cluster.cluster().transport();
        t.unbindUdp(machine, DISPATCHER_PORT);
        t.bindUdp(machine, DISPATCHER_PORT, d -> onDatagram(d.payload()));
    }

    private void dropVolatile() {
        joinListener = null;
        mesh.reset();
        stopOrchestrator();
        if (managerLoop != null) {
            managerLoop.cancel();
            managerLoop = null;
        }
        if (dispatcher != null) {
            dispatcher.stop();
            dispatcher = null;
        }
        proposer.clear();
        agent.stop();
    }

    // ---- what the CLI reads ----

    public Host host() {
        return host;
    }

    public String nodeId() {
        return nodeId;
    }

    public boolean inSwarm() {
        return nodeId != null;
    }

    public boolean isManager() {
        return "manager".equals(role);
    }

    public long raftId() {
        return raftId;
    }

    Ipv4 addr() {
        return addr;
    }

    Machine machine() {
        return machine;
    }

    Agent agent() {
        return agent;
    }

    /** This node's routing mesh. */
    public IngressMesh mesh() {
        return mesh;
    }

    /** This host's engine (where the agent runs its tasks). */
    public Engine engine() {
        return engine;
    }

    /** The engine of another node of this swarm (service logs read its tasks' containers), or null. */
    public Engine engineOf(String hostName) {
        SwarmNode other = cluster.node(hostName);
        return other == null ? null : other.engine;
    }

    List<Wire.TaskReport> taskReports() {
        return runner.reports();
    }

    /** Sends task states to the manager this agent talks to (forwarded to the leader). */
    void sendReports(List<Wire.TaskReport> reports) {
        Ipv4 to = agent.target();
        if (nodeId == null || to == null || !machine.isRunning()) {
            return;
        }
        cluster.cluster().transport().sendDatagram(machine, DISPATCHER_PORT, to, DISPATCHER_PORT,
                new Wire.TaskReports(nodeId, reports), 64 + 96 * reports.size());
    }

    SimRandom random() {
        return random;
    }

    SwarmCluster cluster() {
        return cluster;
    }

    List<Ipv4> managers() {
        return managers;
    }

    String role() {
        return role;
    }

    /** The dispatcher while this manager leads, else null. */
    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** This manager's Raft member (its role, term, log), or null for a worker or outside a swarm. */
    public RaftCore raftCore() {
        return isManager() ? cluster.driver().core(raftId) : null;
    }

    /** A new object id (service, task) from this node's seeded stream. */
    public String newObjectId() {
        return Ids.newId(random);
    }

    /** A Docker-style random name ({@code hungry_jones}) not taken yet, for an unnamed service. */
    public String newServiceName(java.util.function.Predicate<String> taken) {
        return new clusterlab.runtime.engine.NameGenerator(random).next(taken);
    }

    /** What follows " Swarm: " in this host's {@code docker info}. */
    public String infoSection() {
        return SwarmInfo.render(this);
    }

    /** Why this node cannot serve a cluster-state request, or null when it can. */
    public String managerError() {
        if (nodeId == null) {
            return Errors.NOT_MANAGER;
        }
        if (locked) {
            return Errors.LOCKED;
        }
        if (!isManager()) {
            return Errors.WORKER;
        }
        return leaderNode() == null ? Errors.NO_LEADER : null;
    }

    /**
     * The store a control request on this manager reads (call after {@link #managerError()}
     * returned null): the leader's copy, since SwarmKit proxies a follower's control API calls to
     * the leader, so a command sees what the previous command wrote; this manager's own copy
     * while no leader is known.
     */
    public ClusterStore store() {
        SwarmNode leader = leaderNode();
        ClusterStore s = leader == null ? null : cluster.store(leader.raftId);
        return s != null ? s : cluster.store(raftId);
    }

    /** This manager's own copy of the store (what its dispatcher, running on the leader, uses). */
    ClusterStore localStore() {
        return cluster.store(raftId);
    }

    /** The manager that leads, as this node's Raft member knows it, or null. */
    SwarmNode leaderNode() {
        RaftCore core = cluster.driver().core(raftId);
        if (core == null || core.leader() == 0) {
            return null;
        }
        return cluster.byRaftId(core.leader());
    }

    /**
     * Leader, Reachable or Unreachable for a manager's record (as the leader sees it: a follower
     * asks the leader, as SwarmKit proxies the request); empty for a worker.
     */
    public String managerStatus(NodeRecord n) {
        if (!n.isManager()) {
            return "";
        }
        RaftCore core = cluster.driver().core(raftId);
        if (core != null && core.leader() == n.raftId) {
            return "Leader";
        }
        if (core != null && !core.voters().contains(n.raftId)) {
            // SwarmKit fills ManagerStatus from the Raft member list only: a manager dropped from
            // Raft (by --force-new-cluster) keeps its role but shows no manager status.
            return "";
        }
        SwarmNode leader = leaderNode();
        Dispatcher d = leader == null ? null : leader.dispatcher();
        boolean reachable = !"down".equals(n.status) && (d == null || d.recentlyHeard(n.id));
        return reachable ? "Reachable" : "Unreachable";
    }

    // ---- swarm init / join / leave ----

    /** {@code docker swarm init}: a new one-manager swarm whose first member is this node. */
    public void init(String advertise, Consumer<String> done) {
        if (nodeId != null) {
            done.accept(Errors.ALREADY_IN_SWARM);
            return;
        }
        Ipv4 ip = resolveAdvertise(advertise);
        if (ip == null) {
            done.accept(Errors.BAD_ADVERTISE);
            return;
        }
        String id = Ids.newId(random);
        String ca = Ids.caDigest(random);
        String workerSecret = Ids.newId(random);
        String managerSecret = Ids.newId(random);
        adopt(id, "manager", Ids.raftId(random), ip, List.of(ip), ca);
        cluster.startRaft(this, raftId, true);
        cluster.driver().campaign(raftId);
        startManagerServices();
        proposeAll(List.of(ClusterStore.cmd("init", ca, workerSecret, managerSecret),
                ClusterStore.nodeAdd(id, raftId, host.name(), ip.toString(), Engine.VERSION, "manager",
                        machine.simulation().now(), machine.cores(), machine.memoryBytes())), err -> {
                            if (err == null) {
                                agent.start();
                            }
                            done.accept(err);
                        });
    }

    /** How long a forced new cluster may take to elect its only member (one election timeout and then some). */
    private static final long FORCE_LEADER_WAIT_NANOS = 30 * Time.SECOND;

    /**
     * {@code docker swarm init --force-new-cluster}: on a manager of a swarm that lost its quorum,
     * becomes a one-manager swarm keeping every committed object (nodes, services, tokens); the
     * other managers are no longer part of Raft. Outside a swarm it is a plain init.
     */
    public void forceNewCluster(String advertise, Consumer<String> done) {
        if (nodeId == null) {
            init(advertise, done);
            return;
        }
        if (!isManager()) {
            done.accept(Errors.WORKER);
            return;
        }
        cluster.driver().forceNewCluster(raftId);
        awaitLeadership(machine.simulation().now() + FORCE_LEADER_WAIT_NANOS, done);
    }

    private void awaitLeadership(long deadline, Consumer<String> done) {
        if (cluster.driver().leader() == raftId && dispatcher != null) {
            done.accept(null);
            return;
        }
        if (machine.simulation().now() >= deadline) {
            done.accept(Errors.NO_LEADER);
            return;
        }
        machine.schedule(100 * Time.MILLISECOND, () -> awaitLeadership(deadline, done));
    }

    /** The address to advertise: an interface's, an IP (a port is ignored: 2377), or eth0's. */
    private Ipv4 resolveAdvertise(String advertise) {
        String a = advertise == null ? "" : advertise;
        int colon = a.lastIndexOf(':');
        if (colon >= 0) {
            a = a.substring(0, colon);
        }
        if (a.isEmpty()) {
            a = "eth0";
        }
        NetInterface intf = host.os().initialNamespaces().net().interfaceNamed(a);
        if (intf != null) {
            return intf.address();
        }
        try {
            Ipv4 ip = Ipv4.parse(a);
            return ip.equals(Ipv4.ANY) ? null : ip;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code docker swarm join}: asks the manager at {@code remote} to admit this node; done gets (role, error). */
    public void join(String token, String remote, BiConsumer<String, String> done) {
        if (nodeId != null) {
            done.accept(null, Errors.ALREADY_IN_SWARM);
            return;
        }
        if (!Ids.wellFormedToken(token)) {
            done.accept(null, Errors.INVALID_TOKEN);
            return;
        }
        Ipv4 to;
        int port = MANAGEMENT_PORT;
        try {
            int colon = remote.lastIndexOf(':');
            if (colon >= 0) {
                port = Integer.parseInt(remote.substring(colon + 1));
                to = Ipv4.parse(remote.substring(0, colon));
            } else {
                to = Ipv4.parse(remote);
            }
        } catch (RuntimeException e) {
            done.accept(null, Errors.JOIN_TIMEOUT);
            return;
        }
        JoinClient.dial(this, token, to, port, done);
    }

    /**
     * This node is now a member of the swarm whose CA digest is {@code caDigest} (from the init,
     * or from the join token): its identity, the managers it knows, gossip, and the engine's swarm
     * networks.
     */
    void adopt(String id, String newRole, long newRaftId, Ipv4 ip, List<Ipv4> knownManagers, String caDigest) {
        engine.joinSwarm(Ids.ingressNetworkId(caDigest), clusterlab.swarm.store.IngressPool.SUBNET);
        nodeId = id;
        role = newRole;
        raftId = newRaftId;
        addr = ip;
        managers.clear();
        managers.addAll(knownManagers);
        cluster.joinGossip(this, knownManagers);
    }

    /** {@code docker swarm leave [--force]}. */
    public void leave(boolean force, Consumer<String> done) {
        if (nodeId == null) {
            done.accept(Errors.NOT_IN_SWARM);
            return;
        }
        if (isManager() && !force) {
            done.accept(leaveRefusal());
            return;
        }
        agent.sendLeave(() -> {
            if (isManager()) {
                cluster.driver().stopNode(raftId);
                if (joinListener != null) {
                    joinListener.close();
                }
            }
            runner.leave();
            mesh.clear();
            engine.leaveSwarm();
            dropVolatile();
            nodeId = null;
            role = null;
            raftId = 0;
            keyOnDisk = "";
            locked = false;
            managers.clear();
            done.accept(null);
        });
    }

    /** moby's warning for a manager leaving without --force (counts from this manager's store). */
    private String leaveRefusal() {
        int reachable = 0;
        int unreachable = 0;
        ClusterStore s = store();
        if (s != null) {
            for (NodeRecord n : s.nodes()) {
                if (n.isManager()) {
                    if ("down".equals(n.status)) {
                        unreachable++;
                    } else {
                        reachable++;
                    }
                }
            }
        }
        if (reachable <= 1 && unreachable == 0) {
            return Errors.LEAVE_MANAGER + Errors.LEAVE_LAST;
        }
        String msg = Errors.LEAVE_MANAGER;
        if (reachable - 2 <= unreachable) {
            msg += String.format(java.util.Locale.ROOT, Errors.LEAVE_QUORUM, reachable - 1, reachable + unreachable);
        }
        return msg + Errors.LEAVE_TAIL;
    }

    // ---- manager services ----

    void startManagerServices() {
        if (joinListener == null || !joinListener.isOpen()) {
            try {
                joinListener = cluster.cluster().transport().listen(machine, MANAGEMENT_PORT, this::acceptJoin);
            } catch (IllegalStateException e) {
                joinListener = null; // already listening (after a restart the stack was rebuilt)
            }
        }
        if (managerLoop == null) {
            scheduleManagerLoop();
        }
    }

    /** Once a second: start the dispatcher on gaining leadership, stop it on losing it. */
    private void scheduleManagerLoop() {
        managerLoop = machine.schedule(Time.SECOND, () -> {
            checkLeadership();
            if (isManager()) {
                scheduleManagerLoop();
            } else {
                managerLoop = null;
            }
        });
    }

    void checkLeadership() {
        RaftCore core = isManager() ? cluster.driver().core(raftId) : null;
        boolean leads = core != null && core.role() == StateRole.LEADER;
        if (leads && (dispatcher == null || dispatcher.term() != core.term())) {
            if (dispatcher != null) {
                dispatcher.stop();
            }
            stopOrchestrator();
            dispatcher = new Dispatcher(this, core.term());
            dispatcher.start();
            orchestrator = new ServiceOrchestrator(this);
            orchestrator.kick();
        } else if (!leads && dispatcher != null) {
            dispatcher.stop();
            dispatcher = null;
            stopOrchestrator();
        }
    }

    private void stopOrchestrator() {
        if (orchestrator != null) {
            orchestrator.stop();
            orchestrator = null;
        }
    }

    /** Asks the leader's orchestrator for a pass soon (a request changed the store). */
    void kickOrchestrator() {
        if (orchestrator != null) {
            orchestrator.kick();
        }
    }

    private void acceptJoin(Connection c) {
        c.setHandler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection conn, Object message) {
                if (message instanceof Wire.JoinRequest req) {
                    handleJoin(req, resp -> conn.send(resp, 512));
                }
            }

            @Override
            public void onClose(Connection conn, CloseReason reason) {
            }
        });
    }

    /** Admits a node: on the leader (a follower hands the request to the leader it knows). */
    void handleJoin(Wire.JoinRequest req, Consumer<Wire.JoinResponse> reply) {
        SwarmNode leader = isManager() ? leaderNode() : null;
        if (leader == null) {
            reply.accept(new Wire.JoinResponse(Errors.NO_LEADER, null, null, 0, List.of()));
            return;
        }
        if (leader != this) {
            leader.handleJoin(req, reply);
            return;
        }
        ClusterStore s = store();
        String newRole = req.token().equals(s.workerToken()) ? "worker"
                : req.token().equals(s.managerToken()) ? "manager" : null;
        if (newRole == null) {
            reply.accept(new Wire.JoinResponse(Errors.WRONG_TOKEN, null, null, 0, List.of()));
            return;
        }
        String id = Ids.newId(random);
        long newRaftId = Ids.raftId(random);
        proposeAll(List.of(ClusterStore.nodeAdd(id, newRaftId, req.hostname(), req.addr(), req.engineVersion(),
                newRole, machine.simulation().now(), req.cpus(), req.memoryBytes())), err -> {
                    if (err != null) {
                        reply.accept(new Wire.JoinResponse(err, null, null, 0, List.of()));
                    } else if (newRole.equals("manager")) {
                        proposeConf(new Command.ConfChange(Command.ConfChange.Op.ADD, newRaftId), err2 ->
                                reply.accept(err2 != null ? new Wire.JoinResponse(err2, null, null, 0, List.of())
                                        : new Wire.JoinResponse(null, id, newRole, newRaftId, managerAddresses())));
                    } else {
                        reply.accept(new Wire.JoinResponse(null, id, newRole, newRaftId, managerAddresses()));
                    }
                });
    }

    /** The managers' addresses from this manager's store, this one first. */
    List<Ipv4> managerAddresses() {
        List<Ipv4> out = new ArrayList<>();
        out.add(addr);
        ClusterStore s = store();
        if (s != null) {
            for (NodeRecord n : s.managers()) {
                Ipv4 a = n.ip;
                if (!out.contains(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    // ---- writes through Raft ----

    /** Commits store commands through the leader; done gets null once they are applied there. */
    public void write(List<String> commands, Consumer<String> done) {
        String err = managerError();
        if (err != null) {
            done.accept(err);
            return;
        }
        // A follower's request reaches the leader as SwarmKit's raft proxy would forward it.
        leaderNode().proposeAll(commands, answerOnce(done));
    }

    /** Promotes or demotes a node: its role in the store, then its Raft membership. */
    public void changeRole(NodeRecord n, String newRole, Consumer<String> done) {
        String err = managerError();
        if (err != null) {
            done.accept(err);
            return;
        }
        SwarmNode leader = leaderNode();
        Consumer<String> once = answerOnce(done);
        leader.proposeAll(List.of(ClusterStore.cmd("node-role", n.id, newRole)), e -> {
            if (e != null) {
                once.accept(e);
                return;
            }
            Command.ConfChange.Op op = newRole.equals("manager") ? Command.ConfChange.Op.ADD
                    : Command.ConfChange.Op.REMOVE;
            leader.proposeConf(new Command.ConfChange(op, n.raftId), once);
        });
    }

    /**
     * The answer to a request handed to the leader, or a deadline error from this node's own clock
     * if none comes (the leader may crash with the request pending).
     */
    private Consumer<String> answerOnce(Consumer<String> done) {
        boolean[] answered = {false};
        EventHandle[] timer = new EventHandle[1];
        Consumer<String> once = e -> {
            if (!answered[0]) {
                answered[0] = true;
                if (timer[0] != null) {
                    timer[0].cancel();
                }
                done.accept(e);
            }
        };
        timer[0] = machine.schedule(Proposer.PROPOSAL_TIMEOUT_NANOS + Time.SECOND, () -> once.accept(Errors.DEADLINE));
        return once;
    }

    void proposeAll(List<String> commands, Consumer<String> done) {
        proposer.proposeAll(commands, done);
    }

    void proposeConf(Command.ConfChange change, Consumer<String> done) {
        proposer.proposeConf(change, done);
    }

    /** Called for every entry this manager's Raft member applies. */
    void applied(Entry entry) {
        proposer.applied(entry);
        if (orchestrator != null && entry.command() instanceof Command.Data) {
            orchestrator.kick();
        }
    }

    // ---- datagrams: heartbeats, acks, leaves ----

    private void onDatagram(Object payload) {
        if (payload instanceof Wire.HeartbeatAck ack) {
            agent.onAck(ack);
            return;
        }
        if (payload instanceof Wire.Assignments as) {
            if (as.nodeId().equals(nodeId) && !locked) {
                List<IngressMesh.Published> ports = new ArrayList<>();
                for (Wire.IngressService svc : as.ingress()) {
                    for (PortConfig p : svc.ports()) {
                        ports.add(new IngressMesh.Published(svc.serviceId(), p.publishedPort(), p.targetPort()));
                    }
                }
                mesh.configure(ports, as.sandboxAddr());
                runner.assign(as);
            }
            return;
        }
        if (payload instanceof Wire.TaskReports reports) {
            if (isManager()) {
                checkLeadership();
                if (dispatcher != null) {
                    dispatcher.reports(reports.nodeId(), reports.reports());
                } else if (leaderNode() != null && leaderNode() != this) {
                    cluster.cluster().transport().sendDatagram(machine, DISPATCHER_PORT,
                            leaderNode().host().address(), DISPATCHER_PORT, payload, 64);
                }
            }
            return;
        }
        if (payload instanceof Wire.LeaveAck ack) {
            if (ack.nodeId().equals(nodeId)) {
                agent.onLeaveAck();
            }
            return;
        }
        if (!(payload instanceof Wire.Heartbeat) && !(payload instanceof Wire.Leave)) {
            return;
        }
        if (!isManager()) {
            return;
        }
        checkLeadership();
        if (dispatcher != null) {
            if (payload instanceof Wire.Heartbeat hb) {
                dispatcher.heartbeat(hb);
            } else {
                dispatcher.leave((Wire.Leave) payload);
            }
            return;
        }
        SwarmNode leader = leaderNode();
        if (leader != null && leader != this) {
            cluster.cluster().transport().sendDatagram(machine, DISPATCHER_PORT, leader.host().address(),
                    DISPATCHER_PORT, payload, 96);
        }
    }

    /** The agent learned its role from the dispatcher: a promoted worker starts its manager. */
    void roleFromDispatcher(String newRole) {
        if (newRole == null || newRole.equals(role) || nodeId == null) {
            return;
        }
        role = newRole;
        if (isManager()) {
            cluster.startRaft(this, raftId, false);
            startManagerServices();
        } else if (dispatcher != null) {
            dispatcher.stop();
            dispatcher = null;
        }
    }

    @Override
    public String toString() {
        return "swarm node on " + host.name();
    }
}
