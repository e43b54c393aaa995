package clusterlab.runtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A published port: {@code hostIp:hostPort -> containerPort/proto}, as {@code -p} declares it and
 * {@code docker container ls} prints it ({@code 0.0.0.0:8080->80/tcp}). A host port of 0 means
 * "pick a free one" ({@code -p 80} or {@code -P}).
 */
public record PortBinding(String hostIp, int hostPort, int containerPort, String protocol) {

    public PortBinding {
        if (containerPort < 1 || containerPort > 65535 || hostPort < 0 || hostPort > 65535) {
            throw new IllegalArgumentException("invalid port");
        }
    }

    /** The {@code 80/tcp} key of the container side. */
    public String containerKey() {
        return containerPort + "/" + protocol;
    }

    /** {@code 0.0.0.0:8080->80/tcp}. */
    public String display() {
        return hostIp + ":" + hostPort + "->" + containerPort + "/" + protocol;
    }

    /**
     * Parses one {@code -p/--publish} value with Docker's rules (nat.ParsePortSpec):
     * {@code 80}, {@code 8080:80}, {@code 127.0.0.1:8080:80}, {@code 127.0.0.1::80},
     * {@code 8080:80/udp}, and ranges {@code 8000-8001:80-81}.
     *
     * @throws IllegalArgumentException with Docker's message
     */
    public static List<PortBinding> parse(String spec) {
        String rest = spec;
        String proto = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            proto = rest.substring(slash + 1).toLowerCase(Locale.ROOT);
            rest = rest.substring(0, slash);
            if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
                throw new IllegalArgumentException("invalid proto: " + proto);
            }
        }
        String ip = "";
        String hostPart = "";
        String containerPart;
        String[] parts = rest.split(":", -1);
        switch (parts.length) {
            case 1 -> containerPart = parts[0];
            case 2 -> {
                hostPart = parts[0];
                containerPart = parts[1];
            }
            case 3 -> {
                ip = parts[0];
                hostPart = parts[1];
                containerPart = parts[2];
            }
            default -> {
                // an IPv6 host address in brackets is not modelled
                throw new IllegalArgumentException("invalid port format: " + spec);
            }
        }
        if (!ip.isEmpty() && !ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("invalid IP address: " + ip);
        }
        if (containerPart.isEmpty()) {
            throw new IllegalArgumentException("no port specified: " + spec + "<empty>");
        }
        int[] container = range(containerPart, "invalid containerPort: " + containerPart);
        int[] host = hostPart.isEmpty() ? null : range(hostPart, "invalid hostPort: " + hostPart);
        int count = container[1] - container[0] + 1;
        if (host != null && host[1] - host[0] + 1 != count && host[0] != host[1]) {
            throw new IllegalArgumentException("invalid ranges specified for container and host Ports: "
                    + containerPart + " and " + hostPart);
        }
        List<PortBinding> out = new ArrayList<>();
        String hostIp = ip.isEmpty() ? "0.0.0.0" : ip;
        for (int i = 0; i < count && i < 65536; i++) {
            int hp = host == null ? 0 : host[0] == host[1] ? host[0] : host[0] + i;
            out.add(new PortBinding(hostIp, hp, container[0] + i, proto));
        }
        return out;
    }

    private static int[] range(String text, String error) {
        String[] ends = text.split("-", -1);
        if (ends.length > 2) {
            throw new IllegalArgumentException(error);
        }
        int lo = port(ends[0], error);
        int hi = ends.length == 2 ? port(ends[1], error) : lo;
        if (hi < lo) {
            throw new IllegalArgumentException(error);
        }
        return new int[] {lo, hi};
    }

    private static int port(String text, String error) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(error);
        }
        int p = Integer.parseInt(text);
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(error);
        }
        return p;
    }
}
