package clusterlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Whatever the seed and however bad the wire, a connection delivers each message once, in order. */
class ReliableDeliveryProperties {

    // A fixed seed keeps the suite reproducible; loss stays at most 20 % per link so 15 retries always suffice.
    @Property(tries = 40, seed = "20240601")
    void messagesArriveOnceInOrder(@ForAll long seed,
                                   @ForAll @DoubleRange(min = 0.0, max = 0.2) double loss,
                                   @ForAll @DoubleRange(min = 0.0, max = 0.3) double duplication,
                                   @ForAll @IntRange(min = 0, max = 5_000) int jitterMicros,
                                   @ForAll @IntRange(min = 1, max = 150) int messages) {
        Simulation sim = new Simulation(seed);
        Network net = new Network(sim);
        Transport transport = new Transport(net);
        Machine a = Machine.standard(sim, "a");
        Machine b = Machine.standard(sim, "b");
        net.attach(a);
        net.attach(b);
        net.setLoss(loss);
        net.setDuplication(duplication);
        net.setLatency(LatencyModel.uniformJitter(200 * Time.MICROSECOND, jitterMicros * Time.MICROSECOND));
        List<Object> received = new ArrayList<>();
        List<CloseReason> closes = new ArrayList<>();
        transport.listen(b, 80, c -> c.setHandler(new ConnectionHandler() {
            @Override
            public void onMessage(Connection connection, Object message) {
                received.add(message);
            }

            @Override
            public void onClose(Connection connection, CloseReason reason) {
                closes.add(reason);
            }
        }));
        List<Object> sent = new ArrayList<>();
        transport.connect(a, net.addressOf(b), 80, Time.MINUTE, new ConnectCallback() {
            @Override
            public void connected(Connection connection) {
                for (int i = 0; i < messages; i++) {
                    sent.add(i);
                    connection.send(i, (i * 997) % 5000);
                }
                connection.close();
            }

            @Override
            public void failed(ConnectFailure failure) {
                throw new AssertionError("connect failed: " + failure);
            }
        });
        sim.run();
        assertThat(sent).hasSize(messages);
        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(closes).containsExactly(CloseReason.PEER_CLOSED);
        assertThat(transport.stack(b).connections()).isEmpty();
    }
}
