package clusterlab.swarm.store;

import java.util.Locale;

/**
 * One published port of a service (SwarmKit's api.PortConfig): the container's target port,
 * the port published on the nodes (0: the allocator picks one from 30000–32767), the protocol,
 * and the publish mode: {@code ingress} (the routing mesh: every node listens) or {@code host}
 * (only the nodes running a task, straight to it).
 */
public record PortConfig(String protocol, int targetPort, int publishedPort, String publishMode) {
    public PortConfig {
        protocol = protocol == null || protocol.isEmpty() ? "tcp" : protocol.toLowerCase(Locale.ROOT);
        publishMode = publishMode == null || publishMode.isEmpty() ? "ingress" : publishMode;
        if (targetPort < 1 || targetPort > 65535 || publishedPort < 0 || publishedPort > 65535) {
            throw new IllegalArgumentException("invalid port " + publishedPort + ":" + targetPort);
        }
    }

    public boolean ingress() {
        return publishMode.equals("ingress");
    }

    /** As {@code service ls} shows it: {@code *:80->80/tcp}. */
    public String display() {
        return "*:" + publishedPort + "->" + targetPort + "/" + protocol;
    }

    public PortConfig withPublished(int port) {
        return new PortConfig(protocol, targetPort, port, publishMode);
    }
}
