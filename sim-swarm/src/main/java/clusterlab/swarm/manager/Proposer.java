package clusterlab.swarm.manager;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Time;
import clusterlab.swarm.raft.Command;
import clusterlab.swarm.raft.Entry;
import clusterlab.swarm.raft.RaftCore;
import clusterlab.swarm.raft.StateRole;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A manager's proposals waiting for their commit: each is answered once this manager applies the
 * entry at its index (in the term it was proposed in: else a new leader overwrote it), or with a
 * deadline error after {@link #PROPOSAL_TIMEOUT_NANOS}.
 */
final class Proposer {
    /** How long a write waits for its commit before reporting a deadline error. */
    static final long PROPOSAL_TIMEOUT_NANOS = 20 * Time.SECOND;

    private record Pending(long term, Consumer<String> done, EventHandle timeout) {
    }

    private final SwarmNode node;
    private final TreeMap<Long, Pending> pending = new TreeMap<>();

    Proposer(SwarmNode node) {
        this.node = node;
    }

    /** Forgets every waiting proposal (the machine crashed: their timers died with it). */
    void clear() {
        pending.clear();
    }

    void proposeAll(List<String> commands, Consumer<String> done) {
        RaftCore core = node.cluster().driver().core(node.raftId());
        if (core == null || core.role() != StateRole.LEADER) {
            done.accept(Errors.NO_LEADER);
            return;
        }
        long index = 0;
        for (String c : commands) {
            index = node.cluster().driver().propose(node.raftId(), new Command.Data(c));
            if (index == 0) {
                done.accept(Errors.NO_LEADER);
                return;
            }
        }
        await(index, core.term(), done);
    }

    void proposeConf(Command.ConfChange change, Consumer<String> done) {
        RaftCore core = node.cluster().driver().core(node.raftId());
        long index = core == null ? 0 : node.cluster().driver().propose(node.raftId(), change);
        if (index == 0) {
            done.accept(Errors.NO_LEADER);
            return;
        }
        await(index, core.term(), done);
    }

    private void await(long index, long term, Consumer<String> done) {
        RaftCore core = node.cluster().driver().core(node.raftId());
        if (core != null && core.appliedIndex() >= index) {
            done.accept(null);
            return;
        }
        EventHandle timeout = node.machine().schedule(PROPOSAL_TIMEOUT_NANOS, () -> {
            Pending p = pending.remove(index);
            if (p != null) {
                p.done().accept(Errors.DEADLINE);
            }
        });
        Pending overwritten = pending.put(index, new Pending(term, done, timeout));
        if (overwritten != null) {
            // An earlier term's proposal at this index can no longer commit.
            overwritten.timeout().cancel();
            overwritten.done().accept(Errors.NO_LEADER);
        }
    }

    /** Called for every entry this manager's Raft member applies. */
    void applied(Entry entry) {
        Pending p = pending.remove(entry.index());
        if (p != null) {
            p.timeout().cancel();
            p.done().accept(entry.term() == p.term() ? null : Errors.NO_LEADER);
        }
    }
}
