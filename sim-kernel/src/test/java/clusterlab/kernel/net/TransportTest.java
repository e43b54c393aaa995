package clusterlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.trace.MemoryTraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransportTest {
    private final Simulation sim = new Simulation(2024);
    private final Network net = new Network(sim);
    private final Transport transport = new Transport(net);
    private final Machine client = attach("node1");
    private final Machine server = attach("node2");

    private Machine attach(String name) {
        Machine m = Machine.standard(sim, name);
        net.attach(m);
        return m;
    }

    /** Everything a connection's handler saw. */
    static final class Recorder implements ConnectionHandler {
        final List<Object> messages = new ArrayList<>();
        final List<Long> arrivalNanos = new ArrayList<>();
        final List<CloseReason> closes = new ArrayList<>();
        private final Simulation sim;

        Recorder(Simulation sim) {
            this.sim = sim;
        }

        @Override
        public void onMessage(Connection connection, Object message) {
            messages.add(message);
            arrivalNanos.add(sim.now());
        }

        @Override
        public void onClose(Connection connection, CloseReason reason) {
            closes.add(reason);
        }
    }

    /** The outcome of a connect. */
    static final class Outcome implements ConnectCallback {
        Connection connection;
        ConnectFailure failure;
        long atNanos = -1;
        final Simulation sim;

        Outcome(Simulation sim) {
            this.sim = sim;
        }

        @Override
        public void connected(Connection c) {
            connection = c;
            atNanos = sim.now();
        }

        @Override
        public void failed(ConnectFailure f) {
            failure = f;
            atNanos = sim.now();
        }
    }

    private Recorder serve(Machine m, int port, List<Connection> accepted) {
        Recorder recorder = new Recorder(sim);
        transport.listen(m, port, c -> {
            accepted.add(c);
            c.setHandler(recorder);
        });
        return recorder;
    }

    private Outcome connect(Machine from, Ipv4 to, int port) {
        Outcome outcome = new Outcome(sim);
        transport.connect(from, to, port, 20 * Time.SECOND, outcome);
        return outcome;
    }

    @Test
    void connectsAndExchangesMessagesBothWays() {
        List<Connection> accepted = new ArrayList<>();
        Recorder atServer = serve(server, 2377, accepted);
        Outcome outcome = connect(client, net.addressOf(server), 2377);
        sim.run();
        assertThat(outcome.failure).isNull();
        Connection c = outcome.connection;
        assertThat(c.localAddress()).isEqualTo(net.addressOf(client));
        assertThat(c.localPort()).isEqualTo(HostStack.FIRST_EPHEMERAL_PORT);
        assertThat(c.remotePort()).isEqualTo(2377);
        assertThat(accepted).hasSize(1);
        assertThat(accepted.get(0).remotePort()).isEqualTo(c.localPort());
        assertThat(accepted.get(0).remoteAddress()).isEqualTo(net.addressOf(client));
        Recorder atClient = new Recorder(sim);
        c.setHandler(atClient);
        c.send("ping", 10);
        accepted.get(0).send("pong", 10);
        sim.run();
        assertThat(atServer.messages).containsExactly("ping");
        assertThat(atClient.messages).containsExactly("pong");
        // A second connection takes the next ephemeral port.
        Outcome second = connect(client, net.addressOf(server), 2377);
        sim.run();
        assertThat(second.connection.localPort()).isEqualTo(HostStack.FIRST_EPHEMERAL_PORT + 1);
    }

    @Test
    void closedPortIsRefused() {
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.run();
        assertThat(outcome.failure).isEqualTo(ConnectFailure.REFUSED);
        // One round trip: four hops of at most 600 us.
        assertThat(outcome.atNanos).isLessThan(2_500 * Time.MICROSECOND);
        assertThat(transport.stack(client).connections()).isEmpty();
    }

    @Test
    void unknownAddressIsUnreachable() {
        Outcome outcome = connect(client, Ipv4.parse("192.168.0.99"), 80);
        sim.run();
        assertThat(outcome.failure).isEqualTo(ConnectFailure.UNREACHABLE);
        net.linkDown("node2", "sw0");
        Outcome cut = connect(client, net.addressOf(server), 80);
        sim.run();
        assertThat(cut.failure).isEqualTo(ConnectFailure.UNREACHABLE);
    }

    @Test
    void connectAcrossAPartitionTimesOutAfterRetryingTheSyn() {
        serve(server, 2377, new ArrayList<>());
        net.partition(List.of(Set.of("node1"), Set.of("node2")));
        Outcome outcome = new Outcome(sim);
        transport.connect(client, net.addressOf(server), 2377, 10 * Time.SECOND, outcome);
        sim.run();
        assertThat(outcome.failure).isEqualTo(ConnectFailure.TIMED_OUT);
        assertThat(outcome.atNanos).isEqualTo(10 * Time.SECOND);
        // SYN at 0, then at 1 s, 3 s and 7 s.
        assertThat(net.packetsDropped(DropReason.PARTITION)).isEqualTo(4);
        assertThat(transport.stack(client).connections()).isEmpty();
    }

    @Test
    void connectSucceedsWhenAPartitionHealsBeforeTheTimeout() {
        serve(server, 2377, new ArrayList<>());
        net.partition(List.of(Set.of("node1"), Set.of("node2")));
        Outcome outcome = connect(client, net.addressOf(server), 2377);
        sim.runFor(2 * Time.SECOND);
        net.heal();
        sim.run();
        assertThat(outcome.connection).isNotNull();
        // The SYN resent at 3 s made it.
        assertThat(outcome.atNanos).isBetween(3 * Time.SECOND, 3 * Time.SECOND + 5 * Time.MILLISECOND);
    }

    @Test
    void messagesArriveExactlyOnceInOrderOverABadLink() {
        net.setLoss(0.2);
        net.setDuplication(0.1);
        net.setLatency(LatencyModel.normalJitter(2 * Time.MILLISECOND, 2 * Time.MILLISECOND));
        List<Connection> accepted = new ArrayList<>();
        Recorder atServer = serve(server, 8080, accepted);
        Outcome outcome = connect(client, net.addressOf(server), 8080);
        sim.runWhile(() -> outcome.atNanos < 0);
        assertThat(outcome.connection).isNotNull();
        Recorder atClient = new Recorder(sim);
        outcome.connection.setHandler(atClient);
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int n = i;
            expected.add(n);
            // Some messages span several segments.
            sim.schedule(i * 100 * Time.MICROSECOND, () -> outcome.connection.send(n, n % 7 == 0 ? 4000 : 100));
        }
        sim.run();
        assertThat(atServer.messages).containsExactlyElementsOf(expected);
        assertThat(atServer.closes).isEmpty();
        // The wire did misbehave: losses, duplicates, and retransmissions made up for them.
        assertThat(net.packetsDropped(DropReason.LOSS)).isGreaterThan(100);
        assertThat(net.packetsDuplicated()).isGreaterThan(50);
        // And the other way, echoing.
        for (Object m : atServer.messages) {
            accepted.get(0).send(m, 50);
        }
        sim.run();
        assertThat(atClient.messages).containsExactlyElementsOf(expected);
    }

    @Test
    void closeTellsThePeerAfterTheData() {
        List<Connection> accepted = new ArrayList<>();
        Recorder atServer = serve(server, 80, accepted);
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.run();
        Recorder atClient = new Recorder(sim);
        outcome.connection.setHandler(atClient);
        outcome.connection.send("last words", 100);
        outcome.connection.close();
        assertThat(outcome.connection.isOpen()).isFalse();
        assertThat(outcome.connection.send("too late", 1)).isFalse();
        sim.run();
        assertThat(atServer.messages).containsExactly("last words");
        assertThat(atServer.closes).containsExactly(CloseReason.PEER_CLOSED);
        assertThat(atClient.closes).isEmpty();
        assertThat(transport.stack(client).connections()).isEmpty();
        assertThat(transport.stack(server).connections()).isEmpty();
        assertThat(accepted.get(0).isOpen()).isFalse();
    }

    @Test
    void loopbackWorksOnBothAddressesAndIsNeverLost() {
        net.setLoss(1.0);
        List<Connection> accepted = new ArrayList<>();
        Recorder atServer = serve(client, 6379, accepted);
        Outcome viaLoopback = connect(client, Ipv4.LOOPBACK, 6379);
        Outcome viaOwnAddress = connect(client, net.addressOf(client), 6379);
        sim.run();
        assertThat(viaLoopback.connection.localAddress()).isEqualTo(Ipv4.LOOPBACK);
        assertThat(viaOwnAddress.connection.localAddress()).isEqualTo(net.addressOf(client));
        viaLoopback.connection.send("a", 10);
        viaOwnAddress.connection.send("b", 10);
        sim.run();
        assertThat(atServer.messages).containsExactlyInAnyOrder("a", "b");
        // Handshake: SYN, SYN-ACK, ACK at 20 us each.
        assertThat(viaLoopback.atNanos).isEqualTo(2 * Network.LOOPBACK_DELAY_NANOS);
        assertThat(net.packetsSent()).isZero();
        Outcome refused = connect(client, Ipv4.LOOPBACK, 1);
        sim.run();
        assertThat(refused.failure).isEqualTo(ConnectFailure.REFUSED);
    }

    @Test
    void portsCanBeBoundOnce() {
        Listener listener = transport.listen(server, 80, c -> { });
        assertThatThrownBy(() -> transport.listen(server, 80, c -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("address already in use");
        listener.close();
        transport.listen(server, 80, c -> { });
        transport.bindUdp(server, 7946, d -> { });
        assertThatThrownBy(() -> transport.bindUdp(server, 7946, d -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("address already in use");
        assertThat(transport.unbindUdp(server, 7946)).isTrue();
        transport.bindUdp(server, 7946, d -> { });
        assertThat(transport.stack(server).listeningPorts()).containsExactly(80);
    }

    @Test
    void closedListenerRefusesNewConnections() {
        Listener listener = transport.listen(server, 80, c -> { });
        listener.close();
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.run();
        assertThat(outcome.failure).isEqualTo(ConnectFailure.REFUSED);
    }

    @Test
    void datagramsAreDeliveredToTheBoundPort() {
        List<Datagram> got = new ArrayList<>();
        transport.bindUdp(server, 7946, got::add);
        transport.sendDatagram(client, 40000, net.addressOf(server), 7946, "gossip", 300);
        transport.sendDatagram(client, 40000, net.addressOf(server), 9999, "nobody", 300);
        sim.run();
        assertThat(got).hasSize(1);
        Datagram d = got.get(0);
        assertThat(d.payload()).isEqualTo("gossip");
        assertThat(d.sizeBytes()).isEqualTo(300);
        assertThat(d.src()).isEqualTo(net.addressOf(client));
        assertThat(d.srcPort()).isEqualTo(40000);
        net.setLoss(1.0);
        transport.sendDatagram(client, 40000, net.addressOf(server), 7946, "lost", 300);
        sim.run();
        assertThat(got).hasSize(1);
    }

    @Test
    void peerCrashIsNoticedByRetransmissionTimeout() {
        transport.setMaxRetransmissions(3);
        List<Connection> accepted = new ArrayList<>();
        serve(server, 80, accepted);
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.run();
        Recorder atClient = new Recorder(sim);
        outcome.connection.setHandler(atClient);
        server.crash();
        long crashedAt = sim.now();
        outcome.connection.send("anyone?", 10);
        sim.run();
        assertThat(atClient.closes).containsExactly(CloseReason.TIMEOUT);
        // 200 ms, then 400, 800 and 1600 ms of retries: broken 3 s after the send.
        assertThat(sim.now() - crashedAt).isEqualTo(3 * Time.SECOND);
        assertThat(transport.stack(client).connections()).isEmpty();
        assertThat(transport.stack(server).connections()).isEmpty();
    }

    @Test
    void restartedPeerAnswersWithReset() {
        List<Connection> accepted = new ArrayList<>();
        Recorder atServer = serve(server, 80, accepted);
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.run();
        Recorder atClient = new Recorder(sim);
        outcome.connection.setHandler(atClient);
        server.crash();
        sim.runFor(Time.SECOND);
        server.restart();
        assertThat(transport.stack(server).listeningPorts()).isEmpty();
        outcome.connection.send("hello again", 10);
        sim.run();
        assertThat(atClient.closes).containsExactly(CloseReason.RESET);
        assertThat(atServer.messages).isEmpty();
        Outcome again = connect(client, net.addressOf(server), 80);
        sim.run();
        assertThat(again.failure).isEqualTo(ConnectFailure.REFUSED);
    }

    @Test
    void aCrashedClientCallsNobodyBack() {
        serve(server, 80, new ArrayList<>());
        net.partition(List.of(Set.of("node1"), Set.of("node2")));
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.runFor(Time.SECOND / 2);
        client.crash();
        sim.run();
        assertThat(outcome.atNanos).isEqualTo(-1);
        assertThat(sim.pendingEvents()).isZero();
    }

    @Test
    void aLargeTransferTakesSizeOverBandwidth() {
        net.setBandwidth(8_000_000);
        List<Connection> accepted = new ArrayList<>();
        Recorder atServer = serve(server, 80, accepted);
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.run();
        long start = sim.now();
        outcome.connection.send("one megabyte", 1_000_000);
        sim.run();
        assertThat(atServer.messages).containsExactly("one megabyte");
        long tookNanos = atServer.arrivalNanos.get(0) - start;
        // 1 MB at 8 Mbit/s is 1 s; headers (40 B per 1460) add under 3 %.
        assertThat(tookNanos).isBetween(Time.SECOND, 1_060 * Time.MILLISECOND);
        assertThat(net.packetsDropped()).isZero();
    }

    @Test
    void aConnectionRidesOutAShortPartition() {
        List<Connection> accepted = new ArrayList<>();
        Recorder atServer = serve(server, 80, accepted);
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.run();
        net.partition(List.of(Set.of("node1"), Set.of("node2")));
        outcome.connection.send("during", 10);
        sim.runFor(5 * Time.SECOND);
        assertThat(atServer.messages).isEmpty();
        net.heal();
        sim.run();
        assertThat(atServer.messages).containsExactly("during");
        assertThat(atServer.closes).isEmpty();
        assertThat(outcome.connection.isOpen()).isTrue();
    }

    @Test
    void eachStepIsTraced() {
        MemoryTraceSink sink = new MemoryTraceSink(1000);
        sim.trace().addSink(sink);
        List<Connection> accepted = new ArrayList<>();
        serve(server, 80, accepted);
        Outcome outcome = connect(client, net.addressOf(server), 80);
        sim.run();
        outcome.connection.send("x", 1);
        sim.run();
        outcome.connection.close();
        sim.run();
        connect(client, net.addressOf(server), 81);
        sim.run();
        List<String> steps = sink.records().stream().filter(r -> r.component().equals("tcp"))
                .map(r -> r.machine() + " " + r.kind()).toList();
        assertThat(steps).containsExactly("node2 listen", "node1 connect", "node1 connected", "node2 accept",
                "node2 message", "node1 close", "node2 peer-closed", "node1 closed",
                "node1 connect", "node2 send-reset", "node1 refused");
    }
}
