package clusterlab.swarm.gossip;

import clusterlab.kernel.SimRandom;
import clusterlab.kernel.net.Ipv4;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One node of a SWIM / hashicorp-memberlist style protocol, as Docker's networkdb runs it: failure
 * detection by probing (ping, then indirect pings, then suspicion, then death), dissemination by
 * piggybacking updates on every message and by periodic gossip, anti-entropy by push/pull of the full
 * state, and a small last-writer-wins key/value store carried along (networkdb's tables).
 *
 * <p>Pure-ish: no clock, threads or I/O of its own. The {@link Env} gives it the virtual time, a way
 * to send a datagram and one to run code later; the tickers ({@link #probe}, {@link #gossip},
 * {@link #pushPull}, {@link #reconnect}) are called by the driver.
 */
public final class GossipNode {

    /** The world as the node sees it. */
    public interface Env {
        long now();

        void send(Ipv4 to, GossipMessage message);

        /** Runs {@code action} after {@code delayNanos}, unless the node is gone by then. */
        void schedule(long delayNanos, Runnable action);

        boolean traceOn();

        void trace(String kind, Object... keyValues);
    }

    /** Told about every change of the store on this node ({@code after.deleted()} for a removal). */
    public interface KvListener {
        void changed(GossipNode node, KvEntry before, KvEntry after);
    }

    /** Told about every change of another member's state or incarnation ({@code before} null: new). */
    public interface MemberListener {
        void changed(GossipNode node, Member before, Member after);
    }

    private final List<MemberListener> memberListeners = new ArrayList<>();
    private final String name;
    private final Ipv4 address;
    private final GossipConfig config;
    private final SimRandom random;
    private final Env env;
    private final List<Ipv4> seeds;

    private long incarnation;
    /** Insertion order: what random picks index into (deterministic). */
    private final List<String> memberOrder = new ArrayList<>();
    /** Lookup only, never iterated. */
    private final Map<String, Member> members = new HashMap<>();
    private final List<String> probeOrder = new ArrayList<>();
    private int probeIndex;
    private long seq;
    /** Ack handlers by sequence number; lookup only. Each one is removed by its own timeout. */
    private final Map<Long, Runnable> ackHandlers = new HashMap<>();
    private final BroadcastQueue broadcasts;
    private final TreeMap<String, KvEntry> store = new TreeMap<>();
    private long lamport;
    private final List<KvListener> kvListeners = new ArrayList<>();

    /** Members other than this node that it holds dead (kept by {@link #putMember}). */
    private int deadOthers;

    public GossipNode(String name, Ipv4 address, GossipConfig config, SimRandom random, Env env, List<Ipv4> seeds) {
        this.name = Objects.requireNonNull(name);
        this.address = Objects.requireNonNull(address);
        this.config = config;
        this.random = random;
        this.env = env;
        this.seeds = List.copyOf(seeds);
        this.broadcasts = new BroadcastQueue(config.maxQueuedBroadcasts());
        Member self = new Member(name, address, 0, MemberState.ALIVE, env.now());
        members.put(name, self);
        memberOrder.add(name);
    }

    // ---- queries ----

    public String name() {
        return name;
    }

    public Ipv4 address() {
        return address;
    }

    public long incarnation() {
        return incarnation;
    }

    public Member member(String node) {
        return members.get(node);
    }

    /** Every member this node knows (itself included), sorted by name. */
    public List<Member> members() {
        TreeMap<String, Member> sorted = new TreeMap<>();
        for (String n : memberOrder) {
            sorted.put(n, members.get(n));
        }
        return List.copyOf(sorted.values());
    }

    public int memberCount() {
        return memberOrder.size();
    }

    /** The live entries (no tombstones), sorted by key. */
    public List<KvEntry> entries() {
        List<KvEntry> live = new ArrayList<>();
        for (KvEntry e : store.values()) {
            if (!e.deleted()) {
                live.add(e);
            }
        }
        return live;
    }

    /** The live value of {@code key}, or null. */
    public String get(String key) {
        KvEntry e = store.get(key);
        return e == null || e.deleted() ? null : e.value();
    }

    public void addKvListener(KvListener listener) {
        kvListeners.add(listener);
    }

    public void addMemberListener(MemberListener listener) {
        memberListeners.add(listener);
    }

    /** Replaces what we believe about a member and tells the listeners. */
    private void putMember(Member before, Member after) {
        members.put(after.name(), after);
        if (!after.name().equals(name)) {
            deadOthers += (after.state() == MemberState.DEAD ? 1 : 0)
                    - (before != null && before.state() == MemberState.DEAD ? 1 : 0);
        }
        for (MemberListener l : memberListeners) {
            l.changed(this, before, after);
        }
    }

    int queuedBroadcasts() {
        return broadcasts.size();
    }

    // ---- set-up ----

    /** Learns a member without telling anyone (a cluster whose membership already converged). */
    public void knowMember(String node, Ipv4 nodeAddress) {
        if (!members.containsKey(node)) {
            addMember(new Member(node, nodeAddress, 0, MemberState.ALIVE, env.now()));
        }
    }

    /** Joins through the seeds: a push/pull with each (memberlist's Join). */
    public void join() {
        for (Ipv4 seed : seeds) {
            if (!seed.equals(address)) {
                env.send(seed, new GossipMessage.PushPull(name, true, false, localState(), List.copyOf(store.values())));
            }
        }
        if (env.traceOn()) {
            env.trace("join", "seeds", seeds.size());
        }
    }

    // ---- the store ----

    public void publish(String key, String value) {
        write(key, value, false);
    }

    public void remove(String key) {
        if (get(key) != null) {
            write(key, "", true);
        }
    }

    private void write(String key, String value, boolean deleted) {
        KvEntry before = store.get(key);
        long version = StrictMath.max(lamport, before == null ? 0 : before.version()) + 1;
        lamport = version;
        KvEntry entry = new KvEntry(key, value, version, name, deleted, env.now());
        applyKv(entry);
    }

    /** Keeps {@code entry} if it is newer than what the node has, and passes it on. */
    private void applyKv(KvEntry entry) {
        lamport = StrictMath.max(lamport, entry.version());
        KvEntry before = store.get(entry.key());
        if (!entry.newerThan(before)) {
            return;
        }
        store.put(entry.key(), entry);
        broadcasts.queue(new Update.Kv(entry));
        for (KvListener l : kvListeners) {
            l.changed(this, before, entry);
        }
    }

    // ---- tickers ----

    /** One probe round (every probe interval): ping the next member in shuffled round-robin order. */
    public void probe() {
        if (memberOrder.size() == 1 && !seeds.isEmpty()) {
            join(); // nobody answered yet: try the seeds again
            return;
        }
        reapTombstones();
        Member target = nextProbeTarget();
        if (target == null) {
            return;
        }
        long probeSeq = ++seq;
        boolean[] acked = {false};
        ackHandlers.put(probeSeq, () -> acked[0] = true);
        env.send(target.address(), new GossipMessage.Ping(probeSeq, target.name(), name, piggyback(0)));
        if (env.traceOn()) {
            env.trace("probe", "target", target.name(), "seq", probeSeq);
        }
        env.schedule(config.probeTimeoutNanos(), () -> {
            if (acked[0]) {
                return;
            }
            List<Member> helpers = randomMembers(config.indirectChecks(),
                    m -> m.state() == MemberState.ALIVE && !m.name().equals(target.name()));
            for (Member h : helpers) {
                env.send(h.address(), new GossipMessage.IndirectPing(probeSeq, target.name(), target.address(), name,
                        address, piggyback(0)));
            }
        });
        env.schedule(config.probeIntervalNanos(), () -> {
            ackHandlers.remove(probeSeq);
            if (acked[0]) {
                if (env.traceOn()) {
                    env.trace("ack", "target", target.name(), "seq", probeSeq);
                }
                return;
            }
            Member now = members.get(target.name());
            if (now != null) {
                suspect(new Update.Suspect(now.name(), now.incarnation(), name));
            }
        });
    }

    /** One gossip round (every gossip interval): queued updates to a few random members. */
    public void gossip() {
        if (broadcasts.size() == 0) {
            return;
        }
        long now = env.now();
        List<Member> targets = randomMembers(config.gossipNodes(), m -> m.state() != MemberState.DEAD
                || now - m.stateChangeNanos() < config.gossipToTheDeadNanos());
        for (Member t : targets) {
            List<Update> updates = piggyback(0);
            if (updates.isEmpty()) {
                return;
            }
            env.send(t.address(), new GossipMessage.Gossip(name, updates));
        }
    }

    /** Anti-entropy (every push/pull interval): full state exchange with one random live member. */
    public void pushPull() {
        List<Member> peer = randomMembers(1, m -> m.state() == MemberState.ALIVE);
        if (!peer.isEmpty()) {
            sendPushPull(peer.get(0), false);
        }
    }

    /** Tries one member believed dead with a push/pull: how two healed halves find each other again. */
    public void reconnect() {
        if (deadOthers == 0) {
            // No member can be picked: the draws randomMembers would make (3 per member) are
            // skipped cheaply, so every later draw stays the same. Most rounds are like this.
            int n = memberOrder.size();
            random.skipBounded(3L * n, n);
            return;
        }
        List<Member> peer = randomMembers(1, m -> m.state() == MemberState.DEAD);
        if (!peer.isEmpty()) {
            sendPushPull(peer.get(0), false);
        }
    }

    private void sendPushPull(Member peer, boolean reply) {
        env.send(peer.address(), new GossipMessage.PushPull(name, false, reply, localState(),
                List.copyOf(store.values())));
        if (env.traceOn() && !reply) {
            env.trace("sync", "peer", peer.name());
        }
    }

    // ---- receiving ----

    public void receive(Ipv4 from, GossipMessage message) {
        // Java 17: no pattern switch; the interface is sealed, so this chain is exhaustive.
        if (message instanceof GossipMessage.Ping p) {
            if (!p.target().equals(name)) {
                return; // meant for whoever had this address before
            }
            apply(p.updates());
            env.send(from, new GossipMessage.Ack(p.seq(), name, piggyback(0)));
        } else if (message instanceof GossipMessage.IndirectPing ip) {
            apply(ip.updates());
            long relaySeq = ++seq;
            ackHandlers.put(relaySeq, () -> env.send(ip.requesterAddress(),
                    new GossipMessage.Ack(ip.seq(), name, List.of())));
            env.send(ip.targetAddress(), new GossipMessage.Ping(relaySeq, ip.target(), name, piggyback(0)));
            env.schedule(config.probeTimeoutNanos(), () -> ackHandlers.remove(relaySeq));
        } else if (message instanceof GossipMessage.Ack a) {
            apply(a.updates());
            Runnable handler = ackHandlers.remove(a.seq());
            if (handler != null) {
                handler.run();
            }
        } else if (message instanceof GossipMessage.Gossip g) {
            apply(g.updates());
        } else if (message instanceof GossipMessage.PushPull pp) {
            if (env.traceOn() && pp.join()) {
                env.trace("join", "from", pp.source());
            }
            merge(pp.members(), pp.entries());
            if (!pp.reply()) {
                Member sender = members.get(pp.source());
                Ipv4 back = sender != null ? sender.address() : from;
                env.send(back, new GossipMessage.PushPull(name, false, true, localState(),
                        List.copyOf(store.values())));
            }
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
    }

    private void apply(List<Update> updates) {
        for (Update u : updates) {
            if (u instanceof Update.Alive a) {
                alive(a);
            } else if (u instanceof Update.Suspect s) {
                suspect(s);
            } else if (u instanceof Update.Dead d) {
                dead(d);
            } else if (u instanceof Update.Kv kv) {
                applyKv(kv.entry());
            }
        }
    }

    /** memberlist's mergeRemoteState: a remote "dead" only makes us suspect (we check ourselves). */
    private void merge(List<Member> remote, List<KvEntry> entries) {
        for (Member m : remote) {
            if (m.state() == MemberState.ALIVE) {
                alive(new Update.Alive(m.name(), m.address(), m.incarnation()));
            } else {
                if (!members.containsKey(m.name())) {
                    // learnt from a remote suspect/dead entry: known first, then suspected
                    alive(new Update.Alive(m.name(), m.address(), m.incarnation()));
                }
                suspect(new Update.Suspect(m.name(), m.incarnation(), "sync"));
            }
        }
        for (KvEntry e : entries) {
            applyKv(e);
        }
    }

    // ---- the membership state machine ----

    private void alive(Update.Alive a) {
        if (a.node().equals(name)) {
            if (a.incarnation() > incarnation) {
                refute(a.incarnation()); // news of an earlier life of ours
            }
            return;
        }
        Member m = members.get(a.node());
        long now = env.now();
        if (m == null) {
            addMember(new Member(a.node(), a.address(), a.incarnation(), MemberState.ALIVE, now));
            broadcasts.queue(a);
            if (env.traceOn()) {
                env.trace("alive", "node", a.node(), "incarnation", a.incarnation(), "new", true);
            }
            return;
        }
        if (a.incarnation() <= m.incarnation()) {
            return;
        }
        putMember(m, new Member(a.node(), a.address(), a.incarnation(), MemberState.ALIVE,
                m.state() == MemberState.ALIVE ? m.stateChangeNanos() : now));
        if (m.state() == MemberState.DEAD && !probeOrder.contains(a.node())) {
            probeOrder.add(random.nextInt(probeOrder.size() + 1), a.node());
        }
        broadcasts.queue(a);
        if (env.traceOn()) {
            env.trace("alive", "node", a.node(), "incarnation", a.incarnation(), "was", m.state().label());
        }
    }

    private void suspect(Update.Suspect s) {
        if (s.node().equals(name)) {
            if (s.incarnation() >= incarnation) {
                refute(s.incarnation());
            }
            return;
        }
        Member m = members.get(s.node());
        if (m == null || s.incarnation() < m.incarnation() || m.state() == MemberState.DEAD) {
            return;
        }
        if (m.state() == MemberState.SUSPECT) {
            return; // Lifeguard would count a confirmation here; we keep the fixed timeout
        }
        long now = env.now();
        Member suspected = new Member(m.name(), m.address(), s.incarnation(), MemberState.SUSPECT, now);
        putMember(m, suspected);
        broadcasts.queue(new Update.Suspect(m.name(), s.incarnation(), name));
        if (env.traceOn()) {
            env.trace("suspect", "node", m.name(), "incarnation", s.incarnation(), "from", s.from());
        }
        long timeout = config.suspicionTimeoutNanos(memberOrder.size());
        env.schedule(timeout, () -> {
            Member still = members.get(m.name());
            if (still != null && still.state() == MemberState.SUSPECT && still.incarnation() == s.incarnation()
                    && still.stateChangeNanos() == now) {
                dead(new Update.Dead(m.name(), s.incarnation(), name));
            }
        });
    }

    private void dead(Update.Dead d) {
        if (d.node().equals(name)) {
            if (d.incarnation() >= incarnation) {
                refute(d.incarnation());
            }
            return;
        }
        Member m = members.get(d.node());
        if (m == null || d.incarnation() < m.incarnation() || m.state() == MemberState.DEAD) {
            return;
        }
        putMember(m, new Member(m.name(), m.address(), d.incarnation(), MemberState.DEAD, env.now()));
        broadcasts.queue(d);
        if (env.traceOn()) {
            env.trace("dead", "node", m.name(), "incarnation", d.incarnation(), "from", d.from());
        }
    }

    /** Someone believes we are suspect or dead (or knew an older life of ours): outbid them. */
    private void refute(long accused) {
        incarnation = StrictMath.max(incarnation, accused) + 1;
        members.put(name, new Member(name, address, incarnation, MemberState.ALIVE, env.now()));
        broadcasts.queue(new Update.Alive(name, address, incarnation));
        if (env.traceOn()) {
            env.trace("refute", "incarnation", incarnation);
        }
    }

    private void addMember(Member m) {
        putMember(null, m);
        memberOrder.add(m.name());
        // memberlist inserts a new node at a random place in its probe list
        probeOrder.add(random.nextInt(probeOrder.size() + 1), m.name());
    }

    private Member nextProbeTarget() {
        // Bounded: at most one full pass over the list plus a reset.
        for (int tries = 0; tries <= memberOrder.size() + 1; tries++) {
            if (probeIndex >= probeOrder.size()) {
                resetProbeOrder();
                if (probeOrder.isEmpty()) {
                    return null;
                }
            }
            Member m = members.get(probeOrder.get(probeIndex++));
            if (m != null && !m.name().equals(name) && m.state() != MemberState.DEAD) {
                return m;
            }
        }
        return null;
    }

    /** memberlist's resetNodes: a fresh shuffled round over the members not dead. */
    private void resetProbeOrder() {
        probeOrder.clear();
        probeIndex = 0;
        for (String n : memberOrder) {
            if (!n.equals(name) && members.get(n).state() != MemberState.DEAD) {
                probeOrder.add(n);
            }
        }
        random.shuffle(probeOrder);
    }

    /**
     * memberlist's kRandomNodes: up to k distinct members other than ourselves that pass the filter,
     * sampled at random with at most 3n draws.
     */
    private List<Member> randomMembers(int k, java.util.function.Predicate<Member> filter) {
        int n = memberOrder.size();
        List<Member> picked = new ArrayList<>(k);
        for (int draw = 0; draw < 3 * n && picked.size() < k; draw++) {
            Member m = members.get(memberOrder.get(random.nextInt(n)));
            if (m.name().equals(name) || !filter.test(m) || picked.contains(m)) {
                continue;
            }
            picked.add(m);
        }
        return picked;
    }

    private List<Update> piggyback(int usedBytes) {
        return broadcasts.take(config.maxPayloadBytes() - usedBytes - GossipMessage.HEADER_BYTES,
                config.retransmitLimit(memberOrder.size()));
    }

    private List<Member> localState() {
        List<Member> state = new ArrayList<>(memberOrder.size());
        for (String n : memberOrder) {
            state.add(members.get(n));
        }
        return state;
    }

    /** Drops tombstones older than the reap time (bounded by the store's size). */
    private void reapTombstones() {
        long now = env.now();
        store.values().removeIf(e -> e.deleted() && now - e.stampNanos() > config.tombstoneNanos());
    }
}
