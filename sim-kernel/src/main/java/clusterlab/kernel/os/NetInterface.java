package clusterlab.kernel.os;

import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Subnet;

/**
 * A network interface of a network namespace, as {@code ip addr} lists it.
 *
 * @param index the interface index ({@code 1: lo}, {@code 2: eth0}, ...)
 * @param peerIndex for a veth, the index of its peer in the other namespace (printed as
 *     {@code eth0@if7}); 0 otherwise
 */
public record NetInterface(int index, String name, Ipv4 address, Subnet subnet, String mac, int mtu, boolean up,
        int peerIndex) {

    public boolean isLoopback() {
        return name.equals("lo");
    }

    /** Broadcast address of its subnet (none for loopback). */
    public Ipv4 broadcast() {
        return subnet.broadcast();
    }
}
