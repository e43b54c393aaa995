package clusterlab.kernel.net;

/** A UDP datagram as its receiver sees it; {@code sizeBytes} is the payload size without headers. */
public record Datagram(Ipv4 src, int srcPort, Ipv4 dst, int dstPort, Object payload, int sizeBytes) {}
