package clusterlab.ui;

import clusterlab.kernel.host.Host;
import clusterlab.lab.shell.LabSession;
import clusterlab.swarm.manager.SwarmCluster;
import clusterlab.swarm.manager.SwarmNode;
import clusterlab.swarm.raft.Entry;
import clusterlab.swarm.raft.RaftCore;
import java.util.ArrayList;
import java.util.List;

/** Reads every running manager's Raft state out of a session. Call on the simulation thread only. */
final class RaftRows {
    /** How many of a manager's newest log entries the panel shows. */
    static final int LOG_ENTRIES = 20;
    /** Commands are store operations as text (JSON-ish); the panel shows their start. */
    static final int COMMAND_CHARS = 60;

    private RaftRows() {
    }

    static List<ManagerRaft> of(LabSession session) {
        List<ManagerRaft> rows = new ArrayList<>();
        for (Host h : session.docker().cluster().hosts()) {
            if (!h.machine().isRunning()) {
                continue; // a crashed manager has no memory to show; its card says Down
            }
            Object socket = h.os().unixSocket(SwarmCluster.CONTROL_SOCKET);
            if (!(socket instanceof SwarmNode node) || !node.inSwarm() || !node.isManager()) {
                continue;
            }
            RaftCore core = node.raftCore();
            if (core != null) {
                rows.add(row(h.name(), core));
            }
        }
        return rows;
    }

    static ManagerRaft row(String node, RaftCore core) {
        List<Entry> entries = core.entries();
        List<ManagerRaft.LogLine> log = new ArrayList<>();
        for (Entry e : entries.subList(Math.max(0, entries.size() - LOG_ENTRIES), entries.size())) {
            log.add(new ManagerRaft.LogLine(e.index(), e.term(), shorten(e.command().toString())));
        }
        return new ManagerRaft(node, core.id(), ClusterCards.roleName(core.role()), core.term(), core.vote(),
                core.leader(), core.commitIndex(), core.appliedIndex(), core.lastIndex(), log);
    }

    /** One line, at most {@link #COMMAND_CHARS} characters, an ellipsis where it was cut. */
    static String shorten(String command) {
        String oneLine = command.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= COMMAND_CHARS ? oneLine : oneLine.substring(0, COMMAND_CHARS - 1) + "…";
    }
}
