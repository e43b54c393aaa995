package clusterlab.kernel.net;

/**
 * An IPv4 network in CIDR form, such as {@code 192.168.0.0/24}. The network address has no host
 * bits set; {@code 192.168.0.5/24} is refused with the same hint Docker gives, naming the network
 * that was probably meant.
 */
public record Subnet(Ipv4 network, int prefixLength) {

    public Subnet {
        if (network == null) {
            throw new IllegalArgumentException("subnet network address is missing");
        }
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("invalid subnet prefix length /" + prefixLength + ": use 0 to 32");
        }
        int mask = maskOf(prefixLength);
        if ((network.bits() & ~mask) != 0) {
            throw new IllegalArgumentException("invalid subnet " + network + "/" + prefixLength
                    + ": it should be " + new Ipv4(network.bits() & mask) + "/" + prefixLength);
        }
    }

    /** Parses {@code a.b.c.d/n}. */
    public static Subnet parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("subnet is missing");
        }
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash < 0 || slash != s.lastIndexOf('/')) {
            throw new IllegalArgumentException("invalid subnet \"" + text + "\": expected CIDR form like 192.168.0.0/24");
        }
        String prefix = s.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 2 || !prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("invalid subnet \"" + text + "\": prefix length must be a number 0 to 32");
        }
        return new Subnet(Ipv4.parse(s.substring(0, slash)), Integer.parseInt(prefix));
    }

    private static int maskOf(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    public int mask() {
        return maskOf(prefixLength);
    }

    /** Number of addresses, network and broadcast included. */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    public boolean contains(Ipv4 ip) {
        return (ip.bits() & mask()) == network.bits();
    }

    public Ipv4 broadcast() {
        return new Ipv4(network.bits() | ~mask());
    }

    /**
     * The address of host {@code hostIndex} ({@code 192.168.0.0/24}.address(11) is 192.168.0.11).
     * Hosts are numbered 1 to size-2: the first address names the network and the last is broadcast
     * (except in /31 and /32, which have no such reserved addresses).
     */
    public Ipv4 address(long hostIndex) {
        long first = prefixLength >= 31 ? 0 : 1;
        long last = prefixLength >= 31 ? size() - 1 : size() - 2;
        if (hostIndex < first || hostIndex > last) {
            throw new IllegalArgumentException("host index " + hostIndex + " is outside " + this
                    + " (hosts " + first + " to " + last + ")");
        }
        return network.plus(hostIndex);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
