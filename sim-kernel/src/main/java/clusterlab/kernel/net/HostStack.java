package clusterlab.kernel.net;

import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One host's socket table, as a kernel keeps it: listening ports, bound UDP ports and open
 * connections. It takes the packets arriving for its address and hands each to its socket,
 * answering with an RST when a TCP packet belongs to nothing (a closed port, or a connection this
 * host forgot in a crash).
 *
 * <p>It knows only its address and how to put packets out (through the {@link Transport}), so a
 * network namespace can have a stack of its own.
 */
public final class HostStack implements PacketReceiver {
    /** Linux's default ephemeral port range (net.ipv4.ip_local_port_range). */
    public static final int FIRST_EPHEMERAL_PORT = 32768;
    public static final int LAST_EPHEMERAL_PORT = 60999;
    /** Half-open handshakes a listener holds at once, like a SYN backlog; more SYNs are ignored. */
    public static final int LISTEN_BACKLOG = 128;
    /** Bytes of IP and UDP headers on every datagram. */
    public static final int UDP_HEADER_BYTES = 28;

    private final Transport transport;
    private final Machine machine;
    private final String name;
    private final Ipv4 address;
    /** Further addresses on bridges (docker0's 172.17.0.1 on a host), by the subnet they serve. */
    private final TreeMap<Ipv4, Subnet> bridgeAddresses = new TreeMap<>();
    private final TreeMap<Integer, Listener> listeners = new TreeMap<>();
    private final TreeMap<Integer, DatagramHandler> udpBindings = new TreeMap<>();
    /** Open connections by id, in the order they were made (the crash wipes them in this order). */
    private final Map<Long, Connection> connections = new LinkedHashMap<>();
    /** The same connections by their four numbers; only looked up. */
    private final Map<SocketKey, Connection> byKey = new HashMap<>();
    /**
     * Next ephemeral port to try. It survives a crash on purpose: a restarted host that reused a
     * port right away could hit a connection its peer still holds (what TIME_WAIT guards against).
     */
    private int nextEphemeralPort = FIRST_EPHEMERAL_PORT;
    /** Bytes received and sent, as the interface counters {@code docker stats} shows as NET I/O. */
    private long rxBytes;
    private long txBytes;

    HostStack(Transport transport, Machine machine, Ipv4 address) {
        this(transport, machine, machine.name(), address);
    }

    HostStack(Transport transport, Machine machine, String name, Ipv4 address) {
        this.transport = transport;
        this.machine = machine;
        this.name = name;
        this.address = address;
    }

    public Machine machine() {
        return machine;
    }

    /** The machine's name for its own stack; {@code machine/namespace} for a namespace's. */
    public String name() {
        return name;
    }

    public Ipv4 address() {
        return address;
    }

    Transport transport() {
        return transport;
    }

    /** True for this stack's own addresses and 127.0.0.0/8. */
    public boolean isLocal(Ipv4 ip) {
        return ip.isLoopback() || ip.equals(address) || bridgeAddresses.containsKey(ip);
    }

    /** Adds an address on a bridge this stack is the gateway of (docker0's 172.17.0.1/16). */
    public void addBridgeAddress(Ipv4 ip, Subnet subnet) {
        if (!subnet.contains(ip)) {
            throw new IllegalArgumentException(ip + " is not in " + subnet);
        }
        transport.claimAddress(this, ip);
        bridgeAddresses.put(ip, subnet);
    }

    public void removeBridgeAddress(Ipv4 ip) {
        if (bridgeAddresses.remove(ip) != null) {
            transport.releaseAddress(this, ip);
        }
    }

    /** The address packets to {@code dst} leave from: loopback, a bridge address on dst's subnet, or the main one. */
    Ipv4 sourceAddressFor(Ipv4 dst) {
        if (dst.isLoopback()) {
            return Ipv4.LOOPBACK;
        }
        for (var e : bridgeAddresses.entrySet()) {
            if (e.getValue().contains(dst)) {
                return e.getKey();
            }
        }
        return address;
    }

    // ---- sockets ----

    public Listener listen(int port, Acceptor acceptor) {
        checkUserPort(port);
        requireRunning("listen on port " + port);
        if (listeners.containsKey(port)) {
            throw new IllegalStateException("listen tcp 0.0.0.0:" + port + ": bind: address already in use");
        }
        Listener listener = new Listener(this, port, acceptor);
        listeners.put(port, listener);
        trace("listen", "port", port);
        return listener;
    }

    void removeListener(Listener listener) {
        if (listeners.get(listener.port()) == listener) {
            listeners.remove(listener.port());
            trace("unlisten", "port", listener.port());
        }
    }

    public void bindUdp(int port, DatagramHandler handler) {
        checkUserPort(port);
        requireRunning("bind udp port " + port);
        if (udpBindings.containsKey(port)) {
            throw new IllegalStateException("listen udp 0.0.0.0:" + port + ": bind: address already in use");
        }
        udpBindings.put(port, handler);
    }

    public boolean unbindUdp(int port) {
        return udpBindings.remove(port) != null;
    }

    /** Listening ports, ascending. */
    public List<Integer> listeningPorts() {
        return new ArrayList<>(listeners.keySet());
    }

    public List<Integer> udpPorts() {
        return new ArrayList<>(udpBindings.keySet());
    }

    /** Open connections (handshakes under way included), oldest first. */
    public List<Connection> connections() {
        return new ArrayList<>(connections.values());
    }

    public void sendDatagram(int srcPort, Ipv4 dst, int dstPort, Object payload, int sizeBytes) {
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("datagram size must not be negative, was " + sizeBytes);
        }
        requireRunning("send a datagram");
        Ipv4 src = sourceAddressFor(dst);
        txBytes += UDP_HEADER_BYTES + sizeBytes;
        transport.transmit(this, new Packet(src, srcPort, dst, dstPort, Protocol.UDP, payload,
                UDP_HEADER_BYTES + sizeBytes));
    }

    public void connect(Ipv4 to, int port, long connectTimeoutNanos, ConnectCallback callback) {
        checkUserPort(port);
        if (connectTimeoutNanos <= 0) {
            throw new IllegalArgumentException("connect timeout must be positive, was " + connectTimeoutNanos + " ns");
        }
        requireRunning("connect to " + to + ":" + port);
        Ipv4 local = sourceAddressFor(to);
        SocketKey key = new SocketKey(local, allocateEphemeralPort(local, to, port), to, port);
        Connection connection = new Connection(transport.nextConnectionId(), this, key, Connection.State.SYN_SENT);
        trace("connect", "conn", connection.id(), "dst", to + ":" + port);
        if (!isLocal(to) && !transport.isOnSameMachine(this, to) && !transport.network().hasRoute(machine, to)) {
            trace("unreachable", "conn", connection.id());
            // Reported from an event, never inside the caller's connect.
            machine.schedule(0, () -> callback.failed(ConnectFailure.UNREACHABLE));
            return;
        }
        register(connection);
        connection.startConnect(callback, connectTimeoutNanos);
    }

    private int allocateEphemeralPort(Ipv4 local, Ipv4 remote, int remotePort) {
        int range = LAST_EPHEMERAL_PORT - FIRST_EPHEMERAL_PORT + 1;
        for (int tries = 0; tries < range; tries++) {
            int candidate = nextEphemeralPort;
            nextEphemeralPort = candidate == LAST_EPHEMERAL_PORT ? FIRST_EPHEMERAL_PORT : candidate + 1;
            if (!listeners.containsKey(candidate)
                    && !byKey.containsKey(new SocketKey(local, candidate, remote, remotePort))) {
                return candidate;
            }
        }
        throw new IllegalStateException(name() + ": connect to " + remote + ":" + remotePort
                + ": cannot assign requested address (ephemeral ports exhausted)");
    }

    // ---- packets ----

    /** Bytes this stack received (all packets addressed to it). */
    public long rxBytes() {
        return rxBytes;
    }

    /** Bytes this stack sent. */
    public long txBytes() {
        return txBytes;
    }

    @Override
    public void receive(Packet packet) {
        rxBytes += packet.sizeBytes();
        if (packet.proto() == Protocol.UDP) {
            DatagramHandler handler = udpBindings.get(packet.dstPort());
            if (handler != null) {
                handler.onDatagram(new Datagram(packet.src(), packet.srcPort(), packet.dst(), packet.dstPort(),
                        packet.payload(), packet.sizeBytes() - UDP_HEADER_BYTES));
            }
            return;
        }
        if (!(packet.payload() instanceof Segment segment)) {
            throw new IllegalArgumentException(name() + ": a TCP packet must carry a transport segment: " + packet);
        }
        SocketKey key = SocketKey.ofArrival(packet);
        Connection connection = byKey.get(key);
        if (connection != null) {
            connection.onSegment(segment);
            return;
        }
        if (segment instanceof Segment.Syn) {
            Listener listener = listeners.get(packet.dstPort());
            if (listener == null) {
                reset(key);
                return;
            }
            if (listener.pendingHandshakes() >= LISTEN_BACKLOG) {
                return;
            }
            Connection accepted = new Connection(transport.nextConnectionId(), this, key, Connection.State.SYN_RCVD);
            register(accepted);
            accepted.startAccept(listener);
            return;
        }
        if (!(segment instanceof Segment.Rst)) {
            reset(key);
        }
    }

    /** Answers a packet that belongs to no socket here: RST, so the sender stops. */
    private void reset(SocketKey key) {
        trace("send-reset", "dst", key.remoteAddress() + ":" + key.remotePort(), "port", key.localPort());
        transmit(key, new Segment.Rst(), Segment.HEADER_BYTES);
    }

    /** Sends a segment of the connection named by {@code key}. */
    void transmit(SocketKey key, Segment segment, int wireBytes) {
        txBytes += wireBytes;
        transport.transmit(this, new Packet(key.localAddress(), key.localPort(), key.remoteAddress(), key.remotePort(),
                Protocol.TCP, segment, wireBytes));
    }

    void register(Connection connection) {
        connections.put(connection.id(), connection);
        byKey.put(connection.key(), connection);
    }

    void unregister(Connection connection) {
        connections.remove(connection.id());
        byKey.remove(connection.key(), connection);
    }

    /** The host lost power: every socket is gone at once, and nobody is told. */
    void wipe() {
        int connectionCount = connections.size();
        for (Connection connection : List.copyOf(connections.values())) {
            connection.discard();
        }
        connections.clear();
        byKey.clear();
        for (Listener listener : listeners.values()) {
            listener.discard();
        }
        listeners.clear();
        udpBindings.clear();
        trace("wipe", "connections", connectionCount);
    }

    void trace(String kind, Object... fields) {
        Trace trace = machine.simulation().trace();
        if (trace.isOn()) {
            trace.record(name, "tcp", kind, fields);
        }
    }

    private void requireRunning(String what) {
        if (!machine.isRunning()) {
            throw new IllegalStateException(name() + " is not running: cannot " + what);
        }
    }

    private static void checkUserPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    @Override
    public String toString() {
        return name() + " (" + address + "): " + listeners.size() + " listening, " + udpBindings.size()
                + " udp, " + connections.size() + " connections";
    }
}
