package clusterlab.kernel.os;

import clusterlab.kernel.net.HostStack;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Subnet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A network namespace: its own interfaces, addresses and sockets. The host's namespace owns the
 * machine's {@code eth0} on the simulated network; a container's gets a loopback and one end of a
 * veth pair on a bridge such as {@code docker0}.
 */
public final class NetNamespace extends Namespace {
    /** Bound on interfaces per namespace (Linux has none; a lab never needs more). */
    static final int MAX_INTERFACES = 256;

    private final List<NetInterface> interfaces = new ArrayList<>();
    private HostStack stack;

    NetNamespace(long inode) {
        super(NamespaceKind.NET, inode);
        addInterface("lo", Ipv4.LOOPBACK, Subnet.parse("127.0.0.0/8"), "00:00:00:00:00:00", 65536, 0);
    }

    /** The socket table of this namespace, or null while it has no network wired to it. */
    public HostStack stack() {
        return stack;
    }

    /** Wires the namespace to a transport stack (the machine's, for the host namespace). */
    public void attachStack(HostStack stack) {
        this.stack = stack;
    }

    public List<NetInterface> interfaces() {
        return Collections.unmodifiableList(interfaces);
    }

    /** Adds an interface with the next index; returns it. */
    public NetInterface addInterface(String name, Ipv4 address, Subnet subnet, String mac, int mtu, int peerIndex) {
        if (interfaces.size() >= MAX_INTERFACES) {
            throw new IllegalStateException("too many interfaces in " + this);
        }
        for (NetInterface i : interfaces) {
            if (i.name().equals(name)) {
                throw new IllegalArgumentException("interface " + name + " already exists in " + this);
            }
        }
        NetInterface nic = new NetInterface(nextIndex(), name, address, subnet, mac, mtu, true, peerIndex);
        interfaces.add(nic);
        return nic;
    }

    public boolean removeInterface(String name) {
        return interfaces.removeIf(i -> i.name().equals(name));
    }

    public NetInterface interfaceNamed(String name) {
        for (NetInterface i : interfaces) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }

    /** True if {@code ip} is one of this namespace's own addresses (loopback included). */
    public boolean isLocal(Ipv4 ip) {
        if (ip.isLoopback()) {
            return true;
        }
        for (NetInterface i : interfaces) {
            if (i.address().equals(ip)) {
                return true;
            }
        }
        return false;
    }

    /** The first non-loopback address: what {@code hostname -i} and swarm's advertise address use. */
    public Ipv4 primaryAddress() {
        for (NetInterface i : interfaces) {
            if (!i.isLoopback()) {
                return i.address();
            }
        }
        return Ipv4.LOOPBACK;
    }

    private int nextIndex() {
        int max = 0;
        for (NetInterface i : interfaces) {
            max = Math.max(max, i.index());
        }
        return max + 1;
    }
}
