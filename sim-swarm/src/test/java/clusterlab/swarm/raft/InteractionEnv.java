package clusterlab.swarm.raft;

import clusterlab.kernel.SimRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A tiny in-memory network of RaftCore nodes (etcd raft's test {@code network} plus its
 * interaction environment): messages wait in one FIFO queue until delivered; partitions, cuts,
 * isolation and per-pair drops decide at delivery. The invariant checker runs after every step.
 */
final class InteractionEnv {
    static final class Node {
        final long id;
        RaftCore core;
        RaftStorage storage;
        List<String> state = new ArrayList<>();
        boolean crashed;
        int incarnation;

        Node(long id) {
            this.id = id;
        }
    }

    final long seed;
    final TreeMap<Long, Node> nodes = new TreeMap<>();
    final List<Message> queue = new ArrayList<>();
    final InvariantChecker checker;
    final StringBuilder out = new StringBuilder();
    RaftConfig template = RaftConfig.swarmDefaults(1);
    private List<Set<Long>> partition = List.of();
    private final Set<List<Long>> cuts = new TreeSet<>((a, b) -> a.get(0).equals(b.get(0))
            ? Long.compare(a.get(1), b.get(1)) : Long.compare(a.get(0), b.get(0)));
    /** Bounds every loop that runs "until quiet". */
    static final int MAX_ROUNDS = 200;

    InteractionEnv(long seed) {
        this.seed = seed;
        this.checker = new InvariantChecker(seed);
    }

    // ---- nodes ----

    void addNodes(int n, boolean joining) {
        List<Long> ids = new ArrayList<>();
        long next = nodes.isEmpty() ? 1 : nodes.lastKey() + 1;
        for (int i = 0; i < n; i++) {
            ids.add(next + i);
        }
        for (long id : ids) {
            Node node = new Node(id);
            node.storage = joining ? RaftStorage.joining() : RaftStorage.bootstrap(ids);
            nodes.put(id, node);
            boot(node);
        }
    }

    private void boot(Node node) {
        SimRandom random = SimRandom.root(seed).stream("raft/" + node.id + "/" + node.incarnation);
        node.core = RaftCore.restore(template.withId(node.id), node.storage, random);
        node.state = decode(node.storage.snapshot().data());
        checker.onRestore(node.id, node.storage.snapshot().index());
        check();
    }

    void crash(long id) {
        Node n = node(id);
        n.crashed = true;
        n.core = null;
        queue.removeIf(m -> m.to() == id || m.from() == id);
    }

    void restart(long id) {
        Node n = node(id);
        n.crashed = false;
        n.incarnation++;
        boot(n);
    }

    Node node(long id) {
        Node n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return n;
    }

    RaftCore core(long id) {
        Node n = node(id);
        if (n.crashed) {
            throw new IllegalStateException("node " + id + " is crashed");
        }
        return n.core;
    }

    List<RaftCore> live() {
        return nodes.values().stream().filter(n -> !n.crashed).map(n -> n.core).collect(Collectors.toList());
    }

    void check() {
        checker.check(live());
    }

    // ---- faults ----

    void partition(List<Set<Long>> groups) {
        partition = groups;
    }

    void cut(long a, long b) {
        cuts.add(List.of(a, b));
        cuts.add(List.of(b, a));
    }

    void isolate(long id) {
        for (long other : nodes.keySet()) {
            if (other != id) {
                cut(id, other);
            }
        }
    }

    void recover() {
        partition = List.of();
        cuts.clear();
    }

    boolean blocked(long from, long to, Set<List<Long>> drops) {
        if (drops.contains(List.of(from, to)) || cuts.contains(List.of(from, to))) {
            return true;
        }
        if (partition.isEmpty()) {
            return false;
        }
        return groupOf(from) != groupOf(to);
    }

    private int groupOf(long id) {
        for (int g = 0; g < partition.size(); g++) {
            if (partition.get(g).contains(id)) {
                return g;
            }
        }
        return -1;
    }

    // ---- the Ready loop ----

    /** Handles one Ready of each live node (persist, send, apply, advance); returns whether any had one. */
    boolean processReady(Set<Long> only, boolean verbose, boolean rolesOnly) {
        boolean any = false;
        for (Node n : nodes.values()) {
            if (n.crashed || (!only.isEmpty() && !only.contains(n.id))) {
                continue;
            }
            for (int round = 0; round < MAX_ROUNDS && n.core.hasReady(); round++) {
                any = true;
                handleReady(n, verbose, rolesOnly);
            }
        }
        return any;
    }

    private void handleReady(Node n, boolean verbose, boolean rolesOnly) {
        Ready rd = n.core.ready();
        for (RaftEvent e : rd.events()) {
            boolean roleEvent = e instanceof RaftEvent.BecameLeader || e instanceof RaftEvent.BecameCandidate
                    || e instanceof RaftEvent.BecamePreCandidate || e instanceof RaftEvent.SteppedDown;
            if (verbose && (!rolesOnly || roleEvent)) {
                out.append(n.id).append(": ").append(e.describe()).append('\n');
            }
        }
        n.storage.persist(rd);
        if (rd.snapshot() != null) {
            n.state = decode(rd.snapshot().data());
            checker.onRestore(n.id, rd.snapshot().index());
        }
        queue.addAll(rd.messages());
        for (Entry e : rd.committedEntries()) {
            if (e.command() instanceof Command.Data d) {
                n.state.add(d.value());
            }
            checker.onApply(n.id, e);
        }
        n.core.advance(rd);
        if (n.core.snapshotDue()) {
            takeSnapshot(n);
        }
        check();
    }

    void takeSnapshot(Node n) {
        Snapshot s = n.core.takeSnapshot(String.join(",", n.state));
        n.storage.compact(s, n.core.logOffset());
    }

    static List<String> decode(String data) {
        return data.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(data.split(",")));
    }

    /** Delivers every queued message (to {@code only} if not empty), dropping the blocked ones. */
    boolean deliver(Set<Long> only, Set<List<Long>> drops, boolean verbose) {
        List<Message> batch = new ArrayList<>();
        List<Message> keep = new ArrayList<>();
        for (Message m : queue) {
            (only.isEmpty() || only.contains(m.to()) ? batch : keep).add(m);
        }
        queue.clear();
        queue.addAll(keep);
        for (Message m : batch) {
            Node to = nodes.get(m.to());
            if (to == null || to.crashed || blocked(m.from(), m.to(), drops)) {
                if (verbose) {
                    out.append("dropped: ").append(m.describe()).append('\n');
                }
                continue;
            }
            if (verbose) {
                out.append(m.describe()).append('\n');
            }
            to.core.step(m);
            check();
        }
        return !batch.isEmpty();
    }

    /** Ready and deliver until nothing moves. */
    void stabilize(boolean verbose, boolean rolesOnly) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean readied = processReady(Set.of(), verbose, rolesOnly);
            boolean delivered = deliver(Set.of(), Set.of(), verbose && !rolesOnly);
            if (!readied && !delivered) {
                return;
            }
        }
        throw new IllegalStateException("no quiet state after " + MAX_ROUNDS + " rounds");
    }

    void tick(long id, int times) {
        for (int i = 0; i < times; i++) {
            core(id).tick();
            check();
        }
    }

    // ---- views ----

    String raftState() {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes.values()) {
            if (n.crashed) {
                b.append(n.id).append(": crashed\n");
                continue;
            }
            RaftCore c = n.core;
            b.append(n.id).append(": ").append(c.role().label()).append(" term=").append(c.term())
                    .append(" vote=").append(c.vote()).append(" lead=").append(c.leader())
                    .append(" commit=").append(c.commitIndex()).append(" applied=").append(c.appliedIndex())
                    .append(" last=").append(c.lastIndex()).append(" voters=").append(c.voters()).append('\n');
        }
        return b.toString();
    }

    String raftLog(long id) {
        RaftCore c = core(id);
        StringBuilder b = new StringBuilder();
        if (c.snapshot().index() > 0) {
            b.append(c.snapshot()).append(" data=").append(c.snapshot().data()).append('\n');
        }
        if (c.logOffset() > 0) {
            b.append("log starts after ").append(c.logOffset()).append("/").append(c.termAt(c.logOffset())).append('\n');
        }
        for (Entry e : c.entries()) {
            b.append(e).append(e.index() <= c.commitIndex() ? "" : " (uncommitted)").append('\n');
        }
        if (c.entries().isEmpty()) {
            b.append("log is empty\n");
        }
        return b.toString();
    }
}
