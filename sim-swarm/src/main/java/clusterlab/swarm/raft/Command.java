package clusterlab.swarm.raft;

/** What a log entry carries: the leader's empty entry, client data, or a membership change. */
public sealed interface Command {
    /** The empty entry a new leader appends so that it can commit entries of earlier terms. */
    record Noop() implements Command {
        @Override
        public String toString() {
            return "noop";
        }
    }

    /** An opaque client command (the replicated store encodes its operations as text). */
    record Data(String value) implements Command {
        public Data {
            if (value == null) {
                throw new IllegalArgumentException("data is null");
            }
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /** A one-server membership change; it takes effect when applied. */
    record ConfChange(Op op, long node) implements Command {
        public enum Op { ADD, REMOVE }

        @Override
        public String toString() {
            return "conf " + op.name().toLowerCase(java.util.Locale.ROOT) + " " + node;
        }
    }
}
