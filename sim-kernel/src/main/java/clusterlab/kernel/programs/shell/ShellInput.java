package clusterlab.kernel.programs.shell;

import clusterlab.kernel.os.Pipe;
import clusterlab.kernel.os.ProcessContext;
import java.util.function.Consumer;

/**
 * The shell's standard input, read a line at a time (for commands and the read builtin), and lent
 * to foreground commands that inherit it.
 *
 * <p>The handoff: a {@link Pipe} has one reader. While a foreground command runs, the shell
 * detaches and the command attaches (its readInput); what is typed meanwhile stays in the pipe
 * for whoever reads next. When the command exits, the kernel detaches it and the shell attaches
 * again. If the shell already holds unread text (input that arrived in one chunk, as from
 * {@code bash < script}) or has seen the end of input, the command gets a fresh pipe with a copy of
 * that text instead, closed: it can read the rest of the input, and the shell still runs it too
 * (a real shell reading a pipe byte by byte would lose it to the command; documented deviation).
 */
final class ShellInput {
    /** Bound on text buffered and not yet read as lines. */
    static final int MAX_BUFFERED_CHARS = 1 << 20;

    private final ProcessContext ctx;
    private final Pipe pipe;
    private final StringBuilder buffer = new StringBuilder();
    private boolean attached;
    private boolean lent;
    private boolean eof;
    private Consumer<String> waiter;

    ShellInput(ProcessContext ctx) {
        this.ctx = ctx;
        this.pipe = ctx.process().stdio().in();
        this.eof = pipe == null;
    }

    /** The pipe behind stdin, or null for /dev/null. */
    Pipe pipe() {
        return pipe;
    }

    /** Calls {@code onLine} with the next line (without its newline), or null at end of input. */
    void nextLine(Consumer<String> onLine) {
        waiter = onLine;
        if (!attached && !eof && !lent) {
            attach();
        }
        deliver();
    }

    /** Drops a pending line request and any partial line (Ctrl-C at the prompt). */
    void discardPartialLine() {
        int nl = buffer.lastIndexOf("\n");
        buffer.setLength(nl < 0 ? 0 : nl + 1);
    }

    private void onData(String text) {
        int room = MAX_BUFFERED_CHARS - buffer.length();
        buffer.append(text.length() > room ? text.substring(0, Math.max(0, room)) : text);
        deliver();
    }

    private void onEof() {
        eof = true;
        attached = false;
        deliver();
    }

    private void deliver() {
        Consumer<String> w = waiter;
        if (w == null) {
            return;
        }
        int nl = buffer.indexOf("\n");
        if (nl >= 0) {
            String line = buffer.substring(0, nl);
            buffer.delete(0, nl + 1);
            waiter = null;
            w.accept(line);
        } else if (eof) {
            waiter = null;
            if (buffer.length() > 0) {
                String rest = buffer.toString();
                buffer.setLength(0);
                w.accept(rest);
            } else {
                w.accept(null);
            }
        }
    }

    /** The stdin for a foreground command: the live pipe (detached from the shell) or a copy. */
    Pipe lend() {
        if (pipe == null) {
            return null;
        }
        if (eof || buffer.length() > 0) {
            Pipe copy = new Pipe();
            copy.write(buffer.toString());
            copy.close();
            return copy;
        }
        if (attached) {
            pipe.detachReader();
            attached = false;
        }
        lent = true;
        return pipe;
    }

    /** The command is done with stdin: read it again if a line is wanted. */
    void takeBack() {
        if (!lent) {
            return;
        }
        lent = false;
        if (waiter != null && !eof) {
            attach();
        }
    }

    private void attach() {
        attached = true;
        ctx.readInput(this::onData, this::onEof);
        if (pipe.isClosed() && !eof) {
            // The writer closed and a command already took the end of input: it is over for us too.
            onEof();
        }
    }
}
