package clusterlab.kernel.trace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The simulation's record of what happened. Every record is turned into its canonical JSON line
 * once, fed to a running SHA-256 digest of the whole trace, and handed to the sinks.
 *
 * <p>Two runs are the same run exactly when their digests are equal; that is what the determinism
 * tests and the optimization guard compare. Callers that build expensive fields check
 * {@link #isOn()} first.
 */
public final class Trace {
    private final LongSupplier clock;
    private final List<TraceSink> sinks = new ArrayList<>();
    private final MessageDigest digest;
    private boolean on = true;
    private long count;

    public Trace(LongSupplier clock) {
        this.clock = clock;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public boolean isOn() {
        return on;
    }

    /** Turns recording (and the digest) on or off; benchmarks of the bare engine turn it off. */
    public void setOn(boolean on) {
        this.on = on;
    }

    public void addSink(TraceSink sink) {
        sinks.add(sink);
    }

    public void removeSink(TraceSink sink) {
        sinks.remove(sink);
    }

    /** Records an event at the current virtual time, with alternating field names and values. */
    public void record(String machine, String component, String kind, Object... keyValues) {
        if (!on) {
            return;
        }
        record(new TraceRecord(clock.getAsLong(), machine, component, kind, TraceRecord.fieldsOf(keyValues)));
    }

    /** Records a prepared record (its time is taken as given). */
    public void record(TraceRecord r) {
        if (!on) {
            return;
        }
        String line = TraceJson.write(r);
        digest.update(line.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        count++;
        for (TraceSink sink : sinks) {
            sink.accept(r, line);
        }
    }

    /** Records written so far. */
    public long count() {
        return count;
    }

    /** SHA-256 of every canonical line so far (each followed by a newline), in hex. */
    public String digestHex() {
        try {
            MessageDigest snapshot = (MessageDigest) digest.clone();
            return HexFormat.of().formatHex(snapshot.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    /** Closes every sink (flushing files). */
    public void close() {
        for (TraceSink sink : sinks) {
            sink.close();
        }
    }
}
