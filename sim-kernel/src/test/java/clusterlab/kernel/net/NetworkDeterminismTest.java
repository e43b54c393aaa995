package clusterlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.SimRandom;
import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.machine.MachineListener;
import clusterlab.kernel.trace.TraceRecord;
import clusterlab.kernel.trace.TraceSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A randomized workload over five machines (datagrams, connections exchanging messages, loss,
 * duplication, jitter, a partition, a crash and restart) must give the same trace on every run with
 * the same seed. The integrator runs {@link #main} in separate JVMs to compare across processes.
 */
public class NetworkDeterminismTest {
    private static final int MACHINES = 5;
    private static final int GOSSIP_PORT = 7946;
    private static final int SERVICE_PORT = 2377;
    private static final int ACTIONS = 1500;
    private static final long WORKLOAD_SPAN_NANOS = 20 * Time.SECOND;

    /** Runs the workload with this seed and returns the trace digest. */
    public static String runWorkload(long seed) {
        return run(seed, new TreeMap<>());
    }

    /** Runs the workload, counting trace records by "component/kind" into {@code kinds}. */
    private static String run(long seed, Map<String, Long> kinds) {
        Simulation sim = new Simulation(seed);
        sim.trace().addSink(new TraceSink() {
            @Override
            public void accept(TraceRecord r, String canonicalJson) {
                kinds.merge(r.component() + "/" + r.kind(), 1L, Long::sum);
            }

            @Override
            public void close() {}
        });
        Network net = new Network(sim);
        Transport transport = new Transport(net);
        net.setLoss(0.05);
        net.setDuplication(0.02);
        net.setLatency(LatencyModel.normalJitter(Time.MILLISECOND, 500 * Time.MICROSECOND));
        transport.setMaxRetransmissions(6);
        SimRandom workload = sim.random().stream("workload");
        List<Machine> machines = new ArrayList<>();
        for (int i = 1; i <= MACHINES; i++) {
            Machine m = Machine.standard(sim, "node" + i);
            net.attach(m);
            machines.add(m);
            startServices(transport, m, workload);
            m.addListener(new MachineListener() {
                @Override
                public void onRestart(Machine machine) {
                    startServices(transport, machine, workload);
                }
            });
        }
        for (int i = 0; i < ACTIONS; i++) {
            long at = workload.nextLong(WORKLOAD_SPAN_NANOS);
            Machine from = workload.pick(machines);
            Machine to = workload.pick(machines);
            boolean datagram = workload.chance(0.6);
            int messages = 1 + workload.nextInt(8);
            sim.at(at, () -> {
                if (!from.isRunning()) {
                    return;
                }
                if (datagram) {
                    transport.sendDatagram(from, GOSSIP_PORT, net.addressOf(to), GOSSIP_PORT, "ping", 64 + workload.nextInt(1400));
                } else {
                    converse(transport, from, net.addressOf(to), messages, workload);
                }
            });
        }
        sim.at(5 * Time.SECOND, () -> net.partition(List.of(Set.of("node1", "node2"), Set.of("node3"))));
        sim.at(8 * Time.SECOND, net::heal);
        sim.at(10 * Time.SECOND, () -> machines.get(4).crash());
        sim.at(12 * Time.SECOND, () -> machines.get(4).restart());
        sim.at(14 * Time.SECOND, () -> net.block("node2", "node4"));
        sim.at(15 * Time.SECOND, () -> net.unblock("node2", "node4"));
        sim.run();
        sim.trace().record("", "test", "summary", "sent", net.packetsSent(), "delivered", net.packetsDelivered(),
                "dropped", net.packetsDropped(), "events", sim.eventsExecuted());
        return sim.trace().digestHex();
    }

    /** A gossip-like UDP echo and a TCP echo server that closes when told "bye". */
    private static void startServices(Transport transport, Machine m, SimRandom workload) {
        transport.bindUdp(m, GOSSIP_PORT, d -> {
            if ("ping".equals(d.payload()) && workload.chance(0.5)) {
                transport.sendDatagram(m, GOSSIP_PORT, d.src(), d.srcPort(), "ack", 64);
            }
        });
        transport.listen(m, SERVICE_PORT, c -> c.setHandler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection connection, Object message) {
                if ("bye".equals(message)) {
                    connection.close();
                } else {
                    connection.send("echo " + message, 100 + workload.nextInt(3000));
                }
            }

            @Override
            public void onClose(Connection connection, CloseReason reason) {}
        }));
    }

    /** Connects, sends some messages (each after the previous echo), then says bye. */
    private static void converse(Transport transport, Machine from, Ipv4 to, int messages, SimRandom workload) {
        transport.connect(from, to, SERVICE_PORT, 5 * Time.SECOND, new ConnectCallback() {
            @Override
            public void connected(Connection connection) {
                int[] left = {messages};
                connection.setHandler(new ConnectionHandler() {
                    @Override
                    public void onMessage(Connection c, Object message) {
                        left[0]--;
                        c.send(left[0] > 0 ? "request " + left[0] : "bye", 200 + workload.nextInt(5000));
                    }

                    @Override
                    public void onClose(Connection c, CloseReason reason) {}
                });
                connection.send("request " + messages, 200 + workload.nextInt(5000));
            }

            @Override
            public void failed(ConnectFailure failure) {}
        });
    }

    @Test
    void sameSeedSameTraceDifferentSeedDifferentTrace() {
        String first = runWorkload(12345);
        String second = runWorkload(12345);
        String other = runWorkload(54321);
        assertThat(first).isEqualTo(second).hasSize(64);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theWorkloadExercisesEveryPath() {
        Map<String, Long> kinds = new TreeMap<>();
        run(777, kinds);
        long total = kinds.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isGreaterThan(20_000);
        assertThat(kinds).containsKeys("net/send", "net/deliver", "net/drop", "net/partition", "net/heal",
                "tcp/connect", "tcp/accept", "tcp/message", "tcp/retransmit", "tcp/close", "tcp/peer-closed",
                "machine/crash", "machine/restart");
    }

    public static void main(String[] args) {
        System.out.println(runWorkload(Long.parseLong(args[0])));
    }
}
