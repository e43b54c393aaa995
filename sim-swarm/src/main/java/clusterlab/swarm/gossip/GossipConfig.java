package clusterlab.swarm.gossip;

import clusterlab.kernel.Time;

/**
 * The knobs of the protocol. {@link #lan()} gives hashicorp/memberlist's DefaultLANConfig, which
 * Docker's networkdb uses: probe 1 s, probe timeout 500 ms, 3 indirect checks, gossip every 200 ms
 * to 3 nodes, push/pull every 30 s, suspicion multiplier 4, retransmit multiplier 4.
 *
 * @param reconnectIntervalNanos how often a node tries a push/pull with one member it believes dead
 *     (networkdb's reconnect of failed nodes; memberlist alone would never re-merge two halves that
 *     declared each other dead)
 * @param gossipToTheDeadNanos how long a dead member still receives gossip (memberlist: 30 s), so
 *     that it can learn of its death and refute it
 * @param maxPayloadBytes piggybacked updates per datagram stop at this many bytes (UDP budget)
 * @param maxQueuedBroadcasts bound of the broadcast queue; the most-sent item is dropped first
 * @param tombstoneNanos how long a removed key's tombstone is kept (networkdb's reap time: 30 min)
 */
public record GossipConfig(
        long probeIntervalNanos,
        long probeTimeoutNanos,
        int indirectChecks,
        long gossipIntervalNanos,
        int gossipNodes,
        long pushPullIntervalNanos,
        int suspicionMult,
        int retransmitMult,
        long reconnectIntervalNanos,
        long gossipToTheDeadNanos,
        int maxPayloadBytes,
        int maxQueuedBroadcasts,
        long tombstoneNanos) {

    public GossipConfig {
        if (probeIntervalNanos <= 0 || probeTimeoutNanos <= 0 || probeTimeoutNanos >= probeIntervalNanos) {
            throw new IllegalArgumentException("need 0 < probe timeout < probe interval");
        }
        if (gossipIntervalNanos <= 0 || pushPullIntervalNanos <= 0 || reconnectIntervalNanos <= 0) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        if (indirectChecks < 0 || gossipNodes < 1 || suspicionMult < 1 || retransmitMult < 1) {
            throw new IllegalArgumentException("counts out of range");
        }
        if (maxPayloadBytes < 256 || maxQueuedBroadcasts < 1 || tombstoneNanos <= 0 || gossipToTheDeadNanos < 0) {
            throw new IllegalArgumentException("limits out of range");
        }
    }

    public static GossipConfig lan() {
        return new GossipConfig(Time.SECOND, 500 * Time.MILLISECOND, 3, 200 * Time.MILLISECOND, 3,
                30 * Time.SECOND, 4, 4, 10 * Time.SECOND, 30 * Time.SECOND, 1400, 8192, 30 * Time.MINUTE);
    }

    public GossipConfig withPushPullIntervalNanos(long nanos) {
        return new GossipConfig(probeIntervalNanos, probeTimeoutNanos, indirectChecks, gossipIntervalNanos,
                gossipNodes, nanos, suspicionMult, retransmitMult, reconnectIntervalNanos, gossipToTheDeadNanos,
                maxPayloadBytes, maxQueuedBroadcasts, tombstoneNanos);
    }

    /** memberlist's suspicion timeout: suspicionMult × max(1, log10 n) × probe interval. */
    public long suspicionTimeoutNanos(int members) {
        double scale = StrictMath.max(1.0, StrictMath.log10(StrictMath.max(1, members)));
        return (long) (suspicionMult * scale * probeIntervalNanos);
    }

    /** memberlist's retransmit limit: retransmitMult × ceil(log10(n + 1)). */
    public int retransmitLimit(int members) {
        return retransmitMult * (int) StrictMath.ceil(StrictMath.log10(members + 1.0));
    }
}
