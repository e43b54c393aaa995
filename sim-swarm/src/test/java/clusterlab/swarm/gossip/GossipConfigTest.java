package clusterlab.swarm.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.kernel.Time;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipConfigTest {
    @Test
    void memberlistFormulas() {
        GossipConfig c = GossipConfig.lan();
        assertEquals(4 * Time.SECOND, c.suspicionTimeoutNanos(5), "max(1, log10 5) = 1");
        assertEquals(4 * Time.SECOND, c.suspicionTimeoutNanos(10));
        assertEquals(8 * Time.SECOND, c.suspicionTimeoutNanos(100));
        assertEquals(12 * Time.SECOND, c.suspicionTimeoutNanos(1000));
        assertEquals(4, c.retransmitLimit(1), "4 × ceil(log10 2)");
        assertEquals(4, c.retransmitLimit(9));
        assertEquals(8, c.retransmitLimit(10), "4 × ceil(log10 11)");
        assertEquals(12, c.retransmitLimit(100), "4 × ceil(log10 101)");
        assertEquals(16, c.retransmitLimit(1000));
    }

    @Test
    void broadcastQueueSendsLeastSentFirstReplacesBySubjectAndDropsAtTheLimit() {
        BroadcastQueue q = new BroadcastQueue(3);
        q.queue(new Update.Suspect("a", 1, "x"));
        q.queue(new Update.Alive("b", clusterlab.kernel.net.Ipv4.of(10, 0, 0, 2), 0));
        List<Update> first = q.take(1000, 2);
        assertEquals(2, first.size());
        assertEquals("b", ((Update.Alive) first.get(0)).node(), "newest first among equals");
        q.queue(new Update.Alive("a", clusterlab.kernel.net.Ipv4.of(10, 0, 0, 1), 2)); // replaces the suspect
        List<Update> second = q.take(1000, 2);
        assertEquals(List.of(new Update.Alive("a", clusterlab.kernel.net.Ipv4.of(10, 0, 0, 1), 2),
                new Update.Alive("b", clusterlab.kernel.net.Ipv4.of(10, 0, 0, 2), 0)), second);
        assertEquals(1, q.size(), "b reached its limit of 2 sends");
        q.queue(new Update.Dead("c", 0, "x"));
        q.queue(new Update.Dead("d", 0, "x"));
        q.queue(new Update.Dead("e", 0, "x"));
        assertEquals(3, q.size(), "bounded: the most-sent item went");
        assertEquals(2, q.take(40, 10).size(), "a byte budget limits one datagram");
    }
}
