package clusterlab.swarm.raft;

/** A state change of one node, for the trace (the driver records each one). */
public sealed interface RaftEvent {
    /** The trace kind, e.g. "became-leader". */
    String kind();

    /** Alternating field names and values (strings, longs and booleans only). */
    Object[] fields();

    default String describe() {
        StringBuilder b = new StringBuilder(kind());
        Object[] f = fields();
        for (int i = 0; i + 1 < f.length; i += 2) {
            b.append(' ').append(f[i]).append('=').append(f[i + 1]);
        }
        return b.toString();
    }

    record BecameFollower(long term, long leader) implements RaftEvent {
        public String kind() {
            return "became-follower";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "leader", leader};
        }
    }

    record BecamePreCandidate(long term) implements RaftEvent {
        public String kind() {
            return "became-pre-candidate";
        }

        public Object[] fields() {
            return new Object[] {"term", term};
        }
    }

    record BecameCandidate(long term) implements RaftEvent {
        public String kind() {
            return "became-candidate";
        }

        public Object[] fields() {
            return new Object[] {"term", term};
        }
    }

    record BecameLeader(long term) implements RaftEvent {
        public String kind() {
            return "became-leader";
        }

        public Object[] fields() {
            return new Object[] {"term", term};
        }
    }

    /** A leader gave up leadership without seeing a higher term (CheckQuorum, or removed). */
    record SteppedDown(long term, String reason) implements RaftEvent {
        public String kind() {
            return "stepped-down";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "reason", reason};
        }
    }

    record VoteGranted(long term, long candidate, boolean preVote) implements RaftEvent {
        public String kind() {
            return preVote ? "pre-vote-granted" : "vote-granted";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "candidate", candidate};
        }
    }

    record VoteRefused(long term, long candidate, boolean preVote, String reason) implements RaftEvent {
        public String kind() {
            return preVote ? "pre-vote-refused" : "vote-refused";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "candidate", candidate, "reason", reason};
        }
    }

    record AppendAccepted(long term, long leader, long lastIndex) implements RaftEvent {
        public String kind() {
            return "append-accepted";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "leader", leader, "last", lastIndex};
        }
    }

    record AppendRejected(long term, long leader, long prevIndex, long hint, String reason) implements RaftEvent {
        public String kind() {
            return "append-rejected";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "leader", leader, "prev", prevIndex, "hint", hint, "reason", reason};
        }
    }

    /** Entries a new leader's log replaced (uncommitted entries of an older term). */
    record EntriesOverwritten(long fromIndex, long count) implements RaftEvent {
        public String kind() {
            return "entries-overwritten";
        }

        public Object[] fields() {
            return new Object[] {"from", fromIndex, "count", count};
        }
    }

    record CommitAdvanced(long term, long from, long to) implements RaftEvent {
        public String kind() {
            return "commit";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "from", from, "to", to};
        }
    }

    record SnapshotTaken(long index, long term, long firstKept) implements RaftEvent {
        public String kind() {
            return "snapshot-taken";
        }

        public Object[] fields() {
            return new Object[] {"index", index, "term", term, "firstKept", firstKept};
        }
    }

    record SnapshotSent(long to, long index) implements RaftEvent {
        public String kind() {
            return "snapshot-sent";
        }

        public Object[] fields() {
            return new Object[] {"to", to, "index", index};
        }
    }

    record SnapshotInstalled(long index, long term, long leader) implements RaftEvent {
        public String kind() {
            return "snapshot-installed";
        }

        public Object[] fields() {
            return new Object[] {"index", index, "term", term, "leader", leader};
        }
    }

    record ConfChangeApplied(String op, long node, String voters) implements RaftEvent {
        public String kind() {
            return "conf-change";
        }

        public Object[] fields() {
            return new Object[] {"op", op, "node", node, "voters", voters};
        }
    }

    record ProposalDropped(String reason) implements RaftEvent {
        public String kind() {
            return "proposal-dropped";
        }

        public Object[] fields() {
            return new Object[] {"reason", reason};
        }
    }

    record TransferStarted(long term, long transferee) implements RaftEvent {
        public String kind() {
            return "transfer-started";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "to", transferee};
        }
    }

    record TransferAborted(long term, long transferee, String reason) implements RaftEvent {
        public String kind() {
            return "transfer-aborted";
        }

        public Object[] fields() {
            return new Object[] {"term", term, "to", transferee, "reason", reason};
        }
    }
}
