package clusterlab.swarm.raft;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything a node steps: local triggers (term 0: {@link Hup}, {@link Prop},
 * {@link TransferLeader}) and the messages nodes exchange. Modelled on etcd raft's MessageType.
 */
public sealed interface Message {
    long from();

    long to();

    /** The sender's term, or 0 for a local message. */
    long term();

    /** A short one-line description for traces and transcripts. */
    default String describe() {
        return from() + "->" + to() + " " + getClass().getSimpleName() + " term=" + term() + details();
    }

    default String details() {
        return "";
    }

    /** Local: the election timer fired (or a test asks the node to campaign). */
    record Hup(long from, long to) implements Message {
        public long term() {
            return 0;
        }
    }

    /** Local: a client proposes commands to this node (only a leader accepts). */
    record Prop(long from, long to, List<Command> commands) implements Message {
        public Prop {
            commands = List.copyOf(commands);
        }

        public long term() {
            return 0;
        }
    }

    /** Local (or forwarded to the leader): make {@code from} the leader. */
    record TransferLeader(long from, long to) implements Message {
        public long term() {
            return 0;
        }
    }

    /** Would you vote for me at {@code term} (which the sender has not entered yet)? */
    record PreVote(long from, long to, long term, long lastIndex, long lastTerm) implements Message {
        public String details() {
            return " last=" + lastIndex + "/" + lastTerm;
        }
    }

    record PreVoteResp(long from, long to, long term, boolean reject) implements Message {
        public String details() {
            return reject ? " reject" : "";
        }
    }

    /** A vote request; {@code transfer} marks an election a leader asked for (it ignores leases). */
    record Vote(long from, long to, long term, long lastIndex, long lastTerm, boolean transfer) implements Message {
        public String details() {
            return " last=" + lastIndex + "/" + lastTerm + (transfer ? " transfer" : "");
        }
    }

    record VoteResp(long from, long to, long term, boolean reject) implements Message {
        public String details() {
            return reject ? " reject" : "";
        }
    }

    /** Append {@code entries} after (prevIndex, prevTerm); the leader has committed {@code commit}. */
    record App(long from, long to, long term, long prevIndex, long prevTerm, List<Entry> entries, long commit)
            implements Message {
        public App {
            entries = List.copyOf(entries);
        }

        public String details() {
            return " prev=" + prevIndex + "/" + prevTerm + " commit=" + commit + " entries=["
                    + entries.stream().map(Entry::toString).collect(Collectors.joining(", ")) + "]";
        }
    }

    /**
     * Reply to {@link App} (or {@link Snap}): accepted up to {@code index}, or rejected at {@code index}
     * with the follower's hint (the last index that may match, and its term) for fast backtracking.
     */
    record AppResp(long from, long to, long term, long index, boolean reject, long rejectHint, long hintTerm)
            implements Message {
        public String details() {
            return reject ? " reject index=" + index + " hint=" + rejectHint + "/" + hintTerm : " index=" + index;
        }
    }

    record Heartbeat(long from, long to, long term, long commit) implements Message {
        public String details() {
            return " commit=" + commit;
        }
    }

    record HeartbeatResp(long from, long to, long term) implements Message {}

    /** Install this snapshot: the entries you need are compacted away on the leader. */
    record Snap(long from, long to, long term, Snapshot snapshot) implements Message {
        public String details() {
            return " " + snapshot;
        }
    }

    /** From a leader handing over: campaign now, ignoring the election timeout. */
    record TimeoutNow(long from, long to, long term) implements Message {}
}
