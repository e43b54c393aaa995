package clusterlab.swarm.raft;

/**
 * Tuning of one node. The defaults are SwarmKit's: heartbeat every tick, election after 10 ticks
 * (randomized in [10, 20)), CheckQuorum and PreVote on, 256 messages in flight, a snapshot every
 * 10000 applied entries keeping 500 for slow followers.
 *
 * @param maxEntriesPerMsg bounds one append message, so a lagging follower is caught up in pieces
 * @param electionSpreadTicks the randomized election timeout is drawn from
 *     [electionTicks, electionTicks + spread): etcd's and SwarmKit's spread is electionTicks itself;
 *     the Raft paper's Figure 16 varies it (a spread of 1 tick means no randomness at all)
 */
public record RaftConfig(long id, int electionTicks, int heartbeatTicks, boolean checkQuorum, boolean preVote,
                         int maxInflightMsgs, int maxEntriesPerMsg, long snapshotInterval, long keepEntries,
                         int electionSpreadTicks) {
    public RaftConfig {
        if (electionSpreadTicks <= 0) {
            throw new IllegalArgumentException("election spread must be at least 1 tick, was " + electionSpreadTicks);
        }
        if (id <= 0) {
            throw new IllegalArgumentException("node id must be positive, was " + id);
        }
        if (heartbeatTicks <= 0 || electionTicks <= heartbeatTicks) {
            throw new IllegalArgumentException("need 0 < heartbeatTicks < electionTicks, was "
                    + heartbeatTicks + ", " + electionTicks);
        }
        if (maxInflightMsgs <= 0 || maxEntriesPerMsg <= 0 || snapshotInterval <= 0 || keepEntries < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static RaftConfig swarmDefaults(long id) {
        return new RaftConfig(id, 10, 1, true, true, 256, 64, 10_000, 500, 10);
    }

    public RaftConfig withId(long newId) {
        return new RaftConfig(newId, electionTicks, heartbeatTicks, checkQuorum, preVote, maxInflightMsgs,
                maxEntriesPerMsg, snapshotInterval, keepEntries, electionSpreadTicks);
    }

    /** Election after {@code election} ticks randomized over as many more, as etcd does. */
    public RaftConfig withElection(int election, int heartbeat) {
        return new RaftConfig(id, election, heartbeat, checkQuorum, preVote, maxInflightMsgs, maxEntriesPerMsg,
                snapshotInterval, keepEntries, election);
    }

    /** Election timeout drawn from [minTicks, maxTicks] inclusive (the paper's "150–155 ms"). */
    public RaftConfig withElectionRange(int minTicks, int maxTicks, int heartbeat) {
        return new RaftConfig(id, minTicks, heartbeat, checkQuorum, preVote, maxInflightMsgs, maxEntriesPerMsg,
                snapshotInterval, keepEntries, maxTicks - minTicks + 1);
    }

    public RaftConfig withFlags(boolean newCheckQuorum, boolean newPreVote) {
        return new RaftConfig(id, electionTicks, heartbeatTicks, newCheckQuorum, newPreVote, maxInflightMsgs,
                maxEntriesPerMsg, snapshotInterval, keepEntries, electionSpreadTicks);
    }

    public RaftConfig withSnapshots(long interval, long keep) {
        return new RaftConfig(id, electionTicks, heartbeatTicks, checkQuorum, preVote, maxInflightMsgs,
                maxEntriesPerMsg, interval, keep, electionSpreadTicks);
    }
}
