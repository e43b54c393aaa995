package clusterlab.kernel.net;

/** Receives the datagrams arriving at a bound UDP port. */
@FunctionalInterface
public interface DatagramHandler {
    void onDatagram(Datagram datagram);
}
