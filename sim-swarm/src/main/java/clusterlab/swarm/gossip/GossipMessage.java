package clusterlab.swarm.gossip;

import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Sized;
import java.util.List;

/** What gossip nodes send each other, as UDP datagrams on port 7946. */
public sealed interface GossipMessage extends Sized {
    int HEADER_BYTES = 16;

    static int sizeOf(List<Update> updates) {
        int size = 0;
        for (Update u : updates) {
            size += u.sizeBytes();
        }
        return size;
    }

    /** A direct probe of {@code target}; piggybacks queued updates. */
    record Ping(long seq, String target, String source, List<Update> updates) implements GossipMessage {
        public int sizeBytes() {
            return HEADER_BYTES + target.length() + source.length() + sizeOf(updates);
        }
    }

    /** Asks the receiver to probe {@code target} and forward its ack to {@code requester}. */
    record IndirectPing(long seq, String target, Ipv4 targetAddress, String requester, Ipv4 requesterAddress,
            List<Update> updates) implements GossipMessage {
        public int sizeBytes() {
            return HEADER_BYTES + 8 + target.length() + requester.length() + sizeOf(updates);
        }
    }

    record Ack(long seq, String source, List<Update> updates) implements GossipMessage {
        public int sizeBytes() {
            return HEADER_BYTES + source.length() + sizeOf(updates);
        }
    }

    /** The periodic gossip: queued updates only. */
    record Gossip(String source, List<Update> updates) implements GossipMessage {
        public int sizeBytes() {
            return HEADER_BYTES + source.length() + sizeOf(updates);
        }
    }

    /**
     * A full state exchange (memberlist does it over TCP): the sender's membership and store. The
     * receiver of a request merges it and answers with its own state ({@code reply}).
     */
    record PushPull(String source, boolean join, boolean reply, List<Member> members, List<KvEntry> entries)
            implements GossipMessage {
        public int sizeBytes() {
            int size = HEADER_BYTES + source.length();
            for (Member m : members) {
                size += 24 + m.name().length();
            }
            for (KvEntry e : entries) {
                size += e.sizeBytes();
            }
            return size;
        }
    }
}
