package clusterlab.swarm.mesh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * IPVS's round-robin scheduler for the routing mesh: each virtual service (a published port on a
 * node) hands connections to its backends in turn. Backends are kept in a stable order (sorted by
 * address), and the pointer survives backends coming and going, as IPVS's rr does.
 */
public final class RoundRobin {
    /** Next index per virtual service; looked up only, never iterated. */
    private final Map<String, Integer> next = new HashMap<>();

    /** The backend for the next connection to {@code service}, or null when it has none. */
    public String pick(String service, List<String> backends) {
        if (backends.isEmpty()) {
            return null;
        }
        List<String> sorted = new ArrayList<>(backends);
        sorted.sort(null);
        int i = Math.floorMod(next.getOrDefault(service, 0), sorted.size());
        next.put(service, i + 1);
        return sorted.get(i);
    }
}
