package clusterlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.trace.MemoryTraceSink;
import clusterlab.kernel.trace.TraceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private final Simulation sim = new Simulation(42);
    private final Network net = new Network(sim);

    /** Packets each machine received, by machine name index. */
    private final List<List<Packet>> received = new ArrayList<>();

    private Machine machine(String name) {
        Machine m = Machine.standard(sim, name);
        net.attach(m);
        List<Packet> inbox = new ArrayList<>();
        received.add(inbox);
        net.setReceiver(m, inbox::add);
        return m;
    }

    private List<Packet> inbox(Machine m) {
        return received.get(net.machines().indexOf(m));
    }

    private static Packet udp(Ipv4 src, Ipv4 dst, Object payload, int size) {
        return new Packet(src, 5000, dst, 6000, Protocol.UDP, payload, size);
    }

    private void send(Machine from, Machine to, Object payload) {
        net.send(udp(net.addressOf(from), net.addressOf(to), payload, 100));
    }

    @Test
    void attachesLikePlayWithDocker() {
        Machine n1 = machine("node1");
        Machine n2 = machine("node2");
        Machine n3 = Machine.standard(sim, "node3");
        net.attach(n3, Ipv4.parse("192.168.0.50"));
        Machine n4 = machine("node4");
        assertThat(net.addressOf(n1)).hasToString("192.168.0.11");
        assertThat(net.addressOf(n2)).hasToString("192.168.0.12");
        assertThat(net.addressOf(n4)).hasToString("192.168.0.13");
        assertThat(net.machineAt(Ipv4.parse("192.168.0.50"))).isSameAs(n3);
        assertThat(net.machineAt(Ipv4.parse("192.168.0.99"))).isNull();
        assertThat(net.machines()).containsExactly(n1, n2, n3, n4);
        assertThat(net.switches()).containsExactly("sw0");
        assertThatThrownBy(() -> net.attach(Machine.standard(sim, "x"), Ipv4.parse("192.168.0.11")))
                .hasMessageContaining("already used by node1");
        assertThatThrownBy(() -> net.attach(Machine.standard(sim, "node1")))
                .hasMessageContaining("already has a node named node1");
    }

    @Test
    void meanLatencyMatchesTheSettingOverTenThousandPackets() {
        Machine a = machine("a");
        Machine b = machine("b");
        net.setLatency(LatencyModel.normalJitter(2 * Time.MILLISECOND, 300 * Time.MICROSECOND));
        int count = 10_000;
        List<Long> latencies = new ArrayList<>();
        net.setReceiver(b, p -> latencies.add(sim.now() - (Long) p.payload()));
        for (int i = 0; i < count; i++) {
            // 1 ms apart: no queueing, so latency is propagation plus 2 x 800 ns of transmission.
            sim.at(i * Time.MILLISECOND, () -> send(a, b, sim.now()));
        }
        sim.run();
        assertThat(latencies).hasSize(count);
        double mean = latencies.stream().mapToLong(Long::longValue).average().orElseThrow();
        double expected = 2 * (2 * Time.MILLISECOND + 800);
        assertThat(mean).isCloseTo(expected, within(expected * 0.01));
        // With jitter of 300 us per hop, packets sent 1 ms apart never cross; but spread is real.
        assertThat(latencies.stream().mapToLong(Long::longValue).max().orElseThrow() - expected)
                .isGreaterThan(500 * Time.MICROSECOND);
    }

    @Test
    void defaultLatencyIsAFastLan() {
        Machine a = machine("a");
        Machine b = machine("b");
        send(a, b, "hello");
        sim.run();
        assertThat(inbox(b)).hasSize(1);
        // Two hops of 500..600 us plus 800 ns of transmission each.
        assertThat(sim.now()).isBetween(1_001_600L, 1_201_600L);
    }

    @Test
    void lossRateIsCloseToTheSetting() {
        Simulation s = new Simulation(7);
        Network direct = new Network(s);
        Machine a = Machine.standard(s, "a");
        Machine b = Machine.standard(s, "b");
        direct.addMachine(a, Ipv4.parse("10.0.0.1"));
        direct.addMachine(b, Ipv4.parse("10.0.0.2"));
        direct.connect("a", "b", LinkSettings.DEFAULT.withLoss(0.1));
        long[] got = new long[1];
        direct.setReceiver(b, p -> got[0]++);
        for (int i = 0; i < 10_000; i++) {
            s.at(i * Time.MICROSECOND * 10, () -> direct.send(udp(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2"), "x", 64)));
        }
        s.run();
        double lossRate = 1.0 - got[0] / 10_000.0;
        assertThat(lossRate).isBetween(0.08, 0.12);
        assertThat(direct.packetsDropped(DropReason.LOSS)).isEqualTo(10_000 - got[0]);
        assertThat(direct.packetsSent()).isEqualTo(10_000);
        assertThat(direct.packetsDelivered()).isEqualTo(got[0]);
    }

    @Test
    void duplicationDeliversSomePacketsTwice() {
        Machine a = machine("a");
        Machine b = machine("b");
        net.setDuplication(0.05);
        for (int i = 0; i < 10_000; i++) {
            sim.at(i * Time.MICROSECOND * 10, () -> send(a, b, "x"));
        }
        sim.run();
        // Two hops, each duplicating 5%: about 1.1025 copies per packet.
        assertThat(inbox(b).size()).isBetween(10_800, 11_250);
        assertThat(net.packetsDuplicated()).isPositive();
    }

    @Test
    void symmetricPartitionBlocksBothWaysAndHealRestores() {
        Machine a = machine("a");
        Machine b = machine("b");
        Machine c = machine("c");
        Machine d = machine("d");
        net.partition(List.of(Set.of("a", "b"), Set.of("c")));
        send(a, b, "a-b");
        send(a, c, "a-c");
        send(c, a, "c-a");
        send(d, c, "d-c");
        send(d, a, "d-a");
        sim.run();
        assertThat(inbox(b)).extracting(Packet::payload).containsExactly("a-b");
        assertThat(inbox(a)).isEmpty();
        assertThat(inbox(c)).isEmpty();
        assertThat(net.packetsDropped(DropReason.PARTITION)).isEqualTo(4);
        net.heal();
        send(a, c, "a-c");
        send(d, a, "d-a");
        sim.run();
        assertThat(inbox(c)).extracting(Packet::payload).containsExactly("a-c");
        assertThat(inbox(a)).extracting(Packet::payload).containsExactly("d-a");
    }

    @Test
    void unlistedMachinesFormTheirOwnGroup() {
        Machine a = machine("a");
        Machine c = machine("c");
        Machine d = machine("d");
        net.partition(List.of(Set.of("a")));
        send(c, d, "c-d");
        send(c, a, "c-a");
        sim.run();
        assertThat(inbox(d)).hasSize(1);
        assertThat(inbox(a)).isEmpty();
    }

    @Test
    void oneWayBlockStopsOnlyOneDirection() {
        Machine a = machine("a");
        Machine b = machine("b");
        net.block("a", "b");
        send(a, b, "a-b");
        send(b, a, "b-a");
        sim.run();
        assertThat(inbox(b)).isEmpty();
        assertThat(inbox(a)).extracting(Packet::payload).containsExactly("b-a");
        assertThat(net.packetsDropped(DropReason.BLOCKED)).isEqualTo(1);
        assertThat(net.blocks()).containsExactly(List.of("a", "b"));
        net.unblock("a", "b");
        send(a, b, "a-b");
        sim.run();
        assertThat(inbox(b)).hasSize(1);
    }

    @Test
    void partitionMadeWhileAPacketTravelsStopsIt() {
        Machine a = machine("a");
        Machine b = machine("b");
        send(a, b, "late");
        sim.runFor(100 * Time.MICROSECOND);
        net.partition(List.of(Set.of("a"), Set.of("b")));
        sim.run();
        assertThat(inbox(b)).isEmpty();
    }

    @Test
    void linkDownMeansNoRouteAndLinkUpRestores() {
        Machine a = machine("a");
        Machine b = machine("b");
        net.linkDown("b", "sw0");
        send(a, b, "x");
        sim.run();
        assertThat(inbox(b)).isEmpty();
        assertThat(net.packetsDropped(DropReason.NO_ROUTE)).isEqualTo(1);
        assertThat(net.hasRoute(a, net.addressOf(b))).isFalse();
        net.linkUp("b", "sw0");
        send(a, b, "y");
        sim.run();
        assertThat(inbox(b)).extracting(Packet::payload).containsExactly("y");
        // A packet already past the first hop when the second link goes down is lost too.
        send(a, b, "z");
        sim.runFor(700 * Time.MICROSECOND);
        net.linkDown("b", "sw0");
        sim.run();
        assertThat(inbox(b)).hasSize(1);
        assertThat(net.packetsDropped(DropReason.LINK_DOWN)).isEqualTo(1);
    }

    @Test
    void routesTakeTheShortestPathAndBreakTiesByName() {
        // a - swA - swB - b, and a second path a - swC - swD - swE - b; plus a parallel equal path via swZ.
        Simulation s = new Simulation(1);
        Network n = new Network(s);
        Machine a = Machine.standard(s, "a");
        Machine b = Machine.standard(s, "b");
        n.addMachine(a, Ipv4.parse("10.0.0.1"));
        n.addMachine(b, Ipv4.parse("10.0.0.2"));
        for (String sw : List.of("swZ", "swB", "swA", "swC", "swD", "swE")) {
            n.addSwitch(sw);
        }
        LinkSettings slow = LinkSettings.DEFAULT.withLatency(LatencyModel.constant(Time.MILLISECOND));
        n.connect("a", "swZ", slow);
        n.connect("swZ", "b", slow);
        n.connect("a", "swA", slow);
        n.connect("swA", "b", slow);
        n.connect("a", "swC", slow);
        n.connect("swC", "swD", slow);
        n.connect("swD", "swE", slow);
        n.connect("swE", "b", slow);
        List<Packet> got = new ArrayList<>();
        n.setReceiver(b, got::add);
        n.send(udp(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2"), "x", 100));
        s.run();
        assertThat(got).hasSize(1);
        assertThat(s.now()).isEqualTo(2 * Time.MILLISECOND + 2 * 800);
        // The tie between swA and swZ went to swA: its links carried the packet.
        assertThat(n.link("a", "swA").busyUntilNanos(Link.A_TO_B)).isPositive();
        assertThat(n.link("a", "swZ").busyUntilNanos(Link.A_TO_B)).isZero();
        // Cut both short paths: the long way round is found.
        n.linkDown("swA", "b");
        n.linkDown("a", "swZ");
        long start = s.now();
        n.send(udp(Ipv4.parse("10.0.0.1"), Ipv4.parse("10.0.0.2"), "y", 100));
        s.run();
        assertThat(got).hasSize(2);
        assertThat(s.now() - start).isEqualTo(4 * Time.MILLISECOND + 4 * 800);
    }

    @Test
    void machinesDoNotForward() {
        Simulation s = new Simulation(1);
        Network n = new Network(s);
        Machine a = Machine.standard(s, "a");
        Machine m = Machine.standard(s, "m");
        Machine b = Machine.standard(s, "b");
        n.addMachine(a, Ipv4.parse("10.0.0.1"));
        n.addMachine(m, Ipv4.parse("10.0.0.2"));
        n.addMachine(b, Ipv4.parse("10.0.0.3"));
        n.connect("a", "m");
        n.connect("m", "b");
        assertThat(n.hasRoute(a, Ipv4.parse("10.0.0.3"))).isFalse();
        assertThat(n.hasRoute(a, Ipv4.parse("10.0.0.2"))).isTrue();
    }

    @Test
    void nothingReachesACrashedMachineNotEvenWhatWasInFlight() {
        Machine a = machine("a");
        Machine b = machine("b");
        b.crash();
        send(a, b, "to-crashed");
        sim.run();
        assertThat(inbox(b)).isEmpty();
        b.restart();
        send(a, b, "in-flight");
        sim.runFor(200 * Time.MICROSECOND);
        b.crash();
        sim.runFor(2 * Time.MILLISECOND);
        b.restart();
        sim.run();
        assertThat(inbox(b)).isEmpty();
        assertThat(net.packetsDropped(DropReason.CRASHED)).isEqualTo(2);
        // A crashed sender sends nothing.
        a.crash();
        send(a, b, "from-crashed");
        sim.run();
        assertThat(inbox(b)).isEmpty();
        assertThat(net.packetsDropped(DropReason.CRASHED)).isEqualTo(3);
    }

    @Test
    void queuedPacketsLeaveInOrderAtTheLinkBandwidth() {
        Machine a = machine("a");
        Machine b = machine("b");
        net.setBandwidth(8_000_000);
        net.setLatency(LatencyModel.constant(0));
        List<Long> arrivals = new ArrayList<>();
        net.setReceiver(b, p -> arrivals.add(sim.now()));
        for (int i = 0; i < 1000; i++) {
            send(a, b, i);
        }
        sim.run();
        // 1000 x 100 B = 800 kbit over 8 Mbit/s: 100 ms, plus one packet's time on the second hop.
        assertThat(arrivals).hasSize(1000).isSorted();
        assertThat(arrivals.get(999)).isEqualTo(100 * Time.MILLISECOND + 100 * Time.MICROSECOND);
    }

    @Test
    void aFloodIsTailDroppedOnceTheQueueIsFull() {
        Machine a = machine("a");
        Machine b = machine("b");
        net.setBandwidth(8_000_000);
        for (int i = 0; i < 10_000; i++) {
            net.send(udp(net.addressOf(a), net.addressOf(b), i, 1500));
        }
        sim.run();
        // 1.5 ms per packet on the wire: the first link holds 5 s of them, about 3,334 packets.
        assertThat(inbox(b)).hasSizeBetween(3_330, 3_340);
        assertThat(net.packetsDropped(DropReason.QUEUE_FULL)).isEqualTo(10_000 - inbox(b).size());
    }

    @Test
    void everyStepIsTraced() {
        MemoryTraceSink sink = new MemoryTraceSink(100);
        sim.trace().addSink(sink);
        Machine a = machine("a");
        Machine b = machine("b");
        send(a, b, "ok");
        sim.run();
        net.block("a", "b");
        send(a, b, "blocked");
        sim.run();
        List<String> lines = sink.records().stream()
                .filter(r -> r.component().equals("net"))
                .map(r -> r.machine() + " " + r.kind() + " " + r.fields().get("id") + " " + r.stringField("reason"))
                .toList();
        assertThat(lines).containsExactly("a attach null null", "b attach null null",
                "a send 1 null", "b deliver 1 null", "a block null null", "a send 2 null", "a drop 2 blocked");
        TraceRecord send = sink.records().stream().filter(r -> r.kind().equals("send")).findFirst().orElseThrow();
        assertThat(send.stringField("src")).isEqualTo("192.168.0.11:5000");
        assertThat(send.stringField("dst")).isEqualTo("192.168.0.12:6000");
        assertThat(send.longField("size", 0)).isEqualTo(100);
    }
}
