package clusterlab.kernel.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The partitions and one-way blocks currently in force, by machine name. A setting of the world,
 * like a pulled cable or a firewall rule: the systems under test never see it, only its effects.
 */
final class NetworkFaults {
    /** Group of machines not named in the partition: together they form one extra group. */
    private static final int UNLISTED = -1;

    /** Machine name to partition group; empty when no partition is in force. */
    private final Map<String, Integer> groupOf = new TreeMap<>();
    /** One-way blocks as "from" then "to"; sorted so listing them is stable. */
    private final TreeSet<List<String>> blocks = new TreeSet<>((x, y) -> {
        int c = x.get(0).compareTo(y.get(0));
        return c != 0 ? c : x.get(1).compareTo(y.get(1));
    });

    /** Replaces any partition in force with this one. */
    void partition(List<Set<String>> groups) {
        Map<String, Integer> next = new TreeMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String name : groups.get(g)) {
                Integer before = next.put(name, g);
                if (before != null) {
                    throw new IllegalArgumentException("machine " + name + " is in two partition groups ("
                            + before + " and " + g + ")");
                }
            }
        }
        groupOf.clear();
        groupOf.putAll(next);
    }

    void block(String from, String to) {
        blocks.add(List.of(from, to));
    }

    boolean unblock(String from, String to) {
        return blocks.remove(List.of(from, to));
    }

    void heal() {
        groupOf.clear();
        blocks.clear();
    }

    boolean isPartitioned() {
        return !groupOf.isEmpty();
    }

    /** Blocks in force, as [from, to] pairs in sorted order. */
    List<List<String>> blocks() {
        return new ArrayList<>(blocks);
    }

    /** Why a packet from {@code from} to {@code to} cannot pass, or null when it can. */
    DropReason check(String from, String to) {
        if (!groupOf.isEmpty() && group(from) != group(to)) {
            return DropReason.PARTITION;
        }
        if (!blocks.isEmpty() && blocks.contains(List.of(from, to))) {
            return DropReason.BLOCKED;
        }
        return null;
    }

    private int group(String machine) {
        Integer g = groupOf.get(machine);
        return g == null ? UNLISTED : g;
    }
}
