package clusterlab.kernel.programs.shell;

import clusterlab.kernel.os.Pipe;
import java.util.function.Consumer;

/**
 * Lines read from a pipe that is not the shell's own stdin (a here-document, a redirected file, a
 * pipeline): the read builtin takes one line at a time and the rest waits for the next read, as
 * "while read line; do ...; done < file" needs.
 */
final class PipeLines {
    private final Pipe pipe;
    private final StringBuilder buffer = new StringBuilder();
    private boolean attached;
    private boolean eof;
    private Consumer<String> waiter;

    PipeLines(Pipe pipe) {
        this.pipe = pipe;
        this.eof = pipe == null;
    }

    /** The next line without its newline, or null at the end. */
    void nextLine(Consumer<String> onLine) {
        waiter = onLine;
        if (!attached && !eof) {
            attached = true;
            pipe.attachReader(this::onData, this::onEof);
        }
        deliver();
    }

    private void onData(String text) {
        int room = ShellInput.MAX_BUFFERED_CHARS - buffer.length();
        buffer.append(text.length() > room ? text.substring(0, Math.max(0, room)) : text);
        deliver();
    }

    private void onEof() {
        eof = true;
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
            String rest = buffer.length() > 0 ? buffer.toString() : null;
            buffer.setLength(0);
            w.accept(rest);
        }
    }
}
