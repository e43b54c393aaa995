package clusterlab.kernel.net;

/**
 * An IPv4 address as its 32 bits. Ordered as unsigned numbers, so {@code 192.168.0.9} sorts before
 * {@code 192.168.0.10} (as {@code ip addr} and Docker list them), not as text.
 */
public record Ipv4(int bits) implements Comparable<Ipv4> {
    /** {@code 127.0.0.1}: every machine's own loopback address. */
    public static final Ipv4 LOOPBACK = new Ipv4(0x7F000001);
    /** {@code 0.0.0.0}: "any address", as in {@code 0.0.0.0:8080->80/tcp}. */
    public static final Ipv4 ANY = new Ipv4(0);

    /** Longest text that can be a dotted quad; longer input is refused before it is scanned. */
    private static final int MAX_TEXT = 15;

    /**
     * Parses a dotted quad such as {@code 192.168.0.11}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static Ipv4 parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("IPv4 address is missing");
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_TEXT) {
            throw bad(text, "expected four numbers 0-255 separated by dots, like 192.168.0.11");
        }
        int bits = 0;
        int parts = 0;
        int i = 0;
        while (i <= s.length()) {
            int start = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start || i - start > 3) {
                throw bad(text, "expected four numbers 0-255 separated by dots, like 192.168.0.11");
            }
            int value = Integer.parseInt(s, start, i, 10);
            if (value > 255) {
                throw bad(text, "part " + value + " is larger than 255");
            }
            if (i - start > 1 && s.charAt(start) == '0') {
                // Leading zeros mean octal to inet_aton; refusing them avoids a silent misreading.
                throw bad(text, "part " + s.substring(start, i) + " has a leading zero");
            }
            bits = (bits << 8) | value;
            parts++;
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                throw bad(text, "expected four numbers 0-255 separated by dots, like 192.168.0.11");
            }
            i++;
        }
        if (parts != 4) {
            throw bad(text, "expected four numbers 0-255 separated by dots, like 192.168.0.11");
        }
        return new Ipv4(bits);
    }

    public static Ipv4 of(int a, int b, int c, int d) {
        for (int part : new int[] {a, b, c, d}) {
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("IPv4 part " + part + " is outside 0-255");
            }
        }
        return new Ipv4((a << 24) | (b << 16) | (c << 8) | d);
    }

    /** True for 127.0.0.0/8, which never leaves the machine. */
    public boolean isLoopback() {
        return (bits >>> 24) == 127;
    }

    /** The address {@code n} further on (wrapping is refused: it would leave the address space). */
    public Ipv4 plus(long n) {
        long value = Integer.toUnsignedLong(bits) + n;
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(this + " + " + n + " is outside the IPv4 address space");
        }
        return new Ipv4((int) value);
    }

    @Override
    public int compareTo(Ipv4 other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xFF) + "." + ((bits >>> 8) & 0xFF) + "." + (bits & 0xFF);
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("invalid IPv4 address \"" + text + "\": " + why);
    }
}
