package clusterlab.kernel.net;

/**
 * A message that knows its size on the wire, so relays (proxies, the routing mesh) can forward it
 * with the same cost it had when first sent.
 */
public interface Sized {
    int sizeBytes();
}
