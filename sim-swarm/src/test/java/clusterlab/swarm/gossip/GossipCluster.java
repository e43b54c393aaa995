package clusterlab.swarm.gossip;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Network;
import clusterlab.kernel.net.Transport;
import java.util.ArrayList;
import java.util.List;

/** A simulated LAN of n machines (m001, m002, ...) running gossip. */
final class GossipCluster {
    final Simulation sim;
    final Network network;
    final Transport transport;
    final GossipDriver driver;
    final List<Machine> machines = new ArrayList<>();

    GossipCluster(long seed, int n, boolean traceOn, GossipConfig config) {
        sim = new Simulation(seed);
        sim.trace().setOn(traceOn);
        network = new Network(sim);
        transport = new Transport(network);
        for (int i = 0; i < n; i++) {
            Machine m = Machine.standard(sim, String.format("m%03d", i + 1));
            // 10.0.0.0/16 leaves room for a thousand machines (the default /24 does not)
            network.attach(m, Ipv4.of(10, 0, i / 200, 11 + i % 200));
            machines.add(m);
        }
        driver = new GossipDriver(network, transport, config);
    }

    String name(int i) {
        return machines.get(i).name();
    }

    GossipNode node(int i) {
        return driver.node(name(i));
    }

    /** The state {@code observer} holds for {@code subject}, or null if unknown/down. */
    MemberState stateOf(int observer, int subject) {
        GossipNode o = node(observer);
        Member m = o == null ? null : o.member(name(subject));
        return m == null ? null : m.state();
    }

    boolean allLiveSee(int subject, MemberState state, List<Integer> observers) {
        for (int o : observers) {
            if (stateOf(o, subject) != state) {
                return false;
            }
        }
        return true;
    }

    /** Runs until {@code done} holds, checking every {@code stepNanos}, for at most {@code limitNanos}. */
    long runUntil(java.util.function.BooleanSupplier done, long stepNanos, long limitNanos) {
        long start = sim.now();
        while (!done.getAsBoolean() && sim.now() - start < limitNanos) {
            sim.runFor(stepNanos);
        }
        return sim.now() - start;
    }

    /** Everything the live nodes believe, as text (for determinism checks and failure messages). */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (GossipNode n : driver.liveNodes()) {
            sb.append(n.name()).append(" inc=").append(n.incarnation()).append(':');
            for (Member m : n.members()) {
                sb.append(' ').append(m.name()).append('=').append(m.state().label()).append('/').append(m.incarnation());
            }
            sb.append(" kv=").append(n.entries()).append('\n');
        }
        return sb.toString();
    }
}
