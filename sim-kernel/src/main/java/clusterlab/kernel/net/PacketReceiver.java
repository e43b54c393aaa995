package clusterlab.kernel.net;

/** What a machine's network stack offers the wire: it takes the packets that arrive. */
@FunctionalInterface
public interface PacketReceiver {
    void receive(Packet packet);
}
