package clusterlab.kernel.net;

import clusterlab.kernel.SimRandom;
import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.trace.Trace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jgrapht.Graph;
import org.jgrapht.graph.SimpleGraph;

/**
 * The wire between the simulation's machines: a graph of machines and switches joined by links,
 * packets travelling hop by hop as simulation events, and the faults of the world (loss,
 * duplication, jitter, partitions, one-way blocks, cut links, crashed hosts).
 *
 * <p>By default it is the lab's flat machine network, like Play with Docker: one switch
 * {@value #DEFAULT_SWITCH} for 192.168.0.0/24, node i at 192.168.0.(10+i).
 *
 * <p>All randomness comes from the simulation's stream {@value #RANDOM_STREAM}, drawn in event
 * order, so a seed fixes every loss, duplicate and delay.
 */
public final class Network {
    public static final String DEFAULT_SWITCH = "sw0";
    public static final Subnet DEFAULT_SUBNET = Subnet.parse("192.168.0.0/24");
    /** Host index of the first machine attached without an explicit address (node1 = .11). */
    public static final int FIRST_HOST_INDEX = 11;
    /** A packet to one's own address goes through the kernel's loopback, never the wire. */
    public static final long LOOPBACK_DELAY_NANOS = 20 * Time.MICROSECOND;
    /**
     * Longest a packet may wait behind others on one link direction before the switch tail-drops
     * it; this bounds the events a flood can queue.
     */
    public static final long MAX_QUEUE_DELAY_NANOS = 5 * Time.SECOND;
    public static final String RANDOM_STREAM = "net";

    private final Simulation sim;
    private final SimRandom random;
    private final Trace trace;
    private final Graph<String, Link> graph = new SimpleGraph<>(Link.class);
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Set<String> switches = new LinkedHashSet<>();
    private final Map<String, Ipv4> addressOf = new HashMap<>();
    private final Map<Ipv4, Machine> machineAt = new HashMap<>();
    private final Map<String, PacketReceiver> receivers = new HashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Consumer<Machine>> attachListeners = new ArrayList<>();
    private final Routes routes = new Routes(graph, machines.keySet());
    private final NetworkFaults faults = new NetworkFaults();
    private LinkSettings defaultSettings = LinkSettings.DEFAULT;
    /** The machines' subnet: addresses from host index {@value #FIRST_HOST_INDEX} on. */
    private final Subnet subnet;
    /** The next host index to try for {@link #attach(Machine)}: addresses are never reused. */
    private long nextHostIndex = FIRST_HOST_INDEX;

    private long packetIds;
    private long packetsSent;
    private long packetsDelivered;
    private long packetsDuplicated;
    private final EnumMap<DropReason, Long> dropped = new EnumMap<>(DropReason.class);

    public Network(Simulation sim) {
        this(sim, DEFAULT_SUBNET);
    }

    /** A flat machine network on {@code subnet} (a /16 holds the 10,000-node experiments). */
    public Network(Simulation sim, Subnet subnet) {
        if (subnet.size() < FIRST_HOST_INDEX + 2) {
            throw new IllegalArgumentException("subnet " + subnet + " is too small for machines from ." + FIRST_HOST_INDEX);
        }
        this.subnet = subnet;
        this.sim = sim;
        this.random = sim.random().stream(RANDOM_STREAM);
        this.trace = sim.trace();
        addSwitch(DEFAULT_SWITCH);
    }

    public Simulation simulation() {
        return sim;
    }

    public Subnet subnet() {
        return subnet;
    }

    // ---- topology ----

    /** Adds a switch: a node that forwards packets but has no address. */
    public void addSwitch(String name) {
        requireNewNode(name);
        switches.add(name);
        graph.addVertex(name);
        routes.invalidate();
    }

    /** Attaches a machine to {@value #DEFAULT_SWITCH} with the next free address from .11 on. */
    public Ipv4 attach(Machine machine) {
        for (long host = nextHostIndex; host < subnet.size() - 1; host++) {
            Ipv4 candidate = subnet.address(host);
            if (!machineAt.containsKey(candidate)) {
                nextHostIndex = host + 1;
                attach(machine, candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("no free address left in " + subnet + " for " + machine.name());
    }

    /** Attaches a machine with the given address to {@value #DEFAULT_SWITCH} by a default link. */
    public void attach(Machine machine, Ipv4 address) {
        addMachine(machine, address);
        connect(machine.name(), DEFAULT_SWITCH, defaultSettings);
    }

    /** Adds a machine with its address but no link, for topologies built with {@link #connect}. */
    public void addMachine(Machine machine, Ipv4 address) {
        if (machine.simulation() != sim) {
            throw new IllegalArgumentException("machine " + machine.name() + " belongs to another simulation");
        }
        requireNewNode(machine.name());
        if (address.isLoopback() || address.equals(Ipv4.ANY)) {
            throw new IllegalArgumentException(address + " cannot be a machine's network address");
        }
        Machine holder = machineAt.get(address);
        if (holder != null) {
            throw new IllegalArgumentException("address " + address + " is already used by " + holder.name());
        }
        machines.put(machine.name(), machine);
        addressOf.put(machine.name(), address);
        machineAt.put(address, machine);
        graph.addVertex(machine.name());
        routes.invalidate();
        trace.record(machine.name(), "net", "attach", "address", address.toString());
        for (Consumer<Machine> listener : List.copyOf(attachListeners)) {
            listener.accept(machine);
        }
    }

    /** Joins two nodes (machine or switch names) by a link with the default settings. */
    public Link connect(String nodeA, String nodeB) {
        return connect(nodeA, nodeB, defaultSettings);
    }

    /** Joins two nodes (machine or switch names) by a link. */
    public Link connect(String nodeA, String nodeB, LinkSettings settings) {
        requireNode(nodeA);
        requireNode(nodeB);
        if (nodeA.equals(nodeB)) {
            throw new IllegalArgumentException("cannot link " + nodeA + " to itself");
        }
        if (graph.containsEdge(nodeA, nodeB)) {
            throw new IllegalArgumentException(nodeA + " and " + nodeB + " are already linked");
        }
        Link link = new Link(nodeA, nodeB, settings);
        graph.addEdge(nodeA, nodeB, link);
        links.add(link);
        routes.invalidate();
        return link;
    }

    /** The link between two nodes. */
    public Link link(String nodeA, String nodeB) {
        requireNode(nodeA);
        requireNode(nodeB);
        Link link = graph.getEdge(nodeA, nodeB);
        if (link == null) {
            throw new IllegalArgumentException("no link between " + nodeA + " and " + nodeB);
        }
        return link;
    }

    /** Every link, in the order they were made. */
    public List<Link> links() {
        return List.copyOf(links);
    }

    /** Called with each machine added from now on (a transport registers its stack this way). */
    public void addAttachListener(Consumer<Machine> listener) {
        attachListeners.add(listener);
    }

    /** Sets the network stack that takes the packets arriving at a machine. */
    public void setReceiver(Machine machine, PacketReceiver receiver) {
        requireMachine(machine.name());
        receivers.put(machine.name(), receiver);
    }

    // ---- lookups ----

    public Ipv4 addressOf(Machine machine) {
        Ipv4 address = addressOf.get(machine.name());
        if (address == null || machines.get(machine.name()) != machine) {
            throw new IllegalArgumentException("machine " + machine.name() + " is not attached to the network");
        }
        return address;
    }

    /** The machine with this address, or null. */
    public Machine machineAt(Ipv4 address) {
        return machineAt.get(address);
    }

    /** The machine with this name, or null. */
    public Machine machine(String name) {
        return machines.get(name);
    }

    /** Machines in the order they were attached. */
    public List<Machine> machines() {
        return List.copyOf(machines.values());
    }

    public List<String> switches() {
        return List.copyOf(switches);
    }

    /**
     * True when some path of working links leads from the machine to the address: what a routing
     * table knows. Partitions and blocks are invisible here, as a silent switch failure is.
     */
    public boolean hasRoute(Machine from, Ipv4 to) {
        Machine target = machineAt.get(to);
        if (target == null) {
            return false;
        }
        return target == from || !routes.path(from.name(), target.name()).isEmpty();
    }

    // ---- faults: settings of the world ----

    /** Sets the loss probability of every link (and of links made later by default). */
    public void setLoss(double probability) {
        defaultSettings = defaultSettings.withLoss(probability);
        links.forEach(l -> l.setSettings(l.settings().withLoss(probability)));
        trace.record("", "net", "set-loss", "perMillion", Math.round(probability * 1_000_000));
    }

    public void setDuplication(double probability) {
        defaultSettings = defaultSettings.withDuplication(probability);
        links.forEach(l -> l.setSettings(l.settings().withDuplication(probability)));
        trace.record("", "net", "set-duplication", "perMillion", Math.round(probability * 1_000_000));
    }

    public void setLatency(LatencyModel model) {
        defaultSettings = defaultSettings.withLatency(model);
        links.forEach(l -> l.setSettings(l.settings().withLatency(model)));
        trace.record("", "net", "set-latency", "model", model.toString());
    }

    public void setBandwidth(long bitsPerSecond) {
        defaultSettings = defaultSettings.withBandwidth(bitsPerSecond);
        links.forEach(l -> l.setSettings(l.settings().withBandwidth(bitsPerSecond)));
        trace.record("", "net", "set-bandwidth", "bitsPerSecond", bitsPerSecond);
    }

    public LinkSettings defaultSettings() {
        return defaultSettings;
    }

    /**
     * Splits the machines into groups that cannot reach each other (both ways). Machines not named
     * form one more group together. Replaces any partition in force.
     */
    public void partition(List<Set<String>> groups) {
        for (Set<String> group : groups) {
            group.forEach(this::requireMachine);
        }
        faults.partition(groups);
        List<String> described = new ArrayList<>();
        for (Set<String> group : groups) {
            described.add(String.join(",", new java.util.TreeSet<>(group)));
        }
        trace.record("", "net", "partition", "groups", described);
    }

    /** Drops every packet from {@code from} to {@code to}; the other direction still works. */
    public void block(String from, String to) {
        requireMachine(from);
        requireMachine(to);
        faults.block(from, to);
        trace.record(from, "net", "block", "to", to);
    }

    public void unblock(String from, String to) {
        if (faults.unblock(from, to)) {
            trace.record(from, "net", "unblock", "to", to);
        }
    }

    /** Clears every partition and block (links that are down stay down). */
    public void heal() {
        faults.heal();
        trace.record("", "net", "heal");
    }

    public boolean isPartitioned() {
        return faults.isPartitioned();
    }

    /** One-way blocks in force, as [from, to] pairs, sorted. */
    public List<List<String>> blocks() {
        return faults.blocks();
    }

    public void linkDown(String nodeA, String nodeB) {
        setLinkUp(link(nodeA, nodeB), false);
    }

    public void linkUp(String nodeA, String nodeB) {
        setLinkUp(link(nodeA, nodeB), true);
    }

    private void setLinkUp(Link link, boolean up) {
        if (link.isUp() == up) {
            return;
        }
        link.setUp(up);
        routes.invalidate();
        trace.record("", "net", up ? "link-up" : "link-down", "a", link.a(), "b", link.b());
    }

    // ---- packets ----

    /**
     * Puts a packet on the wire from the machine that owns its source address. Delivery, loss or
     * duplication happen later as simulation events; the sender learns nothing here.
     *
     * @throws IllegalArgumentException if no machine owns the source address
     */
    public void send(Packet packet) {
        Machine source = machineAt.get(packet.src());
        if (source == null) {
            throw new IllegalArgumentException("no machine has the source address of " + packet);
        }
        long id = ++packetIds;
        packetsSent++;
        if (trace.isOn()) {
            trace.record(source.name(), "net", "send", "id", id, "proto", packet.proto().label(),
                    "src", packet.src() + ":" + packet.srcPort(), "dst", packet.dst() + ":" + packet.dstPort(),
                    "size", packet.sizeBytes());
        }
        if (!source.isRunning()) {
            drop(id, source.name(), DropReason.CRASHED);
            return;
        }
        Machine target = machineAt.get(packet.dst());
        if (target == null) {
            drop(id, source.name(), DropReason.NO_ROUTE);
            return;
        }
        if (target == source) {
            sim.schedule(LOOPBACK_DELAY_NANOS, () -> arrive(packet, id, source, target, null));
            return;
        }
        DropReason blocked = faults.check(source.name(), target.name());
        if (blocked != null) {
            drop(id, source.name(), blocked);
            return;
        }
        List<Routes.Hop> path = routes.path(source.name(), target.name());
        if (path.isEmpty()) {
            drop(id, source.name(), DropReason.NO_ROUTE);
            return;
        }
        forward(packet, id, source, target, path, 0);
    }

    /** Sends the packet over hop {@code hopIndex} of its path (now, or behind the packets queued there). */
    private void forward(Packet packet, long id, Machine source, Machine target, List<Routes.Hop> path, int hopIndex) {
        Routes.Hop hop = path.get(hopIndex);
        Link link = hop.link();
        // The link just crossed may have gone down under the packet, the next one before it.
        if (!link.isUp() || (hopIndex > 0 && !path.get(hopIndex - 1).link().isUp())) {
            drop(id, source.name(), DropReason.LINK_DOWN);
            return;
        }
        LinkSettings settings = link.settings();
        if (random.chance(settings.lossProbability())) {
            drop(id, source.name(), DropReason.LOSS);
            return;
        }
        int copies = 1;
        if (random.chance(settings.duplicateProbability())) {
            copies = 2;
            packetsDuplicated++;
        }
        long now = sim.now();
        long transmissionNanos = settings.transmissionNanos(packet.sizeBytes());
        boolean lastHop = hopIndex + 1 == path.size();
        for (int copy = 0; copy < copies; copy++) {
            if (link.busyUntilNanos(hop.direction()) - now > MAX_QUEUE_DELAY_NANOS) {
                drop(id, source.name(), DropReason.QUEUE_FULL);
                continue;
            }
            long onWireNanos = link.reserve(hop.direction(), now, transmissionNanos);
            long arrivalNanos = onWireNanos + settings.latency().sampleNanos(random);
            if (lastHop) {
                sim.at(arrivalNanos, () -> arrive(packet, id, source, target, link));
            } else {
                sim.at(arrivalNanos, () -> forward(packet, id, source, target, path, hopIndex + 1));
            }
        }
    }

    /** The packet reached its destination's network card: hand it over if the host can take it. */
    private void arrive(Packet packet, long id, Machine source, Machine target, Link lastLink) {
        if (lastLink != null && !lastLink.isUp()) {
            drop(id, target.name(), DropReason.LINK_DOWN);
            return;
        }
        if (!target.isRunning()) {
            drop(id, target.name(), DropReason.CRASHED);
            return;
        }
        // A partition or block made while the packet travelled stops it too (the cable was pulled).
        DropReason blocked = source == target ? null : faults.check(source.name(), target.name());
        if (blocked != null) {
            drop(id, target.name(), blocked);
            return;
        }
        PacketReceiver receiver = receivers.get(target.name());
        if (receiver == null) {
            drop(id, target.name(), DropReason.NO_RECEIVER);
            return;
        }
        packetsDelivered++;
        if (trace.isOn()) {
            trace.record(target.name(), "net", "deliver", "id", id);
        }
        receiver.receive(packet);
    }

    private void drop(long id, String where, DropReason reason) {
        dropped.merge(reason, 1L, Long::sum);
        if (trace.isOn()) {
            trace.record(where, "net", "drop", "id", id, "reason", reason.label());
        }
    }

    // ---- counters ----

    public long packetsSent() {
        return packetsSent;
    }

    /** Packets handed to a receiver (duplicates count each time they arrive). */
    public long packetsDelivered() {
        return packetsDelivered;
    }

    public long packetsDuplicated() {
        return packetsDuplicated;
    }

    public long packetsDropped(DropReason reason) {
        return dropped.getOrDefault(reason, 0L);
    }

    public long packetsDropped() {
        long total = 0;
        for (long n : dropped.values()) {
            total += n;
        }
        return total;
    }

    private void requireNewNode(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("node name is empty");
        }
        if (graph.containsVertex(name)) {
            throw new IllegalArgumentException("the network already has a node named " + name);
        }
    }

    private void requireNode(String name) {
        if (!graph.containsVertex(name)) {
            throw new IllegalArgumentException("the network has no machine or switch named " + name);
        }
    }

    private void requireMachine(String name) {
        if (!machines.containsKey(name)) {
            throw new IllegalArgumentException("the network has no machine named " + name);
        }
    }
}
