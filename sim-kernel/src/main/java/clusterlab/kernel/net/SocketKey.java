package clusterlab.kernel.net;

/** The four numbers that name a TCP connection on one host. */
record SocketKey(Ipv4 localAddress, int localPort, Ipv4 remoteAddress, int remotePort) {

    /** The key of the connection an arriving packet belongs to, seen from the receiving host. */
    static SocketKey ofArrival(Packet packet) {
        return new SocketKey(packet.dst(), packet.dstPort(), packet.src(), packet.srcPort());
    }
}
