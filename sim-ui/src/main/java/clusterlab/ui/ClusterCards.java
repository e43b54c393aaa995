package clusterlab.ui;

import clusterlab.kernel.host.Host;
import clusterlab.lab.shell.LabSession;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.Engine;
import clusterlab.swarm.manager.SwarmCluster;
import clusterlab.swarm.manager.SwarmNode;
import clusterlab.swarm.raft.RaftCore;
import clusterlab.swarm.raft.StateRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the machines' state out of a session into {@link MachineCard}s. Call on the simulation thread only. */
final class ClusterCards {
    private ClusterCards() {
    }

    static List<MachineCard> of(LabSession session) {
        List<MachineCard> cards = new ArrayList<>();
        for (Host h : session.docker().cluster().hosts()) {
            cards.add(card(h, session));
        }
        return cards;
    }

    private static MachineCard card(Host h, LabSession session) {
        boolean running = h.machine().isRunning();
        String swarmRole = "";
        String raftRole = "";
        long term = 0;
        SwarmNode node = swarmNode(h);
        if (node != null && node.inSwarm()) {
            swarmRole = node.isManager() ? "manager" : "worker";
            RaftCore core = node.isManager() && running ? raftCore(node) : null;
            if (core != null) {
                raftRole = roleName(core.role());
                term = core.term();
            }
        }
        List<String> containers = new ArrayList<>();
        if (running) {
            Engine engine = session.docker().engine(h.name());
            for (Container c : engine.containers()) {
                if (c.isRunning()) {
                    containers.add(c.name().startsWith("/") ? c.name().substring(1) : c.name());
                }
            }
        }
        return new MachineCard(h.name(), h.address().toString(), swarmRole, raftRole, term,
                running ? "Ready" : "Down", containers);
    }

    private static SwarmNode swarmNode(Host h) {
        Object socket = h.os().unixSocket(SwarmCluster.CONTROL_SOCKET);
        return socket instanceof SwarmNode n ? n : null;
    }

    /** StateLeader -> Leader, PRE_CANDIDATE -> PreCandidate. */
    static String roleName(StateRole role) {
        StringBuilder b = new StringBuilder();
        for (String word : role.name().split("_")) {
            b.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    private static RaftCore raftCore(SwarmNode node) {
        return node.raftCore();
    }
}
