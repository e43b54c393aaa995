package clusterlab.swarm.store;

import java.util.BitSet;

/**
 * The ingress overlay's address space as the allocator hands it out: 10.255.0.0/16 (moby creates
 * the ingress network with that subnet, gateway 10.255.0.1). Addresses are given lowest-free
 * first, so every manager applying the same commands in the same order hands out the same ones.
 */
public final class IngressPool {
    public static final String SUBNET = "10.255.0.0/16";
    public static final String GATEWAY = "10.255.0.1";
    private static final int FIRST = 2;
    private static final int LAST = 65534;

    private final BitSet used = new BitSet(LAST + 1);

    /** The lowest free address, now taken; empty when the subnet is full. */
    String allocate() {
        int candidate = used.nextClearBit(FIRST);
        if (candidate > LAST) {
            return "";
        }
        used.set(candidate);
        return text(candidate);
    }

    /** Marks an address taken (rebuilding from a snapshot). */
    void claim(String addr) {
        int offset = offsetOf(addr);
        if (offset >= 0) {
            used.set(offset);
        }
    }

    void release(String addr) {
        int offset = offsetOf(addr);
        if (offset >= 0) {
            used.clear(offset);
        }
    }

    private static String text(int offset) {
        return "10.255." + (offset >> 8) + "." + (offset & 0xff);
    }

    private static int offsetOf(String addr) {
        if (addr == null || !addr.startsWith("10.255.")) {
            return -1;
        }
        String[] p = addr.split("\\.");
        try {
            return p.length == 4 ? Integer.parseInt(p[2]) * 256 + Integer.parseInt(p[3]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
