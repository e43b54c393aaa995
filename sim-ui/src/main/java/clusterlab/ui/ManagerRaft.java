package clusterlab.ui;

import java.util.List;

/**
 * One swarm manager's Raft state at one instant, taken on the simulation thread (see
 * {@link RaftRows}) and shown by the Raft panel on the FX thread.
 *
 * @param node the machine it runs on
 * @param id its Raft id (swarm's random 64-bit node id)
 * @param role Leader, Follower, Candidate or PreCandidate
 * @param vote whom it voted for in this term (0: nobody)
 * @param leader whom it believes leads (0: unknown)
 * @param log its last entries, oldest first (at most {@link RaftRows#LOG_ENTRIES})
 */
public record ManagerRaft(String node, long id, String role, long term, long vote, long leader, long commitIndex,
                          long appliedIndex, long lastIndex, List<LogLine> log) {
    public ManagerRaft {
        log = List.copyOf(log);
    }

    /** One log entry as the panel shows it; the command text is already shortened. */
    public record LogLine(long index, long term, String command) {
        @Override
        public String toString() {
            return index + " t" + term + " " + command;
        }
    }

    public boolean isLeader() {
        return "Leader".equals(role);
    }
}
