package clusterlab.kernel.net;

/**
 * What a TCP packet carries. Data and FIN share one sequence space, counted in segments (not
 * bytes): a message larger than one segment is split, and only its last segment carries the
 * message object, so the receiver hands it over when the last piece arrives in order.
 */
sealed interface Segment {
    /** Bytes of TCP and IP headers on every segment. */
    int HEADER_BYTES = 40;

    /** Opens a connection. */
    record Syn() implements Segment {}

    /** Accepts a SYN. */
    record SynAck() implements Segment {}

    /**
     * Acknowledges every sequence number below {@code cumulative}, and {@code selective} itself
     * (the segment that triggered this ack, -1 for the handshake's ack) even if it arrived out of
     * order, so the sender does not resend what already made it.
     */
    record Ack(long cumulative, long selective) implements Segment {}

    /** A piece of a message; {@code message} is null except on the message's last piece. */
    record Data(long seq, int payloadBytes, Object message) implements Segment {}

    /** The sender is done: after every data segment before it. */
    record Fin(long seq) implements Segment {}

    /** "I do not know this connection" (or: nothing listens on that port). */
    record Rst() implements Segment {}
}
