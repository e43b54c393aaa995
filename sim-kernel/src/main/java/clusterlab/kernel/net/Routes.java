package clusterlab.kernel.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.MaskSubgraph;

/**
 * Shortest paths (fewest hops) between machines over the links that are up, cached until the
 * topology changes. Machines do not forward: a path only passes through switches.
 *
 * <p>When several paths are equally short, the path takes at each step the next node with the
 * smallest name, so the choice depends on names only, never on insertion or hash order.
 */
final class Routes {
    /** One step of a path: the link taken and the direction it is travelled in. */
    record Hop(Link link, int direction) {}

    private final Graph<String, Link> graph;
    private final Set<String> machineNodes;
    /**
     * Cached paths by source, then destination; only looked up, never iterated. An empty list
     * means no route. Keyed by the machines' own name strings (whose hashes Java caches), not by a
     * concatenated key that would be hashed afresh for every packet.
     */
    private final Map<String, Map<String, List<Hop>>> cache = new HashMap<>();
    /** Hop distances to each destination computed so far; only looked up, never iterated. */
    private final Map<String, SingleSourcePaths<String, Link>> distances = new HashMap<>();

    Routes(Graph<String, Link> graph, Set<String> machineNodes) {
        this.graph = graph;
        this.machineNodes = machineNodes;
    }

    void invalidate() {
        cache.clear();
        distances.clear();
    }

    /** The hops from one machine to another, or an empty list when no path of working links exists. */
    List<Hop> path(String from, String to) {
        Map<String, List<Hop>> fromHere = cache.computeIfAbsent(from, k -> new HashMap<>());
        List<Hop> cached = fromHere.get(to);
        if (cached == null) {
            cached = compute(from, to);
            fromHere.put(to, cached);
        }
        return cached;
    }

    /**
     * Hop distances to {@code to} over the links that are up, through switches only. Cached per
     * destination: a shortest path from any machine walks downhill on these, and no machine but
     * the endpoints can be on it (the source's own distance is larger than every node after it,
     * so leaving it out of the search changes no distance the walk reads).
     */
    private SingleSourcePaths<String, Link> distancesTo(String to) {
        SingleSourcePaths<String, Link> d = distances.get(to);
        if (d == null) {
            Graph<String, Link> usable = new MaskSubgraph<>(graph, v -> machineNodes.contains(v) && !v.equals(to),
                    link -> !link.isUp());
            d = new BFSShortestPath<>(usable).getPaths(to);
            distances.put(to, d);
        }
        return d;
    }

    private List<Hop> compute(String from, String to) {
        if (!graph.containsVertex(from) || !graph.containsVertex(to) || from.equals(to)) {
            return List.of();
        }
        SingleSourcePaths<String, Link> toDestination = distancesTo(to);
        // The source's distance: one more than its nearest usable neighbour (a switch, or the destination).
        double distance = Double.POSITIVE_INFINITY;
        for (Link link : graph.edgesOf(from)) {
            String next = link.otherEnd(from);
            if (link.isUp() && (!machineNodes.contains(next) || next.equals(to))) {
                distance = Math.min(distance, toDestination.getWeight(next) + 1);
            }
        }
        if (Double.isInfinite(distance)) {
            return List.of();
        }
        List<Hop> hops = new ArrayList<>((int) distance);
        String at = from;
        // A shortest path has exactly `distance` hops; the bound guards the walk all the same.
        for (int step = 0; step < (int) distance; step++) {
            double want = (step == 0 ? distance : toDestination.getWeight(at)) - 1;
            Link best = null;
            String bestNext = null;
            if (want == 0) {
                // Only the destination is at distance 0: the direct link, if it is up.
                Link direct = graph.getEdge(at, to);
                if (direct != null && direct.isUp()) {
                    best = direct;
                    bestNext = to;
                }
            } else {
                for (Link link : graph.edgesOf(at)) {
                    String next = link.otherEnd(at);
                    boolean usable = link.isUp() && !machineNodes.contains(next);
                    if (usable && toDestination.getWeight(next) == want
                            && (bestNext == null || next.compareTo(bestNext) < 0)) {
                        best = link;
                        bestNext = next;
                    }
                }
            }
            if (best == null) {
                throw new IllegalStateException("route walk from " + from + " to " + to + " lost its way at " + at);
            }
            hops.add(new Hop(best, best.directionFrom(at)));
            at = bestNext;
        }
        return Collections.unmodifiableList(hops);
    }
}
