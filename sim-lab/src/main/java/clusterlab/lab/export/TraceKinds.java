package clusterlab.lab.export;

import clusterlab.kernel.trace.TraceRecord;
import java.util.Set;

/** What the exporters need to know about the records the simulator writes. */
final class TraceKinds {
    /** Machine records that are faults injected from outside. */
    private static final Set<String> MACHINE_FAULTS = Set.of("crash", "power-off", "restart");
    /** Network records that change what the network does (partitions, blocks, links, loss...). */
    private static final Set<String> NETWORK_FAULTS = Set.of("partition", "block", "unblock", "heal", "link-up",
            "link-down", "set-loss", "set-duplication", "set-latency", "set-bandwidth");

    private TraceKinds() {}

    /** A fault or its repair: a crash, restart, power-off, partition, block, heal, link or loss change. */
    static boolean isFault(TraceRecord r) {
        return switch (r.component()) {
            case "machine" -> MACHINE_FAULTS.contains(r.kind());
            case "net" -> NETWORK_FAULTS.contains(r.kind());
            default -> false;
        };
    }

    /** A packet put on the wire ({@code net send} with its {@code id}). */
    static boolean isSend(TraceRecord r) {
        return r.component().equals("net") && r.kind().equals("send") && r.fields().get("id") instanceof Long;
    }

    /** A packet handed to its destination ({@code net deliver} with its {@code id}). */
    static boolean isDeliver(TraceRecord r) {
        return r.component().equals("net") && r.kind().equals("deliver") && r.fields().get("id") instanceof Long;
    }

    /** A packet lost ({@code net drop} with its {@code id}). */
    static boolean isDrop(TraceRecord r) {
        return r.component().equals("net") && r.kind().equals("drop") && r.fields().get("id") instanceof Long;
    }

    static long packetId(TraceRecord r) {
        return (Long) r.fields().get("id");
    }
}
