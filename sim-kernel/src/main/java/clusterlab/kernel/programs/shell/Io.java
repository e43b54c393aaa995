package clusterlab.kernel.programs.shell;

import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Pipe;

/**
 * A command's standard streams inside the shell. {@code shellIn} means stdin is the shell's own
 * input (lent to a foreground command through {@link ShellInput}); otherwise {@code in} is a pipe,
 * a file's contents or null for /dev/null.
 */
record Io(Pipe in, boolean shellIn, OutputSink out, OutputSink err) {
    Io withIn(Pipe p) {
        return new Io(p, false, out, err);
    }

    Io withOut(OutputSink s) {
        return new Io(in, shellIn, s, err);
    }

    Io withErr(OutputSink s) {
        return new Io(in, shellIn, out, s);
    }
}
