package clusterlab.swarm.raft;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Checks the five properties of the Raft paper (Fig. 3) over the live nodes, after every step:
 * Election Safety, Leader Append-Only, Log Matching, Leader Completeness and State Machine Safety.
 * It keeps a history (every leader per term, every (index, term) entry ever seen, every committed
 * and applied entry), so it also catches violations across crashes and restarts. A violation
 * throws {@link InvariantViolation} naming the seed, the step and the offending logs.
 *
 * <p>To stay cheap, a node's log is re-examined only when its {@link RaftCore#logVersion()} or
 * commit index changed since the last check.
 */
public final class InvariantChecker {
    /** What the history knows about one (index, term) pair. */
    private record Seen(Command command, long prevTerm) {}

    private record Committed(Entry entry, long observedInTerm) {}

    private record LeaderLog(long term, long offset, List<Entry> entries) {}

    private final long seed;
    private long step;
    private final TreeMap<Long, Long> leaderOfTerm = new TreeMap<>();
    private final Map<List<Long>, Seen> seen = new HashMap<>(); // lookup only, never iterated
    private final TreeMap<Long, Committed> committed = new TreeMap<>();
    private final TreeMap<Long, Entry> appliedEntries = new TreeMap<>();
    private final TreeMap<Long, Long> lastApplied = new TreeMap<>();
    private final TreeMap<Long, LeaderLog> leaderLogs = new TreeMap<>();
    private final TreeMap<Long, long[]> checkedVersion = new TreeMap<>();
    private Collection<RaftCore> lastNodes = List.of();

    public InvariantChecker(long seed) {
        this.seed = seed;
    }

    public long steps() {
        return step;
    }

    /** Checks every property over the live nodes (one step of the run). */
    public void check(Collection<RaftCore> nodes) {
        step++;
        lastNodes = nodes;
        for (RaftCore n : nodes) {
            if (n.role() == StateRole.LEADER) {
                Long other = leaderOfTerm.putIfAbsent(n.term(), n.id());
                if (other != null && other != n.id()) {
                    fail("Election Safety", "nodes " + other + " and " + n.id() + " both leader in term " + n.term());
                }
            }
            long[] v = checkedVersion.get(n.id());
            boolean changed = v == null || v[0] != n.logVersion() || v[1] != n.commitIndex() || v[2] != n.term()
                    || v[3] != n.role().ordinal();
            if (!changed) {
                continue;
            }
            checkedVersion.put(n.id(), new long[] {n.logVersion(), n.commitIndex(), n.term(), n.role().ordinal()});
            checkLogMatching(n);
            checkCommitted(n);
            if (n.role() == StateRole.LEADER) {
                checkAppendOnly(n);
                checkCompleteness(n);
            }
        }
    }

    private void checkLogMatching(RaftCore n) {
        for (long i = n.logOffset() + 1; i <= n.lastIndex(); i++) {
            Entry e = n.entryAt(i);
            long prevTerm = n.termAt(i - 1);
            Seen s = seen.putIfAbsent(List.of(i, e.term()), new Seen(e.command(), prevTerm));
            if (s != null && (!s.command().equals(e.command()) || (s.prevTerm() >= 0 && prevTerm >= 0
                    && s.prevTerm() != prevTerm))) {
                fail("Log Matching", "node " + n.id() + " has " + e + " after term " + prevTerm + ", another log had "
                        + s.command() + " after term " + s.prevTerm() + " at the same index and term");
            }
        }
    }

    /** State Machine Safety in its committed form: a committed index never holds two different entries. */
    private void checkCommitted(RaftCore n) {
        long from = Math.max(n.logOffset(), n.snapshot().index()) + 1;
        for (long i = from; i <= n.commitIndex(); i++) {
            Entry e = n.entryAt(i);
            Committed c = committed.putIfAbsent(i, new Committed(e, n.term()));
            if (c != null && !c.entry().equals(e)) {
                fail("State Machine Safety", "node " + n.id() + " committed " + e + " at " + i + " where "
                        + c.entry() + " was committed");
            }
        }
    }

    private void checkAppendOnly(RaftCore n) {
        LeaderLog before = leaderLogs.get(n.id());
        if (before != null && before.term() == n.term()) {
            long lastBefore = before.offset() + before.entries().size();
            if (n.lastIndex() < lastBefore) {
                fail("Leader Append-Only", "leader " + n.id() + " of term " + n.term() + " shrank its log from "
                        + lastBefore + " to " + n.lastIndex());
            }
            for (long i = Math.max(before.offset(), n.logOffset()) + 1; i <= lastBefore; i++) {
                Entry was = before.entries().get((int) (i - before.offset() - 1));
                if (!n.entryAt(i).equals(was)) {
                    fail("Leader Append-Only", "leader " + n.id() + " of term " + n.term() + " replaced " + was
                            + " by " + n.entryAt(i));
                }
            }
        }
        leaderLogs.put(n.id(), new LeaderLog(n.term(), n.logOffset(), n.entries()));
    }

    private void checkCompleteness(RaftCore n) {
        for (var c : committed.tailMap(n.logOffset() + 1).entrySet()) {
            Committed ce = c.getValue();
            if (ce.observedInTerm() >= n.term()) {
                continue;
            }
            long i = c.getKey();
            if (i > n.lastIndex() || !n.entryAt(i).equals(ce.entry())) {
                fail("Leader Completeness", "leader " + n.id() + " of term " + n.term() + " lacks committed "
                        + ce.entry() + " (committed by term " + ce.observedInTerm() + ")");
            }
        }
    }

    /** A node applied {@code e} to its state machine. */
    public void onApply(long node, Entry e) {
        long expected = lastApplied.getOrDefault(node, 0L) + 1;
        if (e.index() != expected) {
            fail("State Machine Safety", "node " + node + " applied " + e + " but its next index was " + expected);
        }
        lastApplied.put(node, e.index());
        Entry other = appliedEntries.putIfAbsent(e.index(), e);
        if (other != null && !other.equals(e)) {
            fail("State Machine Safety", "node " + node + " applied " + e + " where another node applied " + other);
        }
    }

    /** A node restored its state machine from a snapshot at {@code index} (install or restart). */
    public void onRestore(long node, long index) {
        lastApplied.put(node, index);
    }

    /** The entries any node has applied, by index. */
    public TreeMap<Long, Entry> applied() {
        return new TreeMap<>(appliedEntries);
    }

    private void fail(String property, String details) {
        StringBuilder logs = new StringBuilder(details);
        for (RaftCore n : lastNodes) {
            logs.append("\n  ").append(describe(n));
        }
        throw new InvariantViolation(property, seed, step, logs.toString());
    }

    /** One line per node: role, term, commit and the log (bounded to its last 40 entries). */
    public static String describe(RaftCore n) {
        StringBuilder b = new StringBuilder();
        b.append(n.id()).append(": ").append(n.role().label()).append(" term=").append(n.term())
                .append(" commit=").append(n.commitIndex()).append(" applied=").append(n.appliedIndex())
                .append(" log(").append(n.logOffset()).append("/").append(n.termAt(n.logOffset())).append(")=[");
        long from = Math.max(n.logOffset() + 1, n.lastIndex() - 39);
        for (long i = from; i <= n.lastIndex(); i++) {
            if (i > from) {
                b.append(", ");
            }
            b.append(Objects.toString(n.entryAt(i)));
        }
        return b.append(']').toString();
    }
}
