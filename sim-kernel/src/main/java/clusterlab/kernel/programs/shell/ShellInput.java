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
 * {@code bash < script}) or has seen the end of input, the command gets a pipe of its own with
 * that text first and then whatever arrives later; what the command leaves unread returns to the
 * shell, as if the shell had read its input byte by byte like bash does on a pipe.
 */
final class ShellInput {
    /** Bound on text buffered and not yet read as lines. */
    static final int MAX_BUFFERED_CHARS = 1 << 20;

    private final ProcessContext ctx;
    private final Pipe pipe;
    private final StringBuilder buffer = new StringBuilder();
    private boolean attached;
    private boolean lent;
    /** While lent through a relay: the command's pipe, and whether the live pipe feeds it. */
    private Pipe lentCopy;
    private boolean relaying;
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
        if (pipe != null && !lent) {
            // Blocked exactly when a line is wanted and none is complete (the lab waits for this).
            pipe.setReaderWaiting(w != null && buffer.indexOf("\n") < 0);
        }
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

    /** The stdin for a foreground command: the live pipe (detached from the shell) or a relay. */
    Pipe lend() {
        if (pipe == null) {
            return null;
        }
        if (!eof && !attached && pipe.isClosed()) {
            attach(); // the writer is done: take what is left (and the end) into the buffer
        }
        lent = true;
        if (eof || buffer.length() > 0) {
            // The shell already holds some input: the command gets it first through its own pipe,
            // then what arrives later. What it leaves unread comes back to the shell afterwards.
            Pipe copy = new Pipe();
            copy.write(buffer.toString());
            buffer.setLength(0);
            if (eof) {
                copy.close();
            } else {
                attached = false;
                relaying = true;
                pipe.attachReader(copy::write, () -> {
                    eof = true;
                    copy.close();
                });
            }
            lentCopy = copy;
            return copy;
        }
        if (attached) {
            pipe.detachReader();
            attached = false;
        }
        return pipe;
    }

    /** The command is done with stdin: keep what it did not read, and read again if a line is wanted. */
    void takeBack() {
        if (!lent) {
            return;
        }
        lent = false;
        if (lentCopy != null) {
            if (relaying) {
                pipe.detachReader();
                relaying = false;
            }
            StringBuilder unread = new StringBuilder();
            lentCopy.attachReader(unread::append, () -> { });
            lentCopy.detachReader();
            buffer.insert(0, unread);
            lentCopy = null;
        }
        if (waiter != null && !eof) {
            attach();
        }
    }

    /** exec: the new program reads the process's stdin itself; the shell lets go of it. */
    void release() {
        if (attached && pipe != null) {
            pipe.detachReader();
            attached = false;
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
