package clusterlab.swarm.gossip;

import clusterlab.kernel.SimRandom;
import clusterlab.kernel.Simulation;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.machine.MachineListener;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Network;
import clusterlab.kernel.net.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Runs {@link GossipNode}s on simulated machines: datagrams on UDP port 7946, tickers through
 * {@link Machine#schedule} (so they stop when the machine crashes), each ticker starting at a random
 * phase as independent daemons would. A crashed machine loses its node; on restart a fresh node
 * (incarnation 0, empty store) joins again through its seeds and refutes its death. Records trace
 * component "gossip" (probe, ack, suspect, dead, alive, refute, join, sync) while the trace is on.
 */
public final class GossipDriver {
    public static final int PORT = 7946;
    public static final String COMPONENT = "gossip";

    private final class Slot {
        final Machine machine;
        final List<String> seedNames;
        GossipNode node;

        Slot(Machine machine, List<String> seedNames) {
            this.machine = machine;
            this.seedNames = List.copyOf(seedNames);
        }
    }

    /** Told about store changes on any node. */
    public interface KvListener {
        void changed(String node, KvEntry before, KvEntry after);
    }

    private final Simulation sim;
    private final Network network;
    private final Transport transport;
    private final GossipConfig config;
    private final TreeMap<String, Slot> slots = new TreeMap<>();
    private final List<KvListener> kvListeners = new ArrayList<>();
    private final List<MemberListener> memberListeners = new ArrayList<>();

    /** Told when any node's view of another member changes (before is null for a new member). */
    public interface MemberListener {
        void changed(String node, Member before, Member after);
    }

    public void addMemberListener(MemberListener listener) {
        memberListeners.add(listener);
    }

    public GossipDriver(Network network, Transport transport, GossipConfig config) {
        this.sim = network.simulation();
        this.network = network;
        this.transport = transport;
        this.config = config;
    }

    public void addKvListener(KvListener listener) {
        kvListeners.add(listener);
    }

    /** Starts gossip on {@code machine}, joining through the named seed machines (none: the first node). */
    public void addNode(Machine machine, List<String> seedNames) {
        Slot slot = register(machine, seedNames);
        if (machine.isRunning()) {
            boot(slot, List.of());
        }
    }

    /**
     * Starts gossip on every machine as a cluster whose membership has already converged (everyone
     * knows everyone, alive, incarnation 0): the cheap start for large experiments. After a restart a
     * node joins through the first machine of the list (the second, for the first).
     */
    public void addConvergedCluster(List<Machine> machines) {
        List<Slot> added = new ArrayList<>();
        for (int i = 0; i < machines.size(); i++) {
            Machine seed = machines.get(i == 0 && machines.size() > 1 ? 1 : 0);
            added.add(register(machines.get(i), List.of(seed.name())));
        }
        for (Slot slot : added) {
            if (slot.machine.isRunning()) {
                boot(slot, machines);
            }
        }
    }

    private Slot register(Machine machine, List<String> seedNames) {
        if (slots.containsKey(machine.name())) {
            throw new IllegalArgumentException("gossip already runs on " + machine.name());
        }
        Slot slot = new Slot(machine, seedNames);
        slots.put(machine.name(), slot);
        machine.addListener(new MachineListener() {
            @Override
            public void onCrash(Machine m) {
                slot.node = null;
            }

            @Override
            public void onPowerOff(Machine m) {
                slot.node = null;
            }

            @Override
            public void onRestart(Machine m) {
                boot(slot, List.of());
            }
        });
        return slot;
    }

    private void boot(Slot slot, List<Machine> known) {
        Machine machine = slot.machine;
        String prefix = "gossip/" + machine.name() + "/" + machine.incarnation();
        SimRandom random = sim.random().stream(prefix);
        List<Ipv4> seeds = new ArrayList<>();
        for (String s : slot.seedNames) {
            seeds.add(network.addressOf(network.machine(s)));
        }
        GossipNode.Env env = new GossipNode.Env() {
            @Override
            public long now() {
                return sim.now();
            }

            @Override
            public void send(Ipv4 to, GossipMessage message) {
                transport.sendDatagram(machine, PORT, to, PORT, message, message.sizeBytes());
            }

            @Override
            public void schedule(long delayNanos, Runnable action) {
                machine.schedule(delayNanos, action);
            }

            @Override
            public boolean traceOn() {
                return sim.trace().isOn();
            }

            @Override
            public void trace(String kind, Object... keyValues) {
                sim.trace().record(machine.name(), COMPONENT, kind, keyValues);
            }
        };
        GossipNode node = new GossipNode(machine.name(), network.addressOf(machine), config, random, env, seeds);
        node.addKvListener((n, before, after) -> {
            for (KvListener l : kvListeners) {
                l.changed(n.name(), before, after);
            }
        });
        node.addMemberListener((n, before, after) -> {
            for (MemberListener l : memberListeners) {
                l.changed(n.name(), before, after);
            }
        });
        for (Machine m : known) {
            if (m != machine) {
                node.knowMember(m.name(), network.addressOf(m));
            }
        }
        slot.node = node;
        transport.unbindUdp(machine, PORT);
        transport.bindUdp(machine, PORT, d -> {
            if (slot.node == node && d.payload() instanceof GossipMessage m) {
                node.receive(d.src(), m);
            }
        });
        if (known.isEmpty()) {
            node.join();
        }
        SimRandom phases = sim.random().stream(prefix + "/phase");
        ticker(slot, node, config.probeIntervalNanos(), phases, node::probe);
        ticker(slot, node, config.gossipIntervalNanos(), phases, node::gossip);
        ticker(slot, node, config.pushPullIntervalNanos(), phases, node::pushPull);
        ticker(slot, node, config.reconnectIntervalNanos(), phases, node::reconnect);
    }

    /** Runs {@code action} every {@code periodNanos} from a random phase, while this node lives. */
    private void ticker(Slot slot, GossipNode node, long periodNanos, SimRandom phases, Runnable action) {
        long phase = 1 + phases.nextLong(periodNanos);
        slot.machine.schedule(phase, new Runnable() {
            @Override
            public void run() {
                if (slot.node != node) {
                    return;
                }
                action.run();
                slot.machine.schedule(periodNanos, this);
            }
        });
    }

    // ---- access ----

    /** The node running on the named machine, or null while it is down. */
    public GossipNode node(String machineName) {
        Slot slot = slots.get(machineName);
        return slot == null ? null : slot.node;
    }

    /** The live nodes, by machine name. */
    public List<GossipNode> liveNodes() {
        List<GossipNode> live = new ArrayList<>();
        for (Slot s : slots.values()) {
            if (s.node != null) {
                live.add(s.node);
            }
        }
        return live;
    }

    public List<String> names() {
        return List.copyOf(slots.keySet());
    }

    public void publish(String machineName, String key, String value) {
        requireLive(machineName).publish(key, value);
    }

    public void remove(String machineName, String key) {
        requireLive(machineName).remove(key);
    }

    private GossipNode requireLive(String machineName) {
        GossipNode n = node(machineName);
        if (n == null) {
            throw new IllegalStateException("gossip is not running on " + machineName);
        }
        return n;
    }

    public GossipConfig config() {
        return config;
    }
}
