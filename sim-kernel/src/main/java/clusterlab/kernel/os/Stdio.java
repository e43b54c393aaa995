package clusterlab.kernel.os;

/**
 * A process's standard streams. {@code in} may be null (stdin is /dev/null: immediate EOF);
 * {@code tty} is null when the process has no controlling terminal (ps shows {@code ?}).
 */
public record Stdio(Pipe in, OutputSink out, OutputSink err, Tty tty) {
    public Stdio {
        out = out == null ? OutputSink.DISCARD : out;
        err = err == null ? OutputSink.DISCARD : err;
    }

    public static Stdio discard() {
        return new Stdio(null, OutputSink.DISCARD, OutputSink.DISCARD, null);
    }

    public boolean isTty() {
        return tty != null;
    }

    public Stdio withIn(Pipe newIn) {
        return new Stdio(newIn, out, err, tty);
    }

    public Stdio withOut(OutputSink newOut) {
        return new Stdio(in, newOut, err, tty);
    }

    public Stdio withErr(OutputSink newErr) {
        return new Stdio(in, out, newErr, tty);
    }
}
