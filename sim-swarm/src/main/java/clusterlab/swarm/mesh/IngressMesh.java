package clusterlab.swarm.mesh;

import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.net.CloseReason;
import clusterlab.kernel.net.ConnectCallback;
import clusterlab.kernel.net.ConnectFailure;
import clusterlab.kernel.net.Connection;
import clusterlab.kernel.net.ConnectionHandler;
import clusterlab.kernel.net.HostStack;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Listener;
import clusterlab.kernel.net.Splice;
import clusterlab.kernel.net.Transport;
import clusterlab.swarm.gossip.GossipDriver;
import clusterlab.swarm.gossip.GossipNode;
import clusterlab.swarm.gossip.KvEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The routing mesh on one node (moby's ingress: iptables, the {@code ingress-sbox} namespace and
 * IPVS). Every published ingress port listens on the node; each connection goes to the next of
 * the service's running tasks, round-robin, wherever it runs. The backends are what gossip
 * (networkdb) says: each agent publishes its running tasks' ingress addresses.
 *
 * <p>A local backend is reached from the node's ingress sandbox (its own ingress address, so
 * the task sees that address as the client, as it does in Docker). A remote backend is reached
 * through the overlay: a tunnel connection to the backend's node (port 4789, where Docker sends
 * VXLAN datagrams; here a TCP-like stream carries the spliced connection), where the overlay
 * delivers it from the sending sandbox's address.
 */
public final class IngressMesh {
    public static final int TUNNEL_PORT = 4789;
    static final String KEY_PREFIX = "ingress/";
    private static final long CONNECT_TIMEOUT_NANOS = 10 * Time.SECOND;

    /** A port the mesh publishes for a service. */
    public record Published(String serviceId, int port, int targetPort) {
    }

    /** The first message on a tunnel: which overlay address to reach, and on whose behalf. */
    record TunnelOpen(String fromAddr, String toAddr, int toPort) {
    }

    private final Machine machine;
    private final String hostName;
    private final Transport transport;
    private final GossipDriver gossip;
    private final RoundRobin roundRobin = new RoundRobin();
    private final TreeMap<Integer, Published> published = new TreeMap<>();
    private final TreeMap<Integer, Listener> listeners = new TreeMap<>();
    /** Stand-ins for remote sandboxes, by address: where their tunnelled connections come from. */
    private final TreeMap<String, HostStack> peers = new TreeMap<>();
    private HostStack sandbox;
    private Listener tunnel;

    public IngressMesh(Machine machine, String hostName, Transport transport, GossipDriver gossip) {
        this.machine = machine;
        this.hostName = hostName;
        this.transport = transport;
        this.gossip = gossip;
    }

    /** Sets the ports to publish and this node's sandbox address (from the dispatcher's assignments). */
    public void configure(List<Published> ports, String sandboxAddr) {
        if (!machine.isRunning()) {
            return;
        }
        if (sandbox == null && !sandboxAddr.isEmpty()) {
            sandbox = transport.createNamespaceStack(machine, hostName + "/ingress-sbox", Ipv4.parse(sandboxAddr));
        }
        if (tunnel == null || !tunnel.isOpen()) {
            tunnel = listen(TUNNEL_PORT, this::acceptTunnel);
        }
        TreeMap<Integer, Published> wanted = new TreeMap<>();
        for (Published p : ports) {
            wanted.putIfAbsent(p.port(), p);
        }
        for (Integer port : List.copyOf(listeners.keySet())) {
            if (!wanted.containsKey(port)) {
                listeners.remove(port).close();
            }
        }
        published.clear();
        published.putAll(wanted);
        for (Published p : wanted.values()) {
            if (!listeners.containsKey(p.port())) {
                Listener l = listen(p.port(), c -> accept(c, p.port()));
                if (l != null) {
                    listeners.put(p.port(), l);
                }
            }
        }
    }

    private Listener listen(int port, clusterlab.kernel.net.Acceptor acceptor) {
        try {
            return transport.listen(machine, port, acceptor);
        } catch (IllegalStateException e) {
            return null; // a container's published port holds it already
        }
    }

    /** The node left the swarm: nothing is published any more. */
    public void clear() {
        for (Listener l : listeners.values()) {
            l.close();
        }
        listeners.clear();
        published.clear();
        if (tunnel != null) {
            tunnel.close();
            tunnel = null;
        }
        for (HostStack s : peers.values()) {
            transport.removeNamespaceStack(s);
        }
        peers.clear();
        if (sandbox != null) {
            transport.removeNamespaceStack(sandbox);
            sandbox = null;
        }
    }

    /** The machine crashed: its sockets and namespaces are gone already. */
    public void reset() {
        listeners.clear();
        published.clear();
        peers.clear();
        tunnel = null;
        sandbox = null;
    }

    /** A task of {@code serviceId} runs here at {@code ingressAddr}: tell the swarm. */
    public void taskRunning(String serviceId, String taskId, String ingressAddr) {
        if (!ingressAddr.isEmpty() && gossip.node(machine.name()) != null) {
            gossip.publish(machine.name(), KEY_PREFIX + serviceId + "/" + taskId,
                    ingressAddr + " " + transport.stack(machine).address());
        }
    }

    public void taskStopped(String serviceId, String taskId) {
        GossipNode g = gossip.node(machine.name());
        String key = KEY_PREFIX + serviceId + "/" + taskId;
        if (g != null && g.get(key) != null) {
            gossip.remove(machine.name(), key);
        }
    }

    /** The running backends of a service as this node's gossip knows them: "ingressAddr nodeAddr". */
    List<String> backends(String serviceId) {
        GossipNode g = gossip.node(machine.name());
        List<String> out = new ArrayList<>();
        if (g == null) {
            return out;
        }
        String prefix = KEY_PREFIX + serviceId + "/";
        for (KvEntry e : g.entries()) {
            if (!e.deleted() && e.key().startsWith(prefix)) {
                out.add(e.value());
            }
        }
        return out;
    }

    private void accept(Connection client, int port) {
        Published p = published.get(port);
        String backend = p == null ? null : roundRobin.pick(Integer.toString(port), backends(p.serviceId()));
        Splice splice = new Splice(client);
        if (backend == null || sandbox == null) {
            splice.failed();
            return;
        }
        String[] parts = backend.split(" ");
        Ipv4 taskAddr = Ipv4.parse(parts[0]);
        Ipv4 nodeAddr = Ipv4.parse(parts[1]);
        if (nodeAddr.equals(transport.stack(machine).address())) {
            sandbox.connect(taskAddr, p.targetPort(), CONNECT_TIMEOUT_NANOS, callback(splice));
            return;
        }
        TunnelOpen open = new TunnelOpen(sandbox.address().toString(), parts[0], p.targetPort());
        transport.connect(machine, nodeAddr, TUNNEL_PORT, CONNECT_TIMEOUT_NANOS, new ConnectCallback() {
            @Override
            public void connected(Connection tunnelled) {
                tunnelled.send(open, 64);
                splice.connected(tunnelled);
            }

            @Override
            public void failed(ConnectFailure failure) {
                splice.failed();
            }
        });
    }

    private void acceptTunnel(Connection c) {
        c.setHandler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection conn, Object message) {
                if (!(message instanceof TunnelOpen open)) {
                    conn.close();
                    return;
                }
                Splice splice = new Splice(conn);
                HostStack from = peer(open.fromAddr());
                if (from == null) {
                    splice.failed();
                    return;
                }
                from.connect(Ipv4.parse(open.toAddr()), open.toPort(), CONNECT_TIMEOUT_NANOS, callback(splice));
            }

            @Override
            public void onClose(Connection conn, CloseReason reason) {
            }
        });
    }

    /** The local stand-in of a remote sandbox (VXLAN makes remote overlay addresses local). */
    private HostStack peer(String addr) {
        HostStack s = peers.get(addr);
        if (s == null) {
            try {
                s = transport.createNamespaceStack(machine, hostName + "/overlay-peer-" + addr, Ipv4.parse(addr));
            } catch (IllegalStateException e) {
                return null;
            }
            peers.put(addr, s);
        }
        return s;
    }

    private static ConnectCallback callback(Splice splice) {
        return new ConnectCallback() {
            @Override
            public void connected(Connection server) {
                splice.connected(server);
            }

            @Override
            public void failed(ConnectFailure failure) {
                splice.failed();
            }
        };
    }
}
