package clusterlab.swarm.raft;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.machine.MachineListener;
import clusterlab.kernel.net.Network;
import clusterlab.kernel.net.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs RaftCore nodes on simulated machines: ticks every {@code tickNanos} through
 * {@link Machine#schedule} (so ticks stop when the machine crashes), sends messages as UDP
 * datagrams on port 2377 (Raft tolerates their loss, duplication and reordering), keeps
 * {@link RaftStorage} in {@link Machine#durable()} and rebuilds the core from it on restart, hands
 * committed entries to an {@link Application}, and records every {@link RaftEvent} in the trace
 * (component "raft").
 */
public final class RaftDriver {
    public static final int PORT = 2377;
    public static final String STORAGE_KEY = "raft/storage";
    /** Bounds the Ready loop after one input; each round either makes progress or ends it. */
    private static final int MAX_READY_ROUNDS = 64;

    /** The replicated state machine of one node (volatile: rebuilt from the snapshot after a crash). */
    public interface Application {
        void apply(long node, Entry entry);

        /** The node's state, encoded, for a snapshot as of its last applied entry. */
        String snapshot(long node);

        /** Replace the node's state by the snapshot's (after an install, or on boot). */
        void restore(long node, Snapshot snapshot);
    }

    /** Called after every input a node handled (for the invariant checker). */
    public interface StepObserver {
        void afterStep(RaftDriver driver);
    }

    private final class Node {
        final long id;
        final Machine machine;
        RaftCore core;
        boolean stopped;

        Node(long id, Machine machine) {
            this.id = id;
            this.machine = machine;
        }
    }

    private final Simulation sim;
    private final Network network;
    private final Transport transport;
    private final RaftConfig template;
    private final long tickNanos;
    /** How long persisting a Ready's hard state or entries takes before its messages may leave. */
    private long diskWriteNanos;
    private long tickPhaseSpreadNanos;
    private final Application app;
    private final TreeMap<Long, Node> nodes = new TreeMap<>();
    private StepObserver observer = d -> { };
    /** Whether a restarted member may boot Raft now (an autolocked manager waits to be unlocked). */
    private java.util.function.LongPredicate bootGate = id -> true;

    public RaftDriver(Network network, Transport transport, RaftConfig template, long tickNanos, Application app) {
        if (tickNanos <= 0) {
            throw new IllegalArgumentException("tick must be positive");
        }
        this.sim = network.simulation();
        this.network = network;
        this.transport = transport;
        this.template = template;
        this.tickNanos = tickNanos;
        this.tickPhaseSpreadNanos = tickNanos;
        this.app = app;
    }

    /** SwarmKit's tick: 1 s. */
    /**
     * How far apart in time the nodes' tickers may start (default: one tick, uniformly). Zero
     * makes every node tick at the same instants, as perfectly synchronized timers would.
     */
    public void setTickPhaseSpreadNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative tick phase spread " + nanos);
        }
        this.tickPhaseSpreadNanos = nanos;
    }

    /** Sets the latency of a synchronous disk write (default 0: instant). */
    public void setDiskWriteNanos(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("negative disk write latency " + nanos);
        }
        this.diskWriteNanos = nanos;
    }

    public static long defaultTickNanos() {
        return Time.SECOND;
    }

    public void setObserver(StepObserver observer) {
        this.observer = observer;
    }

    /**
     * Starts Raft on {@code machine} as node {@code id}: a founding member of {@code initialVoters},
     * or (if that list is empty) a node joining an existing cluster.
     */
    public void addNode(long id, Machine machine, List<Long> initialVoters) {
        if (nodes.containsKey(id)) {
            throw new IllegalArgumentException("node " + id + " exists");
        }
        Node n = new Node(id, machine);
        nodes.put(id, n);
        machine.durable().putIfAbsent(STORAGE_KEY,
                initialVoters.isEmpty() ? RaftStorage.joining() : RaftStorage.bootstrap(initialVoters));
        machine.addListener(new MachineListener() {
            @Override
            public void onCrash(Machine m) {
                n.core = null;
            }

            @Override
            public void onPowerOff(Machine m) {
                n.core = null;
            }

            @Override
            public void onRestart(Machine m) {
                if (!n.stopped && bootGate.test(n.id)) {
                    boot(n);
                }
            }
        });
        if (machine.isRunning()) {
            boot(n);
        }
    }

    private void boot(Node n) {
        RaftStorage storage = storage(n);
        n.core = RaftCore.restore(template.withId(n.id), storage,
                sim.random().stream("raft/" + n.machine.name() + "/" + n.machine.incarnation()));
        app.restore(n.id, storage.snapshot());
        sim.trace().record(n.machine.name(), "raft", "boot", "id", n.id, "term", storage.hardState().term(),
                "commit", storage.hardState().commit(), "snapshot", storage.snapshot().index());
        transport.unbindUdp(n.machine, PORT);
        transport.bindUdp(n.machine, PORT, d -> {
            if (n.core != null && d.payload() instanceof Message m && m.to() == n.id) {
                n.core.step(m);
                handleReady(n);
            }
        });
        // Machines boot at unrelated moments: each node's ticker has its own phase, so two nodes'
        // timers never expire in lockstep merely because they started together.
        long phase = tickPhaseSpreadNanos == 0 ? 0
                : sim.random().stream("raft/" + n.machine.name() + "/tick-phase/" + n.machine.incarnation())
                        .nextLong(tickPhaseSpreadNanos);
        scheduleTick(n, phase);
        if (n.core.voters().equals(java.util.Set.of(n.id))) {
            // SwarmKit: "If we are the only registered member after restoring from the state,
            // campaign to be the leader" — a lone manager leads again at once after a restart.
            n.core.campaign();
        }
        handleReady(n);
    }

    private void scheduleTick(Node n) {
        scheduleTick(n, 0);
    }

    private void scheduleTick(Node n, long extraDelayNanos) {
        n.machine.schedule(tickNanos + extraDelayNanos, () -> {
            if (n.core != null) {
                n.core.tick();
                handleReady(n);
                scheduleTick(n);
            }
        });
    }

    private static RaftStorage storage(Node n) {
        return (RaftStorage) n.machine.durable().get(STORAGE_KEY);
    }

    private void handleReady(Node n) {
        for (int round = 0; round < MAX_READY_ROUNDS && n.core != null && n.core.hasReady(); round++) {
            Ready rd = n.core.ready();
            if (sim.trace().isOn()) {
                for (RaftEvent e : rd.events()) {
                    sim.trace().record(n.machine.name(), "raft", e.kind(), e.fields());
                }
            }
            RaftStorage storage = storage(n);
            storage.persist(rd);
            if (rd.snapshot() != null) {
                app.restore(n.id, rd.snapshot());
            }
            // A reply leaves only once what it promises is on disk (a vote granted, entries
            // appended): a synchronous write takes diskWriteNanos. Requests (votes asked for,
            // appends and heartbeats) go out at once, writing in parallel as etcd's leader does.
            boolean wrote = rd.hardState() != null || !rd.entries().isEmpty();
            for (Message m : rd.messages()) {
                Node to = nodes.get(m.to());
                if (to == null) {
                    continue;
                }
                long sendDelay = wrote && isReply(m) ? diskWriteNanos : 0;
                if (sendDelay == 0) {
                    transport.sendDatagram(n.machine, PORT, network.addressOf(to.machine), PORT, m, sizeOf(m));
                } else {
                    n.machine.schedule(sendDelay, () -> transport.sendDatagram(n.machine, PORT,
                            network.addressOf(to.machine), PORT, m, sizeOf(m)));
                }
            }
            for (Entry e : rd.committedEntries()) {
                app.apply(n.id, e);
            }
            n.core.advance(rd);
            if (n.core.snapshotDue()) {
                Snapshot s = n.core.takeSnapshot(app.snapshot(n.id));
                storage.compact(s, n.core.logOffset());
            }
        }
        observer.afterStep(this);
    }

    private static boolean isReply(Message m) {
        return m instanceof Message.VoteResp || m instanceof Message.PreVoteResp || m instanceof Message.AppResp
                || m instanceof Message.HeartbeatResp;
    }

    private static int sizeOf(Message m) {
        if (m instanceof Message.App a) {
            return 64 + 32 * a.entries().size();
        }
        if (m instanceof Message.Snap s) {
            return 128 + s.snapshot().data().length();
        }
        return 64;
    }

    // ---- client side ----

    /** Proposes on node {@code id}; returns the entry's index, or 0 if the node is down or not the leader. */
    public long propose(long id, Command command) {
        Node n = nodes.get(id);
        if (n == null || n.core == null) {
            return 0;
        }
        long index = n.core.propose(command);
        handleReady(n);
        return index;
    }

    /**
     * Starts an election on node {@code id} now (etcd's Node.Campaign): SwarmKit's first manager
     * does this on bootstrap so that {@code swarm init} does not wait out an election timeout.
     */
    public void campaign(long id) {
        Node n = nodes.get(id);
        if (n != null && n.core != null) {
            n.core.campaign();
            handleReady(n);
        }
    }

    /**
     * Stops node {@code id} for good (a manager that left the swarm with --force): it no longer
     * ticks, receives or votes, and does not come back when its machine restarts.
     */
    public void stopNode(long id) {
        Node n = nodes.remove(id);
        if (n != null) {
            n.stopped = true;
            if (n.core != null) {
                n.core = null;
                transport.unbindUdp(n.machine, PORT);
            }
        }
    }

    /** Whether node {@code id} was ever added (it stays known across crashes). */
    public boolean hasNode(long id) {
        return nodes.containsKey(id);
    }

    /** Asks node {@code id} (or the leader it knows) to hand leadership to {@code transferee}. */
    public void transferLeadership(long id, long transferee) {
        Node n = nodes.get(id);
        if (n != null && n.core != null) {
            n.core.transferLeadership(transferee);
            handleReady(n);
        }
    }

    /** The live cores, by id. */
    public List<RaftCore> liveCores() {
        List<RaftCore> live = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (n.core != null) {
                live.add(n.core);
            }
        }
        return live;
    }

    /** The live leader with the highest term, or 0. */
    public long leader() {
        long best = 0;
        long bestTerm = -1;
        for (Node n : nodes.values()) {
            if (n.core != null && n.core.role() == StateRole.LEADER && n.core.term() > bestTerm) {
                best = n.id;
                bestTerm = n.core.term();
            }
        }
        return best;
    }

    /**
     * Makes node {@code id} a one-member cluster keeping its committed log (after a lost quorum).
     * The node restarts its core from the rewritten storage and campaigns at once.
     */
    public void forceNewCluster(long id) {
        Node n = nodes.get(id);
        if (n == null || n.core == null) {
            throw new IllegalStateException("node " + id + " is not running");
        }
        RaftStorage storage = storage(n);
        storage.forceNewCluster(id, n.core.voters());
        n.core = RaftCore.restore(template.withId(n.id), storage,
                sim.random().stream("raft/" + n.machine.name() + "/" + n.machine.incarnation() + "/forced"));
        app.restore(n.id, storage.snapshot()); // the state machine is rebuilt from the kept log, as on a boot
        sim.trace().record(n.machine.name(), "raft", "force-new-cluster", "id", id, "commit",
                storage.hardState().commit());
        n.core.campaign();
        handleReady(n);
    }

    /**
     * Decides, at each machine restart, whether a member boots Raft at once; one held back boots
     * on {@link #release}.
     */
    public void setBootGate(java.util.function.LongPredicate gate) {
        this.bootGate = gate;
    }

    /** Boots a member the boot gate held back after its machine restarted. */
    public void release(long id) {
        Node n = nodes.get(id);
        if (n != null && !n.stopped && n.core == null && n.machine.isRunning()) {
            boot(n);
        }
    }

    /** The configuration every member starts from (its id aside). */
    public RaftConfig template() {
        return template;
    }

    public RaftCore core(long id) {
        Node n = nodes.get(id);
        return n == null ? null : n.core;
    }

    public Machine machine(long id) {
        return nodes.get(id).machine;
    }
}
