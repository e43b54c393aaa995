package clusterlab.swarm.raft;

import clusterlab.kernel.SimRandom;
import clusterlab.swarm.raft.Command.ConfChange;
import clusterlab.swarm.raft.Message.App;
import clusterlab.swarm.raft.Message.AppResp;
import clusterlab.swarm.raft.Message.Heartbeat;
import clusterlab.swarm.raft.Message.HeartbeatResp;
import clusterlab.swarm.raft.Message.Hup;
import clusterlab.swarm.raft.Message.PreVote;
import clusterlab.swarm.raft.Message.PreVoteResp;
import clusterlab.swarm.raft.Message.Prop;
import clusterlab.swarm.raft.Message.Snap;
import clusterlab.swarm.raft.Message.TimeoutNow;
import clusterlab.swarm.raft.Message.TransferLeader;
import clusterlab.swarm.raft.Message.Vote;
import clusterlab.swarm.raft.Message.VoteResp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One Raft node as a pure state machine (after etcd-io/raft's raft.go and rawnode.go): no clock,
 * no threads, no I/O. The driver calls {@link #tick()} every tick, {@link #step} for every message
 * that arrives, {@link #propose} for client commands, then takes a {@link #ready()}, persists,
 * sends and applies what it says, and calls {@link #advance}.
 *
 * <p>Election timeouts are drawn from the node's own seeded random stream, uniformly in
 * [electionTicks, 2 * electionTicks). PreVote and CheckQuorum follow etcd. Membership changes are
 * one server at a time and take effect when applied; a leader proposes a new one only after the
 * previous one (and its own first entry) is applied.
 */
public final class RaftCore {
    /** Leader-side view of one follower's log (etcd's tracker.Progress). */
    private static final class Progress {
        enum State { PROBE, REPLICATE, SNAPSHOT }

        long match;
        long next;
        State state = State.PROBE;
        boolean probeSent;
        long pendingSnapshot;
        boolean recentActive;
        final ArrayDeque<Long> inflight = new ArrayDeque<>();

        Progress(long match, long next) {
            this.match = match;
            this.next = next;
        }

        boolean isPaused(int maxInflight) {
            return switch (state) {
                case PROBE -> probeSent;
                case REPLICATE -> inflight.size() >= maxInflight;
                case SNAPSHOT -> true;
            };
        }

        void becomeProbe() {
            next = state == State.SNAPSHOT ? Math.max(match + 1, pendingSnapshot + 1) : match + 1;
            state = State.PROBE;
            probeSent = false;
            pendingSnapshot = 0;
            inflight.clear();
        }

        void becomeReplicate() {
            state = State.REPLICATE;
            next = match + 1;
            probeSent = false;
            inflight.clear();
        }

        void becomeSnapshot(long index) {
            state = State.SNAPSHOT;
            pendingSnapshot = index;
            inflight.clear();
        }

        boolean maybeUpdate(long n) {
            boolean updated = match < n;
            if (updated) {
                match = n;
                probeSent = false;
            }
            next = Math.max(next, n + 1);
            return updated;
        }

        boolean maybeDecrTo(long rejected, long matchHint) {
            if (state == State.REPLICATE) {
                if (rejected <= match) {
                    return false;
                }
                next = match + 1;
                return true;
            }
            if (next - 1 != rejected) {
                return false;
            }
            next = Math.max(Math.min(rejected, matchHint + 1), match + 1);
            probeSent = false;
            return true;
        }

        void freeLE(long index) {
            while (!inflight.isEmpty() && inflight.peekFirst() <= index) {
                inflight.pollFirst();
            }
        }
    }

    private enum CampaignType { PRE, ELECTION, TRANSFER }

    private final RaftConfig config;
    private long snapshotIntervalOverride;
    private final long id;
    private final SimRandom random;

    private long term;
    private long vote;
    private long lead;
    private StateRole role = StateRole.FOLLOWER;

    // The log: entries after offset; the entry at offset (in the snapshot) had offsetTerm.
    private long offset;
    private long offsetTerm;
    private final ArrayList<Entry> entries = new ArrayList<>();
    private long stabled;
    private Snapshot snapshot;
    private Snapshot pendingSnapshot;
    private long commit;
    private long applied;
    private long logVersion;
    /** Configuration changes up to this index are already reflected in {@link #voters} (restore). */
    private long confReflected;

    private final TreeSet<Long> voters = new TreeSet<>();
    private final TreeMap<Long, Progress> progress = new TreeMap<>();
    private final TreeMap<Long, Boolean> votes = new TreeMap<>();

    private int electionElapsed;
    private int heartbeatElapsed;
    private int randomizedElectionTimeout;
    private long leadTransferee;
    private long pendingConfIndex;

    private final List<Message> msgs = new ArrayList<>();
    private final List<RaftEvent> events = new ArrayList<>();
    private HardState prevHardState;

    private RaftCore(RaftConfig config, SimRandom random) {
        this.config = config;
        this.id = config.id();
        this.random = random;
    }

    /** Rebuilds a node from what its driver stored (a fresh node: {@link RaftStorage#bootstrap} or joining). */
    public static RaftCore restore(RaftConfig config, RaftStorage storage, SimRandom random) {
        RaftCore r = new RaftCore(config, random);
        HardState hs = storage.hardState();
        r.term = hs.term();
        r.vote = hs.vote();
        r.commit = hs.commit();
        r.snapshot = storage.snapshot();
        r.offset = storage.offset();
        r.offsetTerm = storage.offsetTerm();
        r.entries.addAll(storage.entries());
        r.stabled = r.lastIndex();
        r.applied = r.snapshot.index();
        r.prevHardState = hs;
        if (r.commit > r.lastIndex() || r.commit < r.snapshot.index()) {
            throw new IllegalStateException("node " + r.id + ": commit " + r.commit + " outside log ["
                    + r.snapshot.index() + ", " + r.lastIndex() + "]");
        }
        // The configuration in force: the snapshot's, then committed changes after it.
        r.voters.addAll(r.snapshot.voters());
        for (long i = r.snapshot.index() + 1; i <= r.commit; i++) {
            if (r.entryAt(i).command() instanceof ConfChange cc) {
                r.applyToVoters(cc);
            }
        }
        r.confReflected = r.commit;
        r.becomeFollower(r.term, 0);
        r.events.clear();
        return r;
    }

    // ---- read-only views (invariant checker, transcripts, driver) ----

    public long id() {
        return id;
    }

    public RaftConfig config() {
        return config;
    }

    public long term() {
        return term;
    }

    public long vote() {
        return vote;
    }

    public long leader() {
        return lead;
    }

    public StateRole role() {
        return role;
    }

    public long commitIndex() {
        return commit;
    }

    public long appliedIndex() {
        return applied;
    }

    public long lastIndex() {
        return offset + entries.size();
    }

    public long lastTerm() {
        return termAt(lastIndex());
    }

    /** Index before the first entry held in memory (entries up to it live only in the snapshot). */
    public long logOffset() {
        return offset;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public SortedSet<Long> voters() {
        return java.util.Collections.unmodifiableSortedSet(voters);
    }

    /** Term of the entry at {@code index}, or -1 when the log no longer (or not yet) holds it. */
    public long termAt(long index) {
        if (index == offset) {
            return offsetTerm;
        }
        if (index < offset || index > lastIndex()) {
            return -1;
        }
        return entries.get((int) (index - offset - 1)).term();
    }

    /** The entry at {@code index}; it must be in (logOffset, lastIndex]. */
    public Entry entryAt(long index) {
        if (index <= offset || index > lastIndex()) {
            throw new IllegalArgumentException("node " + id + ": no entry " + index + " in (" + offset + ", "
                    + lastIndex() + "]");
        }
        return entries.get((int) (index - offset - 1));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Grows whenever the in-memory log changes (append, truncation, snapshot, compaction). */
    public long logVersion() {
        return logVersion;
    }

    public int randomizedElectionTimeout() {
        return randomizedElectionTimeout;
    }

    public int electionElapsed() {
        return electionElapsed;
    }

    /** Whether this node may campaign (it is a voter in its own configuration). */
    public boolean promotable() {
        return voters.contains(id);
    }

    // ---- inputs ----

    /** One tick of the logical clock. */
    public void tick() {
        if (role == StateRole.LEADER) {
            tickHeartbeat();
        } else {
            electionElapsed++;
            if (promotable() && electionElapsed >= randomizedElectionTimeout) {
                electionElapsed = 0;
                step(new Hup(id, id));
            }
        }
    }

    private void tickHeartbeat() {
        heartbeatElapsed++;
        electionElapsed++;
        if (electionElapsed >= config.electionTicks()) {
            electionElapsed = 0;
            if (config.checkQuorum()) {
                int active = 0;
                for (var e : progress.entrySet()) {
                    if (e.getKey() == id || e.getValue().recentActive) {
                        active++;
                    }
                    e.getValue().recentActive = false;
                }
                if (active < quorum()) {
                    events.add(new RaftEvent.SteppedDown(term, "check-quorum: " + active + " of " + voters.size()
                            + " active"));
                    becomeFollower(term, 0);
                    return;
                }
            }
            if (leadTransferee != 0) {
                abortTransfer("timeout");
            }
        }
        if (heartbeatElapsed >= config.heartbeatTicks()) {
            heartbeatElapsed = 0;
            for (long to : voters) {
                if (to != id) {
                    Progress pr = progress.get(to);
                    send(new Heartbeat(id, to, term, Math.min(pr.match, commit)));
                }
            }
        }
    }

    /** Proposes commands; returns the index of the last one, or 0 when dropped (not leader, transfer...). */
    public long propose(Command... commands) {
        step(new Prop(id, id, List.of(commands)));
        if (role != StateRole.LEADER || lastProposalDropped) {
            return 0;
        }
        return lastIndex();
    }

    /** Asks the leader (this node, or the one it knows) to hand leadership to {@code transferee}. */
    public void transferLeadership(long transferee) {
        step(new TransferLeader(transferee, id));
    }

    /** Starts an election now (etcd's Campaign; MsgHup). */
    public void campaign() {
        step(new Hup(id, id));
    }

    private boolean lastProposalDropped;

    /** Handles one message (local or from a peer). */
    public void step(Message m) {
        if (m.term() > term) {
            if (m instanceof Vote || m instanceof PreVote) {
                boolean force = m instanceof Vote v && v.transfer();
                boolean inLease = config.checkQuorum() && lead != 0 && electionElapsed < config.electionTicks();
                if (!force && inLease) {
                    events.add(new RaftEvent.VoteRefused(term, m.from(), m instanceof PreVote,
                            "in lease of leader " + lead));
                    return;
                }
            }
            if (m instanceof PreVote) {
                // Never change term because of a pre-vote.
            } else if (m instanceof PreVoteResp r && !r.reject()) {
                // The pre-candidate raises its term when it wins, not before.
            } else if (m instanceof App || m instanceof Heartbeat || m instanceof Snap) {
                becomeFollower(m.term(), m.from());
            } else {
                becomeFollower(m.term(), 0);
            }
        } else if (m.term() < term && m.term() != 0) {
            if ((config.checkQuorum() || config.preVote()) && (m instanceof Heartbeat || m instanceof App)) {
                // Tell a stale leader about the newer term, so it steps down.
                send(new AppResp(id, m.from(), term, 0, false, 0, 0));
            } else if (m instanceof PreVote pv) {
                events.add(new RaftEvent.VoteRefused(term, pv.from(), true, "stale term " + pv.term()));
                send(new PreVoteResp(id, m.from(), term, true));
            }
            return;
        }
        if (m instanceof Hup) {
            hup(CampaignType.ELECTION);
        } else if (m instanceof Vote v) {
            handleVoteRequest(v.from(), v.term(), v.lastIndex(), v.lastTerm(), false);
        } else if (m instanceof PreVote v) {
            handleVoteRequest(v.from(), v.term(), v.lastIndex(), v.lastTerm(), true);
        } else {
            switch (role) {
                case LEADER -> stepLeader(m);
                case CANDIDATE, PRE_CANDIDATE -> stepCandidate(m);
                case FOLLOWER -> stepFollower(m);
            }
        }
    }

    private void hup(CampaignType type) {
        if (role == StateRole.LEADER) {
            return;
        }
        if (!promotable()) {
            return;
        }
        for (long i = Math.max(applied, confReflected) + 1; i <= commit; i++) {
            if (i > offset && entryAt(i).command() instanceof ConfChange) {
                return; // a committed configuration change is not applied yet: its outcome decides who votes
            }
        }
        campaign(type == CampaignType.ELECTION && config.preVote() ? CampaignType.PRE : type);
    }

    private void campaign(CampaignType type) {
        long voteTerm;
        if (type == CampaignType.PRE) {
            becomePreCandidate();
            voteTerm = term + 1;
        } else {
            becomeCandidate();
            voteTerm = term;
        }
        votes.put(id, true);
        if (tally() == 1) {
            if (type == CampaignType.PRE) {
                campaign(CampaignType.ELECTION);
            } else {
                becomeLeader();
            }
            return;
        }
        for (long to : voters) {
            if (to == id) {
                continue;
            }
            if (type == CampaignType.PRE) {
                send(new PreVote(id, to, voteTerm, lastIndex(), lastTerm()));
            } else {
                send(new Vote(id, to, voteTerm, lastIndex(), lastTerm(), type == CampaignType.TRANSFER));
            }
        }
    }

    /** 1 won, -1 lost, 0 pending. */
    private int tally() {
        int granted = 0;
        int rejected = 0;
        for (long v : voters) {
            Boolean b = votes.get(v);
            if (b == null) {
                continue;
            }
            if (b) {
                granted++;
            } else {
                rejected++;
            }
        }
        if (granted >= quorum()) {
            return 1;
        }
        if (rejected > voters.size() - quorum()) {
            return -1;
        }
        return 0;
    }

    private void handleVoteRequest(long from, long mTerm, long lastIdx, long lastTrm, boolean pre) {
        boolean canVote = vote == from || (vote == 0 && lead == 0) || (pre && mTerm > term);
        boolean upToDate = lastTrm > lastTerm() || (lastTrm == lastTerm() && lastIdx >= lastIndex());
        if (canVote && upToDate) {
            events.add(new RaftEvent.VoteGranted(mTerm, from, pre));
            if (pre) {
                send(new PreVoteResp(id, from, mTerm, false));
            } else {
                electionElapsed = 0;
                vote = from;
                send(new VoteResp(id, from, mTerm, false));
            }
        } else {
            String reason = !canVote
                    ? (vote != 0 ? "already voted for " + vote : "has leader " + lead)
                    : "log " + lastIdx + "/" + lastTrm + " behind " + lastIndex() + "/" + lastTerm();
            events.add(new RaftEvent.VoteRefused(mTerm, from, pre, reason));
            send(pre ? new PreVoteResp(id, from, term, true) : new VoteResp(id, from, term, true));
        }
    }

    private void stepLeader(Message m) {
        if (m instanceof Prop p) {
            appendProposal(p.commands());
        } else if (m instanceof AppResp r) {
            handleAppResp(r);
        } else if (m instanceof HeartbeatResp r) {
            Progress pr = progress.get(r.from());
            if (pr == null) {
                return;
            }
            pr.recentActive = true;
            pr.probeSent = false;
            if (pr.state == Progress.State.REPLICATE && pr.inflight.size() >= config.maxInflightMsgs()) {
                pr.inflight.pollFirst();
            }
            if (pr.state == Progress.State.SNAPSHOT) {
                pr.becomeProbe(); // the snapshot may be lost: probe again, which resends it if still needed
            }
            if (pr.match < lastIndex()) {
                sendAppend(r.from(), true);
            }
        } else if (m instanceof TransferLeader t) {
            long transferee = t.from();
            if (transferee == id || !voters.contains(transferee) || transferee == leadTransferee) {
                return;
            }
            if (leadTransferee != 0) {
                abortTransfer("superseded");
            }
            leadTransferee = transferee;
            electionElapsed = 0;
            events.add(new RaftEvent.TransferStarted(term, transferee));
            if (progress.get(transferee).match == lastIndex()) {
                send(new TimeoutNow(id, transferee, term));
            } else {
                sendAppend(transferee, true);
            }
        } else {
            // Vote responses after winning, stale appends: nothing to do.
        }
    }

    private void handleAppResp(AppResp r) {
        Progress pr = progress.get(r.from());
        if (pr == null) {
            return;
        }
        pr.recentActive = true;
        if (r.reject()) {
            long nextProbe = r.rejectHint();
            if (r.hintTerm() > 0) {
                nextProbe = findConflictByTerm(r.rejectHint(), r.hintTerm());
            }
            if (pr.maybeDecrTo(r.index(), nextProbe)) {
                if (pr.state == Progress.State.REPLICATE) {
                    pr.becomeProbe();
                }
                sendAppend(r.from(), true);
            }
            return;
        }
        boolean wasPaused = pr.isPaused(config.maxInflightMsgs());
        if (!pr.maybeUpdate(r.index())) {
            return;
        }
        switch (pr.state) {
            case PROBE -> pr.becomeReplicate();
            case SNAPSHOT -> {
                if (pr.match >= pr.pendingSnapshot) {
                    pr.becomeProbe();
                    pr.becomeReplicate();
                }
            }
            case REPLICATE -> pr.freeLE(r.index());
        }
        if (maybeCommit()) {
            bcastAppend();
        } else if (wasPaused) {
            sendAppend(r.from(), false);
        }
        // Keep the pipeline full (bounded by the inflight window).
        for (int i = 0; i <= config.maxInflightMsgs() && sendAppend(r.from(), false); i++) {
            // each round sends one more batch
        }
        if (r.from() == leadTransferee && pr.match == lastIndex()) {
            send(new TimeoutNow(id, r.from(), term));
        }
    }

    private void stepCandidate(Message m) {
        if (m instanceof Prop p) {
            events.add(new RaftEvent.ProposalDropped("no leader"));
            lastProposalDropped = true;
        } else if (m instanceof App a) {
            becomeFollower(m.term(), m.from());
            handleAppend(a);
        } else if (m instanceof Heartbeat h) {
            becomeFollower(m.term(), m.from());
            handleHeartbeat(h);
        } else if (m instanceof Snap s) {
            becomeFollower(m.term(), m.from());
            handleSnapshot(s);
        } else if (m instanceof PreVoteResp r) {
            if (role == StateRole.PRE_CANDIDATE) {
                recordVote(r.from(), !r.reject());
            }
        } else if (m instanceof VoteResp r) {
            if (role == StateRole.CANDIDATE) {
                recordVote(r.from(), !r.reject());
            }
        } else {
            // TimeoutNow to a candidate, stale responses: ignored.
        }
    }

    private void recordVote(long from, boolean granted) {
        votes.putIfAbsent(from, granted);
        int result = tally();
        if (result == 1) {
            if (role == StateRole.PRE_CANDIDATE) {
                campaign(CampaignType.ELECTION);
            } else {
                becomeLeader();
            }
        } else if (result == -1) {
            becomeFollower(term, 0);
        }
    }

    private void stepFollower(Message m) {
        if (m instanceof Prop p) {
            events.add(new RaftEvent.ProposalDropped(lead == 0 ? "no leader" : "not leader (leader is " + lead + ")"));
            lastProposalDropped = true;
        } else if (m instanceof App a) {
            electionElapsed = 0;
            learnLeader(a.from());
            handleAppend(a);
        } else if (m instanceof Heartbeat h) {
            electionElapsed = 0;
            learnLeader(h.from());
            handleHeartbeat(h);
        } else if (m instanceof Snap s) {
            electionElapsed = 0;
            learnLeader(s.from());
            handleSnapshot(s);
        } else if (m instanceof TransferLeader t) {
            if (lead != 0) {
                send(new TransferLeader(t.from(), lead));
            }
        } else if (m instanceof TimeoutNow t) {
            if (promotable()) {
                hup(CampaignType.TRANSFER);
            }
        } else {
            // Late vote responses, stale acknowledgements: ignored.
        }
    }

    private void learnLeader(long leader) {
        if (lead != leader) {
            lead = leader;
            events.add(new RaftEvent.BecameFollower(term, leader));
        }
    }

    private void handleAppend(App a) {
        if (a.prevIndex() < commit) {
            send(new AppResp(id, a.from(), term, commit, false, 0, 0));
            return;
        }
        if (termAt(a.prevIndex()) == a.prevTerm()) {
            long lastNew = a.prevIndex() + a.entries().size();
            for (Entry e : a.entries()) {
                long have = termAt(e.index());
                if (have != e.term()) {
                    if (e.index() <= commit) {
                        throw new IllegalStateException("node " + id + ": entry " + e + " conflicts with committed "
                                + "index " + commit);
                    }
                    truncateAndAppend(a.entries().subList((int) (e.index() - a.prevIndex() - 1), a.entries().size()));
                    break;
                }
            }
            events.add(new RaftEvent.AppendAccepted(term, a.from(), lastNew));
            commitTo(Math.min(a.commit(), lastNew));
            send(new AppResp(id, a.from(), term, lastNew, false, 0, 0));
            return;
        }
        long hint = Math.min(a.prevIndex(), lastIndex());
        hint = findConflictByTerm(hint, a.prevTerm());
        long hintTerm = Math.max(0, termAt(hint));
        events.add(new RaftEvent.AppendRejected(term, a.from(), a.prevIndex(), hint,
                termAt(a.prevIndex()) < 0 ? "missing entry " + a.prevIndex()
                        : "term mismatch at " + a.prevIndex() + ": have " + termAt(a.prevIndex()) + ", want "
                        + a.prevTerm()));
        send(new AppResp(id, a.from(), term, a.prevIndex(), true, hint, hintTerm));
    }

    private void handleHeartbeat(Heartbeat h) {
        commitTo(h.commit());
        send(new HeartbeatResp(id, h.from(), term));
    }

    private void handleSnapshot(Snap m) {
        Snapshot s = m.snapshot();
        if (s.index() <= commit) {
            send(new AppResp(id, m.from(), term, commit, false, 0, 0));
            return;
        }
        if (termAt(s.index()) == s.term()) {
            commitTo(s.index()); // the log already has it: fast-forward
            send(new AppResp(id, m.from(), term, commit, false, 0, 0));
            return;
        }
        logVersion++;
        offset = s.index();
        offsetTerm = s.term();
        entries.clear();
        stabled = offset;
        commit = s.index();
        pendingSnapshot = s;
        voters.clear();
        voters.addAll(s.voters());
        events.add(new RaftEvent.SnapshotInstalled(s.index(), s.term(), m.from()));
        send(new AppResp(id, m.from(), term, lastIndex(), false, 0, 0));
    }

    /** The largest index at or below {@code index} whose term is at most {@code atMostTerm}. */
    private long findConflictByTerm(long index, long atMostTerm) {
        long i = Math.min(index, lastIndex());
        while (i > offset && termAt(i) > atMostTerm) {
            i--;
        }
        return i;
    }

    // ---- log ----

    private void truncateAndAppend(List<Entry> newEntries) {
        logVersion++;
        long first = newEntries.get(0).index();
        if (first <= lastIndex()) {
            long removed = lastIndex() - first + 1;
            events.add(new RaftEvent.EntriesOverwritten(first, removed));
            while (lastIndex() >= first) {
                entries.remove(entries.size() - 1);
            }
            stabled = Math.min(stabled, first - 1);
        }
        if (first != lastIndex() + 1) {
            throw new IllegalStateException("node " + id + ": gap appending " + first + " after " + lastIndex());
        }
        entries.addAll(newEntries);
    }

    private void commitTo(long c) {
        if (c <= commit) {
            return;
        }
        if (c > lastIndex()) {
            throw new IllegalStateException("node " + id + ": commit " + c + " beyond last index " + lastIndex());
        }
        events.add(new RaftEvent.CommitAdvanced(term, commit, c));
        commit = c;
    }

    private int quorum() {
        return voters.size() / 2 + 1;
    }

    /** The paper's commit rule: the quorum's match index, and only an entry of the current term. */
    private boolean maybeCommit() {
        List<Long> matches = new ArrayList<>();
        for (long v : voters) {
            Progress pr = progress.get(v);
            matches.add(pr == null ? 0 : pr.match);
        }
        if (matches.isEmpty()) {
            return false;
        }
        matches.sort(java.util.Comparator.reverseOrder());
        long mci = matches.get(quorum() - 1);
        if (mci > commit && termAt(mci) == term) {
            commitTo(mci);
            return true;
        }
        return false;
    }

    private void appendProposal(List<Command> commands) {
        if (leadTransferee != 0) {
            events.add(new RaftEvent.ProposalDropped("leadership transfer to " + leadTransferee + " in progress"));
            lastProposalDropped = true;
            return;
        }
        long index = lastIndex();
        for (Command c : commands) {
            index++;
            if (c instanceof ConfChange) {
                if (pendingConfIndex > applied) {
                    events.add(new RaftEvent.ProposalDropped("configuration change at " + pendingConfIndex
                            + " not applied yet"));
                    lastProposalDropped = true;
                    return;
                }
                pendingConfIndex = index;
            }
        }
        appendEntries(commands);
        bcastAppend();
    }

    private void appendEntries(List<Command> commands) {
        List<Entry> es = new ArrayList<>();
        long index = lastIndex();
        for (Command c : commands) {
            es.add(new Entry(++index, term, c));
        }
        truncateAndAppend(es);
        Progress self = progress.get(id);
        if (self != null) {
            self.maybeUpdate(lastIndex());
        }
        maybeCommit();
    }

    // ---- replication ----

    private void bcastAppend() {
        for (long to : voters) {
            if (to != id) {
                sendAppend(to, true);
            }
        }
    }

    private boolean sendAppend(long to, boolean sendIfEmpty) {
        Progress pr = progress.get(to);
        if (pr == null || pr.isPaused(config.maxInflightMsgs())) {
            return false;
        }
        long prevIndex = pr.next - 1;
        long prevTerm = termAt(prevIndex);
        if (prevTerm < 0) {
            // The entries this follower needs are compacted away: send the snapshot instead.
            send(new Snap(id, to, term, snapshot));
            pr.becomeSnapshot(snapshot.index());
            events.add(new RaftEvent.SnapshotSent(to, snapshot.index()));
            return true;
        }
        long lastToSend = Math.min(lastIndex(), prevIndex + config.maxEntriesPerMsg());
        List<Entry> batch = new ArrayList<>();
        for (long i = prevIndex + 1; i <= lastToSend; i++) {
            batch.add(entryAt(i));
        }
        if (batch.isEmpty() && !sendIfEmpty) {
            return false;
        }
        send(new App(id, to, term, prevIndex, prevTerm, batch, commit));
        if (pr.state == Progress.State.REPLICATE) {
            if (!batch.isEmpty()) {
                pr.next = lastToSend + 1;
                pr.inflight.addLast(lastToSend);
            }
        } else {
            pr.probeSent = true;
        }
        return true;
    }

    private void send(Message m) {
        msgs.add(m);
    }

    // ---- role changes ----

    private void reset(long newTerm) {
        if (term != newTerm) {
            term = newTerm;
            vote = 0;
        }
        lead = 0;
        electionElapsed = 0;
        heartbeatElapsed = 0;
        randomizedElectionTimeout = (int) random.uniform(config.electionTicks(),
                (long) config.electionTicks() + config.electionSpreadTicks());
        leadTransferee = 0;
        votes.clear();
        progress.clear();
        for (long v : voters) {
            progress.put(v, new Progress(v == id ? lastIndex() : 0, lastIndex() + 1));
        }
    }

    private void becomeFollower(long newTerm, long leader) {
        boolean changed = role != StateRole.FOLLOWER || term != newTerm || lead != leader;
        reset(newTerm);
        role = StateRole.FOLLOWER;
        lead = leader;
        if (changed) {
            events.add(new RaftEvent.BecameFollower(term, leader));
        }
    }

    private void becomePreCandidate() {
        // Neither term nor vote change: a pre-candidate that loses leaves no trace on the cluster.
        votes.clear();
        progress.clear();
        role = StateRole.PRE_CANDIDATE;
        lead = 0;
        events.add(new RaftEvent.BecamePreCandidate(term));
    }

    private void becomeCandidate() {
        reset(term + 1);
        vote = id;
        role = StateRole.CANDIDATE;
        events.add(new RaftEvent.BecameCandidate(term));
    }

    private void becomeLeader() {
        reset(term);
        role = StateRole.LEADER;
        lead = id;
        for (Progress pr : progress.values()) {
            pr.recentActive = false;
        }
        pendingConfIndex = lastIndex();
        events.add(new RaftEvent.BecameLeader(term));
        appendEntries(List.of(new Command.Noop()));
        bcastAppend();
    }

    private void abortTransfer(String reason) {
        events.add(new RaftEvent.TransferAborted(term, leadTransferee, reason));
        leadTransferee = 0;
    }

    // ---- configuration ----

    private void applyToVoters(ConfChange cc) {
        if (cc.op() == ConfChange.Op.ADD) {
            voters.add(cc.node());
        } else {
            voters.remove(cc.node());
        }
    }

    private void applyConfChange(ConfChange cc) {
        applyToVoters(cc);
        events.add(new RaftEvent.ConfChangeApplied(cc.op().name().toLowerCase(java.util.Locale.ROOT), cc.node(),
                voters.stream().map(String::valueOf).collect(Collectors.joining(","))));
        if (role != StateRole.LEADER) {
            return;
        }
        if (cc.op() == ConfChange.Op.ADD) {
            progress.putIfAbsent(cc.node(), new Progress(0, lastIndex() + 1));
            sendAppend(cc.node(), true);
            return;
        }
        progress.remove(cc.node());
        if (cc.node() == leadTransferee) {
            abortTransfer("transferee removed");
        }
        if (cc.node() == id) {
            events.add(new RaftEvent.SteppedDown(term, "removed from the configuration"));
            becomeFollower(term, 0);
            return;
        }
        if (maybeCommit()) {
            bcastAppend();
        }
    }

    // ---- the Ready handshake ----

    /** Whether {@link #ready()} has anything to hand out. */
    public boolean hasReady() {
        return !msgs.isEmpty() || !events.isEmpty() || stabled < lastIndex() || pendingSnapshot != null
                || !currentHardState().equals(prevHardState) || commit > applied;
    }

    private HardState currentHardState() {
        return new HardState(term, vote, commit);
    }

    /** Hands out what to persist, send and apply; messages and events are handed out only once. */
    public Ready ready() {
        HardState hs = currentHardState();
        List<Entry> unstable = new ArrayList<>();
        for (long i = stabled + 1; i <= lastIndex(); i++) {
            unstable.add(entryAt(i));
        }
        List<Entry> committed = new ArrayList<>();
        long from = Math.max(applied, pendingSnapshot == null ? 0 : pendingSnapshot.index()) + 1;
        for (long i = from; i <= commit; i++) {
            committed.add(entryAt(i));
        }
        Ready rd = new Ready(hs.equals(prevHardState) ? null : hs, pendingSnapshot, unstable, msgs, committed, events,
                role, lead);
        msgs.clear();
        events.clear();
        lastProposalDropped = false;
        return rd;
    }

    /** The driver has persisted, sent and applied everything in {@code rd}. */
    public void advance(Ready rd) {
        if (rd.hardState() != null) {
            prevHardState = rd.hardState();
        }
        if (rd.snapshot() != null) {
            if (rd.snapshot() == pendingSnapshot) {
                pendingSnapshot = null;
            }
            snapshot = rd.snapshot();
            applied = Math.max(applied, snapshot.index());
        }
        if (!rd.entries().isEmpty()) {
            long last = rd.entries().get(rd.entries().size() - 1).index();
            if (termAt(last) == rd.entries().get(rd.entries().size() - 1).term()) {
                stabled = Math.max(stabled, last);
            }
        }
        for (Entry e : rd.committedEntries()) {
            if (e.index() != applied + 1) {
                continue; // a snapshot overtook these entries
            }
            applied = e.index();
            if (e.command() instanceof ConfChange cc && e.index() > confReflected) {
                applyConfChange(cc);
            }
        }
    }

    /** Whether enough entries were applied since the last snapshot that the driver should take one. */
    public boolean snapshotDue() {
        return applied - snapshot.index() >= snapshotInterval();
    }

    /** Entries between snapshots: the config's, or what the replicated cluster spec set since. */
    public long snapshotInterval() {
        return snapshotIntervalOverride > 0 ? snapshotIntervalOverride : config.snapshotInterval();
    }

    /**
     * {@code swarm init/update --snapshot-interval}: the cluster spec changes the interval at
     * runtime (volatile: the application sets it again as it applies the spec after a restart).
     */
    public void setSnapshotInterval(long entries) {
        if (entries <= 0) {
            throw new IllegalArgumentException("snapshot interval must be positive, was " + entries);
        }
        snapshotIntervalOverride = entries;
    }

    /**
     * Records the application's state as of the applied index as the new snapshot and compacts the
     * log, keeping {@code keepEntries} entries for slow followers. The driver persists the result
     * with {@link RaftStorage#compact(Snapshot, long)} and {@link #logOffset()}.
     */
    public Snapshot takeSnapshot(String data) {
        if (applied <= snapshot.index()) {
            return snapshot;
        }
        snapshot = new Snapshot(applied, termAt(applied), List.copyOf(voters), data);
        long compactTo = Math.min(applied - config.keepEntries(), stabled);
        if (compactTo > offset) {
            logVersion++;
            long newOffsetTerm = termAt(compactTo);
            entries.subList(0, (int) (compactTo - offset)).clear();
            offset = compactTo;
            offsetTerm = newOffsetTerm;
        }
        events.add(new RaftEvent.SnapshotTaken(snapshot.index(), snapshot.term(), offset + 1));
        return snapshot;
    }

    @Override
    public String toString() {
        return id + ": " + role.label() + " term=" + term + " lead=" + lead + " commit=" + commit;
    }
}
