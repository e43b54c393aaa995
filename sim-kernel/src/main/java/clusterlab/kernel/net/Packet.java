package clusterlab.kernel.net;

/**
 * One frame on the simulated wire. {@code sizeBytes} is the size on the wire, headers included; it
 * is what bandwidth is charged for. The payload is an object, never serialized: the simulation
 * moves references and charges for the size the real bytes would have.
 */
public record Packet(Ipv4 src, int srcPort, Ipv4 dst, int dstPort, Protocol proto, Object payload, int sizeBytes) {

    public Packet {
        if (src == null || dst == null || proto == null) {
            throw new IllegalArgumentException("packet needs a source, a destination and a protocol");
        }
        checkPort(srcPort);
        checkPort(dstPort);
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("packet size must be positive, was " + sizeBytes);
        }
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0-65535");
        }
    }

    @Override
    public String toString() {
        return proto.label() + " " + src + ":" + srcPort + " > " + dst + ":" + dstPort + " (" + sizeBytes + " B)";
    }
}
