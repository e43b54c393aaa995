package clusterlab.swarm.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a node keeps on disk: hard state, latest snapshot and the log after {@code offset} (the
 * index just before the first stored entry, whose term is {@code offsetTerm}). A driver updates it
 * from each {@link Ready} before sending that Ready's messages; {@link RaftCore#restore} rebuilds a
 * node from it after a crash.
 */
public final class RaftStorage {
    private HardState hardState = HardState.EMPTY;
    private Snapshot snapshot = Snapshot.EMPTY;
    private long offset;
    private long offsetTerm;
    private final List<Entry> entries = new ArrayList<>();

    /** Storage of a founding member: the initial voters as committed entries of term 1 (as etcd bootstraps). */
    public static RaftStorage bootstrap(List<Long> voters) {
        RaftStorage s = new RaftStorage();
        long index = 0;
        for (long v : new TreeSet<>(voters)) {
            s.entries.add(new Entry(++index, 1, new Command.ConfChange(Command.ConfChange.Op.ADD, v)));
        }
        s.hardState = new HardState(1, 0, index);
        return s;
    }

    /** Storage of a node joining an existing cluster: empty, it learns everything from the leader. */
    public static RaftStorage joining() {
        return new RaftStorage();
    }

    public HardState hardState() {
        return hardState;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public long offset() {
        return offset;
    }

    public long offsetTerm() {
        return offsetTerm;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public long lastIndex() {
        return offset + entries.size();
    }

    /** Persists what a Ready asks to persist. */
    public void persist(Ready ready) {
        if (ready.hardState() != null) {
            hardState = ready.hardState();
        }
        if (ready.snapshot() != null) {
            installSnapshot(ready.snapshot());
        }
        append(ready.entries());
    }

    private void append(List<Entry> newEntries) {
        if (newEntries.isEmpty()) {
            return;
        }
        long first = newEntries.get(0).index();
        if (first <= offset || first > lastIndex() + 1) {
            throw new IllegalStateException("append at " + first + " outside stored log (" + offset + ", "
                    + lastIndex() + "]");
        }
        while (lastIndex() >= first) {
            entries.remove(entries.size() - 1);
        }
        entries.addAll(newEntries);
    }

    private void installSnapshot(Snapshot s) {
        snapshot = s;
        offset = s.index();
        offsetTerm = s.term();
        entries.clear();
    }

    /**
     * {@code --force-new-cluster} (etcd's and SwarmKit's recovery from a lost quorum): uncommitted
     * entries are discarded and committed configuration changes removing every other voter are
     * appended, so this node alone is the cluster, with all its committed data.
     */
    public void forceNewCluster(long self, java.util.Collection<Long> currentVoters) {
        long commit = hardState.commit();
        while (lastIndex() > commit && !entries.isEmpty()) {
            entries.remove(entries.size() - 1);
        }
        long term = Math.max(hardState.term(), lastIndex() == offset ? offsetTerm : entries.get(entries.size() - 1).term());
        long index = lastIndex();
        for (long v : new TreeSet<>(currentVoters)) {
            if (v != self) {
                entries.add(new Entry(++index, term, new Command.ConfChange(Command.ConfChange.Op.REMOVE, v)));
            }
        }
        if (!currentVoters.contains(self)) {
            entries.add(new Entry(++index, term, new Command.ConfChange(Command.ConfChange.Op.ADD, self)));
        }
        hardState = new HardState(term, 0, index);
    }

    /** Records a snapshot the node took itself and drops the entries up to {@code newOffset}. */
    public void compact(Snapshot s, long newOffset) {
        snapshot = s;
        if (newOffset <= offset) {
            return;
        }
        long newOffsetTerm = entries.get((int) (newOffset - offset - 1)).term();
        entries.subList(0, (int) (newOffset - offset)).clear();
        offset = newOffset;
        offsetTerm = newOffsetTerm;
    }
}
