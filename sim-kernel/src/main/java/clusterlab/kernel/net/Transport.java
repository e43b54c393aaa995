package clusterlab.kernel.net;

import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.machine.MachineListener;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The connection layer over a {@link Network}: UDP-like datagrams and TCP-like connections for
 * every attached machine. HTTP, Raft RPCs and gossip run on it.
 *
 * <p>One {@link HostStack} per machine holds its sockets; a crash or power-off wipes it, so a peer
 * learns of the crash only the way a real one does: through retransmission timeouts, or an RST
 * once the machine is back and hears of a connection it forgot.
 */
public final class Transport {
    /** Linux's tcp_retries2: about 15 minutes of retransmissions before a connection is broken. */
    public static final int DEFAULT_MAX_RETRANSMISSIONS = 15;
    /** Linux's tcp_synack_retries. */
    public static final int DEFAULT_MAX_SYNACK_RETRIES = 5;

    private final Network network;
    private final Map<String, HostStack> stacks = new LinkedHashMap<>();
    /**
     * The addresses each stack of a machine owns, per machine (two machines may both have a
     * container at 172.17.0.2), to deliver traffic that stays inside one machine across bridges.
     */
    private final Map<String, Map<Ipv4, HostStack>> addressesByMachine = new java.util.HashMap<>();
    /** Namespace stacks per machine, in creation order (a crash removes them all). */
    private final Map<String, java.util.List<HostStack>> namespaceStacks = new LinkedHashMap<>();
    /** A hop across a Linux bridge inside one machine: veth and bridge forwarding. */
    public static final long BRIDGE_DELAY_NANOS = 30_000;
    private long connectionIds;
    private int maxRetransmissions = DEFAULT_MAX_RETRANSMISSIONS;
    private int maxSynAckRetries = DEFAULT_MAX_SYNACK_RETRIES;

    public Transport(Network network) {
        this.network = network;
        for (Machine machine : network.machines()) {
            adopt(machine);
        }
        network.addAttachListener(this::adopt);
    }

    private void adopt(Machine machine) {
        if (stacks.containsKey(machine.name())) {
            throw new IllegalStateException("machine " + machine.name() + " already has a transport stack");
        }
        HostStack stack = new HostStack(this, machine, network.addressOf(machine));
        stacks.put(machine.name(), stack);
        claimAddress(stack, stack.address());
        network.setReceiver(machine, stack);
        machine.addListener(new MachineListener() {
            @Override
            public void onCrash(Machine m) {
                stack.wipe();
                dropNamespaceStacks(m);
            }

            @Override
            public void onPowerOff(Machine m) {
                stack.wipe();
                dropNamespaceStacks(m);
            }
        });
    }

    public Network network() {
        return network;
    }

    /**
     * A socket table for a network namespace on {@code machine} (a container's), owning
     * {@code address} on a bridge of that machine. Traffic between stacks of one machine crosses
     * the bridge and never the network; the namespace is gone when the machine crashes.
     */
    public HostStack createNamespaceStack(Machine machine, String name, Ipv4 address) {
        stack(machine); // the machine must be attached
        HostStack ns = new HostStack(this, machine, name, address);
        claimAddress(ns, address);
        namespaceStacks.computeIfAbsent(machine.name(), k -> new java.util.ArrayList<>()).add(ns);
        return ns;
    }

    /** Tears down a namespace's stack: its sockets vanish and its address is free again. */
    public void removeNamespaceStack(HostStack ns) {
        java.util.List<HostStack> list = namespaceStacks.get(ns.machine().name());
        if (list != null && list.remove(ns)) {
            ns.wipe();
            releaseAddress(ns, ns.address());
        }
    }

    private void dropNamespaceStacks(Machine m) {
        java.util.List<HostStack> list = namespaceStacks.remove(m.name());
        if (list != null) {
            for (HostStack ns : list) {
                ns.wipe();
                releaseAddress(ns, ns.address());
            }
        }
    }

    void claimAddress(HostStack stack, Ipv4 address) {
        Map<Ipv4, HostStack> local = addressesByMachine.computeIfAbsent(stack.machine().name(),
                k -> new java.util.HashMap<>());
        HostStack owner = local.get(address);
        if (owner != null && owner != stack) {
            throw new IllegalStateException("address " + address + " is already in use on " + stack.machine().name()
                    + " (by " + owner.name() + ")");
        }
        local.put(address, stack);
    }

    void releaseAddress(HostStack stack, Ipv4 address) {
        Map<Ipv4, HostStack> local = addressesByMachine.get(stack.machine().name());
        if (local != null) {
            local.remove(address, stack);
        }
    }

    /** The stack on {@code from}'s machine that owns {@code dst}, or null. */
    private HostStack localOwner(HostStack from, Ipv4 dst) {
        Map<Ipv4, HostStack> local = addressesByMachine.get(from.machine().name());
        return local == null ? null : local.get(dst);
    }

    /** True if {@code dst} belongs to another stack on the same machine as {@code from}. */
    boolean isOnSameMachine(HostStack from, Ipv4 dst) {
        HostStack to = localOwner(from, dst);
        return to != null && to != from;
    }

    /** The socket table of a machine. */
    public HostStack stack(Machine machine) {
        HostStack stack = stacks.get(machine.name());
        if (stack == null || stack.machine() != machine) {
            throw new IllegalArgumentException("machine " + machine.name() + " is not attached to this network");
        }
        return stack;
    }

    // ---- settings ----

    public int maxRetransmissions() {
        return maxRetransmissions;
    }

    /** How many times a segment is resent before its connection is declared broken (TIMEOUT). */
    public void setMaxRetransmissions(int retries) {
        if (retries < 0 || retries > 30) {
            throw new IllegalArgumentException("max retransmissions must be within 0..30, was " + retries);
        }
        this.maxRetransmissions = retries;
    }

    public int maxSynAckRetries() {
        return maxSynAckRetries;
    }

    public void setMaxSynAckRetries(int retries) {
        if (retries < 0 || retries > 30) {
            throw new IllegalArgumentException("max SYN-ACK retries must be within 0..30, was " + retries);
        }
        this.maxSynAckRetries = retries;
    }

    // ---- UDP ----

    /**
     * Delivers datagrams arriving at {@code port} of the machine to the handler.
     *
     * @throws IllegalStateException "address already in use" if the port is bound
     */
    public void bindUdp(Machine machine, int port, DatagramHandler handler) {
        stack(machine).bindUdp(port, handler);
    }

    /** @return whether the port was bound */
    public boolean unbindUdp(Machine machine, int port) {
        return stack(machine).unbindUdp(port);
    }

    /** Sends one datagram: it may be lost, duplicated or overtaken, and nobody says so. */
    public void sendDatagram(Machine from, int srcPort, Ipv4 dst, int dstPort, Object payload, int sizeBytes) {
        stack(from).sendDatagram(srcPort, dst, dstPort, payload, sizeBytes);
    }

    // ---- TCP ----

    /**
     * Listens on a port of the machine (all of its addresses, loopback included).
     *
     * @throws IllegalStateException "address already in use" if something listens there already
     */
    public Listener listen(Machine machine, int port, Acceptor acceptor) {
        return stack(machine).listen(port, acceptor);
    }

    /**
     * Opens a connection; the callback later gets the connection or the reason it failed. SYNs are
     * resent at 1 s, 3 s, 7 s... until {@code connectTimeoutNanos} passes.
     */
    public void connect(Machine from, Ipv4 to, int port, long connectTimeoutNanos, ConnectCallback callback) {
        if (callback == null) {
            throw new IllegalArgumentException("connect callback is null");
        }
        stack(from).connect(to, port, connectTimeoutNanos, callback);
    }

    // ---- plumbing for the stacks ----

    long nextConnectionId() {
        return ++connectionIds;
    }

    /** Puts a packet out: through the loopback when it stays on the host, else on the wire. */
    void transmit(HostStack from, Packet packet) {
        if (from.isLocal(packet.dst())) {
            // The loopback never loses or reorders; its work dies with the machine.
            from.machine().schedule(Network.LOOPBACK_DELAY_NANOS, () -> from.receive(packet));
        } else if (isOnSameMachine(from, packet.dst())) {
            // Across a bridge inside the machine (veth to docker0): as reliable as the loopback.
            HostStack to = localOwner(from, packet.dst());
            from.machine().schedule(BRIDGE_DELAY_NANOS, () -> {
                if (localOwner(from, packet.dst()) == to) {
                    to.receive(packet);
                }
            });
        } else {
            network.send(packet);
        }
    }
}
