package clusterlab.kernel.net;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.machine.Machine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Namespace stacks on one machine talk across its bridge, never over the network. */
class BridgeTest {
    private final Simulation sim = new Simulation(3);
    private final Network network = new Network(sim);
    private final Transport transport = new Transport(network);
    private final Machine node1 = Machine.standard(sim, "node1");
    private final Machine node2 = Machine.standard(sim, "node2");

    BridgeTest() {
        network.attach(node1);
        network.attach(node2);
        transport.stack(node1).addBridgeAddress(Ipv4.parse("172.17.0.1"), Subnet.parse("172.17.0.0/16"));
        transport.stack(node2).addBridgeAddress(Ipv4.parse("172.17.0.1"), Subnet.parse("172.17.0.0/16"));
    }

    private static ConnectCallback onConnect(List<String> log, String message) {
        return new ConnectCallback() {
            @Override
            public void connected(Connection c) {
                log.add("connected from " + c.localAddress());
                c.send(message, 10);
            }

            @Override
            public void failed(ConnectFailure failure) {
                log.add("failed " + failure);
            }
        };
    }

    @Test
    void theHostReachesAContainerAndTheContainerSeesTheGatewayAddress() {
        HostStack container = transport.createNamespaceStack(node1, "node1/web", Ipv4.parse("172.17.0.2"));
        List<String> log = new ArrayList<>();
        container.listen(80, c -> {
            log.add("accepted from " + c.remoteAddress());
            c.setHandler(new ConnectionHandler() {
                @Override
                public void onMessage(Connection conn, Object message) {
                    log.add("got " + message);
                }

                @Override
                public void onClose(Connection conn, CloseReason reason) {}
            });
        });
        network.setLoss(1.0); // the bridge never touches the wire
        transport.stack(node1).connect(Ipv4.parse("172.17.0.2"), 80, Time.SECOND, onConnect(log, "hello"));
        sim.runFor(Time.millis(10));
        assertThat(log).containsExactly("connected from 172.17.0.1", "accepted from 172.17.0.1", "got hello");
        assertThat(network.packetsSent()).isZero();
    }

    @Test
    void twoMachinesMayUseTheSameContainerAddressAndNeitherReachesTheOther() {
        HostStack a = transport.createNamespaceStack(node1, "node1/a", Ipv4.parse("172.17.0.2"));
        HostStack b = transport.createNamespaceStack(node2, "node2/b", Ipv4.parse("172.17.0.2"));
        List<String> log = new ArrayList<>();
        a.listen(80, c -> log.add("a accepted"));
        b.listen(80, c -> log.add("b accepted"));
        transport.stack(node2).connect(Ipv4.parse("172.17.0.2"), 80, Time.SECOND, onConnect(log, "x"));
        sim.runFor(Time.millis(10));
        assertThat(log).containsExactly("connected from 172.17.0.1", "b accepted");
    }

    @Test
    void aRemovedNamespaceRefusesNothingAndFreesItsAddress() {
        HostStack a = transport.createNamespaceStack(node1, "node1/a", Ipv4.parse("172.17.0.2"));
        transport.removeNamespaceStack(a);
        HostStack again = transport.createNamespaceStack(node1, "node1/a2", Ipv4.parse("172.17.0.2"));
        assertThat(again.address()).hasToString("172.17.0.2");
        List<String> log = new ArrayList<>();
        transport.stack(node1).connect(Ipv4.parse("172.17.0.2"), 80, Time.SECOND, onConnect(log, "x"));
        sim.runFor(Time.millis(10));
        assertThat(log).containsExactly("failed REFUSED");
    }

    @Test
    void aCrashRemovesEveryNamespaceOfTheMachine() {
        HostStack a = transport.createNamespaceStack(node1, "node1/a", Ipv4.parse("172.17.0.2"));
        a.listen(80, c -> {});
        node1.crash();
        node1.restart();
        transport.stack(node1).addBridgeAddress(Ipv4.parse("172.17.0.1"), Subnet.parse("172.17.0.0/16"));
        List<String> log = new ArrayList<>();
        transport.stack(node1).connect(Ipv4.parse("172.17.0.2"), 80, Time.seconds(2), onConnect(log, "x"));
        sim.runFor(Time.seconds(3));
        assertThat(log).hasSize(1).allMatch(l -> l.startsWith("failed"));
    }
}
