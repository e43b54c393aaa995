package clusterlab.kernel.net;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Time;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One end of a TCP-like connection: messages go out reliably and arrive in order, exactly once,
 * whatever the wire loses, duplicates or reorders.
 *
 * <p>How: every data segment has a sequence number and its own retransmission timer (RTO from the
 * RFC 6298 estimator, at least 200 ms, doubling on each retry); the receiver acknowledges
 * cumulatively plus the segment that just arrived, keeps early segments in a reorder buffer, and
 * drops what it has seen. Only the {@value #WINDOW_SEGMENTS} sequence numbers from the oldest
 * unacknowledged segment on may be in flight, which bounds both the reorder buffer and the queueing
 * a connection can cause on a slow link.
 *
 * <p>A connection is full duplex until either end closes; {@link #close()} closes both directions
 * (no half-close). There are no keepalives: an idle end whose peer vanished stays open, as a real
 * one does without SO_KEEPALIVE.
 */
public final class Connection {
    /** Segment payload size: an Ethernet MTU of 1500 minus 40 bytes of headers. */
    public static final int MSS_BYTES = 1460;
    /** Segments in flight at once (about 93 KB, the order of a classic 64 KB window). */
    public static final int WINDOW_SEGMENTS = 64;
    /** Segments a connection may hold unsent; more means the model writes faster than any wire. */
    public static final int MAX_UNSENT_SEGMENTS = 1 << 20;
    /** Messages kept for a connection that has no handler yet. */
    public static final int MAX_UNDELIVERED_MESSAGES = 10_000;
    /** Linux's TCP_RTO_MIN, and the initial RTO of this model. */
    public static final long MIN_RTO_NANOS = 200 * Time.MILLISECOND;
    /** Linux's TCP_RTO_MAX. */
    public static final long MAX_RTO_NANOS = 120 * Time.SECOND;

    enum State { SYN_SENT, SYN_RCVD, ESTABLISHED, CLOSING, CLOSED }

    /** A sequenced segment on its way: sent, waiting for its ack, resent on timeout. */
    private static final class Outgoing {
        final long seq;
        final Segment segment;
        final int wireBytes;
        int retries;
        long sentAtNanos;
        EventHandle timer;

        Outgoing(long seq, Segment segment, int wireBytes) {
            this.seq = seq;
            this.segment = segment;
            this.wireBytes = wireBytes;
        }
    }

    private final long id;
    private final HostStack stack;
    private final SocketKey key;
    private State state;
    private ConnectionHandler handler;

    // handshake
    private ConnectCallback callback;
    private Listener listener;
    private EventHandle handshakeTimer;
    private EventHandle connectDeadline;
    private int handshakeRetries;

    // sending
    private long nextSeq;
    private final ArrayDeque<Outgoing> unsent = new ArrayDeque<>();
    private final TreeMap<Long, Outgoing> inFlight = new TreeMap<>();
    private long srttNanos = -1;
    private long rttvarNanos;
    private long rtoNanos = MIN_RTO_NANOS;

    // receiving
    private long nextExpected;
    private final TreeMap<Long, Segment> reorder = new TreeMap<>();
    private final ArrayDeque<Object> undelivered = new ArrayDeque<>();

    Connection(long id, HostStack stack, SocketKey key, State state) {
        this.id = id;
        this.stack = stack;
        this.key = key;
        this.state = state;
    }

    // ---- public API ----

    public long id() {
        return id;
    }

    public Ipv4 localAddress() {
        return key.localAddress();
    }

    public int localPort() {
        return key.localPort();
    }

    public Ipv4 remoteAddress() {
        return key.remoteAddress();
    }

    public int remotePort() {
        return key.remotePort();
    }

    /** Name of the host this end lives on. */
    public String host() {
        return stack.name();
    }

    /** True until this end closes or the connection ends. */
    public boolean isOpen() {
        return state == State.ESTABLISHED;
    }

    /** Sets who receives messages and the close; messages that arrived before are handed over next. */
    public void setHandler(ConnectionHandler handler) {
        this.handler = handler;
        if (handler != null && !undelivered.isEmpty()) {
            // Later, from an event, so the caller of setHandler is never re-entered.
            stack.machine().schedule(0, this::flushUndelivered);
        }
    }

    /**
     * Queues a message of {@code sizeBytes} for the peer.
     *
     * @return false when the connection is no longer open (a write on a reset socket fails)
     * @throws IllegalStateException if far more is queued than any wire could carry
     */
    public boolean send(Object message, int sizeBytes) {
        if (message == null) {
            throw new IllegalArgumentException("message is null");
        }
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("message size must not be negative, was " + sizeBytes);
        }
        if (state != State.ESTABLISHED) {
            return false;
        }
        int pieces = Math.max(1, (sizeBytes + MSS_BYTES - 1) / MSS_BYTES);
        if (unsent.size() + pieces > MAX_UNSENT_SEGMENTS) {
            throw new IllegalStateException("connection " + this + ": send buffer full ("
                    + unsent.size() + " segments unsent)");
        }
        int left = sizeBytes;
        for (int i = 0; i < pieces; i++) {
            int bytes = Math.min(left, MSS_BYTES);
            left -= bytes;
            long seq = nextSeq++;
            Segment data = new Segment.Data(seq, bytes, i == pieces - 1 ? message : null);
            unsent.addLast(new Outgoing(seq, data, Segment.HEADER_BYTES + bytes));
        }
        pump();
        return true;
    }

    /** Closes this end: what was sent still arrives, then the peer gets {@link CloseReason#PEER_CLOSED}. */
    public void close() {
        if (state != State.ESTABLISHED) {
            return;
        }
        state = State.CLOSING;
        undelivered.clear();
        stack.trace("close", "conn", id);
        long seq = nextSeq++;
        unsent.addLast(new Outgoing(seq, new Segment.Fin(seq), Segment.HEADER_BYTES));
        pump();
    }

    @Override
    public String toString() {
        return "c" + id + " " + key.localAddress() + ":" + key.localPort() + " -> "
                + key.remoteAddress() + ":" + key.remotePort() + " " + state.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---- handshake (driven by HostStack) ----

    SocketKey key() {
        return key;
    }

    State state() {
        return state;
    }

    /** Client side: sends the SYN, resends it at 1 s, 3 s, 7 s... and gives up at the deadline. */
    void startConnect(ConnectCallback callback, long connectTimeoutNanos) {
        this.callback = callback;
        stack.transmit(key, new Segment.Syn(), Segment.HEADER_BYTES);
        armHandshakeRetry();
        connectDeadline = stack.machine().schedule(connectTimeoutNanos, this::connectTimedOut);
    }

    /** Server side: a SYN came for a listener; answer it and resend the answer until the ACK comes. */
    void startAccept(Listener listener) {
        this.listener = listener;
        listener.handshakeStarted();
        stack.transmit(key, new Segment.SynAck(), Segment.HEADER_BYTES);
        armHandshakeRetry();
    }

    private void armHandshakeRetry() {
        // Linux's initial SYN RTO is 1 s, doubling: retries at 1 s, 3 s, 7 s, 15 s... after the start.
        long delayNanos = Time.SECOND << Math.min(handshakeRetries, 30);
        handshakeTimer = stack.machine().schedule(delayNanos, this::handshakeTimeout);
    }

    private void handshakeTimeout() {
        if (state == State.SYN_SENT) {
            handshakeRetries++;
            stack.transmit(key, new Segment.Syn(), Segment.HEADER_BYTES);
            armHandshakeRetry();
        } else if (state == State.SYN_RCVD) {
            if (handshakeRetries >= stack.transport().maxSynAckRetries()) {
                stack.trace("syn-ack-timeout", "conn", id);
                finish();
                return;
            }
            handshakeRetries++;
            stack.transmit(key, new Segment.SynAck(), Segment.HEADER_BYTES);
            armHandshakeRetry();
        }
    }

    private void connectTimedOut() {
        if (state != State.SYN_SENT) {
            return;
        }
        stack.trace("connect-timeout", "conn", id);
        ConnectCallback cb = callback;
        finish();
        cb.failed(ConnectFailure.TIMED_OUT);
    }

    // ---- arriving segments ----

    void onSegment(Segment segment) {
        switch (state) {
            case SYN_SENT -> onSegmentWhileConnecting(segment);
            case SYN_RCVD -> onSegmentWhileAccepting(segment);
            case ESTABLISHED, CLOSING -> onSegmentWhileOpen(segment);
            case CLOSED -> { }
        }
    }

    private void onSegmentWhileConnecting(Segment segment) {
        if (segment instanceof Segment.SynAck) {
            state = State.ESTABLISHED;
            cancelHandshakeTimers();
            stack.transmit(key, new Segment.Ack(0, -1), Segment.HEADER_BYTES);
            stack.trace("connected", "conn", id);
            ConnectCallback cb = callback;
            callback = null;
            cb.connected(this);
        } else if (segment instanceof Segment.Rst) {
            stack.trace("refused", "conn", id);
            ConnectCallback cb = callback;
            finish();
            cb.failed(ConnectFailure.REFUSED);
        }
    }

    private void onSegmentWhileAccepting(Segment segment) {
        if (segment instanceof Segment.Syn) {
            stack.transmit(key, new Segment.SynAck(), Segment.HEADER_BYTES);
        } else if (segment instanceof Segment.Rst) {
            finish();
        } else if (segment instanceof Segment.Ack || segment instanceof Segment.Data || segment instanceof Segment.Fin) {
            if (establishAccepted()) {
                onSegmentWhileOpen(segment);
            }
        }
    }

    /** The client's ACK (or its first data, if the ACK was lost) completes the handshake. */
    private boolean establishAccepted() {
        if (!listener.isOpen()) {
            stack.transmit(key, new Segment.Rst(), Segment.HEADER_BYTES);
            finish();
            return false;
        }
        cancelHandshakeTimers();
        listener.handshakeEnded();
        state = State.ESTABLISHED;
        stack.trace("accept", "conn", id, "peer", key.remoteAddress() + ":" + key.remotePort());
        listener.acceptor().accept(this);
        return state == State.ESTABLISHED || state == State.CLOSING;
    }

    private void onSegmentWhileOpen(Segment segment) {
        if (segment instanceof Segment.Ack ack) {
            onAck(ack);
        } else if (segment instanceof Segment.Data data) {
            onSequenced(data.seq(), data);
        } else if (segment instanceof Segment.Fin fin) {
            onSequenced(fin.seq(), fin);
        } else if (segment instanceof Segment.SynAck) {
            // Our handshake ACK was lost and the server resent its SYN-ACK.
            stack.transmit(key, new Segment.Ack(nextExpected, -1), Segment.HEADER_BYTES);
        } else if (segment instanceof Segment.Rst) {
            onReset();
        }
    }

    private void onReset() {
        boolean wasOpen = state == State.ESTABLISHED;
        stack.trace("reset", "conn", id);
        finish();
        if (wasOpen && handler != null) {
            handler.onClose(this, CloseReason.RESET);
        }
    }

    private void onSequenced(long seq, Segment segment) {
        if (seq >= nextExpected + WINDOW_SEGMENTS) {
            // Beyond the buffer: not kept, so not acknowledged either; the sender will resend it.
            stack.transmit(key, new Segment.Ack(nextExpected, -1), Segment.HEADER_BYTES);
            return;
        }
        if (seq >= nextExpected) {
            reorder.putIfAbsent(seq, segment);
        }
        List<Segment> ready = new ArrayList<>();
        // Bounded: the reorder buffer never holds more than a window.
        while (!reorder.isEmpty() && reorder.firstKey() == nextExpected) {
            ready.add(reorder.pollFirstEntry().getValue());
            nextExpected++;
        }
        stack.transmit(key, new Segment.Ack(nextExpected, seq), Segment.HEADER_BYTES);
        for (Segment s : ready) {
            if (state != State.ESTABLISHED && state != State.CLOSING) {
                return;
            }
            if (s instanceof Segment.Data data && data.message() != null && state == State.ESTABLISHED) {
                deliver(data.message(), data.payloadBytes());
            } else if (s instanceof Segment.Fin) {
                onPeerFin();
                return;
            }
        }
    }

    private void deliver(Object message, int lastPieceBytes) {
        stack.trace("message", "conn", id);
        if (handler == null) {
            if (undelivered.size() >= MAX_UNDELIVERED_MESSAGES) {
                throw new IllegalStateException("connection " + this + " received " + MAX_UNDELIVERED_MESSAGES
                        + " messages without a handler: set one in the Acceptor or ConnectCallback");
            }
            undelivered.addLast(message);
            return;
        }
        handler.onMessage(this, message);
    }

    private void flushUndelivered() {
        // Bounded by MAX_UNDELIVERED_MESSAGES; stops if the handler closes the connection.
        while (!undelivered.isEmpty() && handler != null && state == State.ESTABLISHED) {
            handler.onMessage(this, undelivered.pollFirst());
        }
    }

    private void onPeerFin() {
        boolean wasOpen = state == State.ESTABLISHED;
        stack.trace("peer-closed", "conn", id);
        finish();
        if (wasOpen && handler != null) {
            handler.onClose(this, CloseReason.PEER_CLOSED);
        }
    }

    private void onAck(Segment.Ack ack) {
        boolean progress = false;
        while (!inFlight.isEmpty() && inFlight.firstKey() < ack.cumulative()) {
            acknowledged(inFlight.pollFirstEntry().getValue(), ack.selective());
            progress = true;
        }
        Outgoing selected = inFlight.remove(ack.selective());
        if (selected != null) {
            acknowledged(selected, ack.selective());
            progress = true;
        }
        if (!progress) {
            return;
        }
        pump();
        if (state == State.CLOSING && inFlight.isEmpty() && unsent.isEmpty()) {
            // Everything including our FIN arrived: this end is done.
            stack.trace("closed", "conn", id);
            finish();
        }
    }

    private void acknowledged(Outgoing out, long selective) {
        out.timer.cancel();
        // Karn's rule: a resent segment's ack may answer either copy, so it is no RTT sample.
        if (out.seq == selective && out.retries == 0) {
            sampleRtt(stack.machine().simulation().now() - out.sentAtNanos);
        }
    }

    /** RFC 6298: smoothed RTT and its variation give the retransmission timeout. */
    private void sampleRtt(long rttNanos) {
        if (srttNanos < 0) {
            srttNanos = rttNanos;
            rttvarNanos = rttNanos / 2;
        } else {
            rttvarNanos = (3 * rttvarNanos + Math.abs(srttNanos - rttNanos)) / 4;
            srttNanos = (7 * srttNanos + rttNanos) / 8;
        }
        rtoNanos = Math.min(MAX_RTO_NANOS, Math.max(MIN_RTO_NANOS, srttNanos + 4 * rttvarNanos));
    }

    // ---- sending ----

    private void pump() {
        // The window is a range of sequence numbers from the oldest unacknowledged one, not a count:
        // the receiver only buffers that range, so nothing beyond it may be sent.
        while (!unsent.isEmpty()
                && unsent.peekFirst().seq < (inFlight.isEmpty() ? unsent.peekFirst().seq : inFlight.firstKey()) + WINDOW_SEGMENTS) {
            Outgoing out = unsent.pollFirst();
            inFlight.put(out.seq, out);
            transmit(out);
        }
    }

    private void transmit(Outgoing out) {
        out.sentAtNanos = stack.machine().simulation().now();
        stack.transmit(key, out.segment, out.wireBytes);
        long timeoutNanos = Math.min(MAX_RTO_NANOS, rtoNanos << Math.min(out.retries, 30));
        out.timer = stack.machine().schedule(timeoutNanos, () -> retransmissionTimeout(out));
    }

    private void retransmissionTimeout(Outgoing out) {
        if (inFlight.get(out.seq) != out) {
            return;
        }
        if (out.retries >= stack.transport().maxRetransmissions()) {
            boolean wasOpen = state == State.ESTABLISHED;
            stack.trace("timeout", "conn", id, "seq", out.seq);
            finish();
            if (wasOpen && handler != null) {
                handler.onClose(this, CloseReason.TIMEOUT);
            }
            return;
        }
        out.retries++;
        stack.trace("retransmit", "conn", id, "seq", out.seq, "try", out.retries);
        transmit(out);
    }

    // ---- the end ----

    private void cancelHandshakeTimers() {
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        if (connectDeadline != null) {
            connectDeadline.cancel();
            connectDeadline = null;
        }
    }

    /** Removes this end from its host, with every timer; nothing of it runs again. */
    private void finish() {
        if (state == State.SYN_RCVD) {
            listener.handshakeEnded();
        }
        stack.unregister(this);
        discard();
    }

    /** Drops all state and timers without telling anyone (the host crashed, or the end is done). */
    void discard() {
        state = State.CLOSED;
        cancelHandshakeTimers();
        for (Outgoing out : inFlight.values()) {
            out.timer.cancel();
        }
        inFlight.clear();
        unsent.clear();
        reorder.clear();
        undelivered.clear();
        callback = null;
    }

    /** For tests and inspection: segments sent but not yet acknowledged. */
    int inFlightSegments() {
        return inFlight.size();
    }

    Map<Long, Segment> reorderBuffer() {
        return reorder;
    }
}
