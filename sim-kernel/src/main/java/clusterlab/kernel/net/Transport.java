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
        network.setReceiver(machine, stack);
        machine.addListener(new MachineListener() {
            @Override
            public void onCrash(Machine m) {
                stack.wipe();
            }

            @Override
            public void onPowerOff(Machine m) {
                stack.wipe();
            }
        });
    }

    public Network network() {
        return network;
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
        } else {
            network.send(packet);
        }
    }
}
