package clusterlab.kernel.os;

import java.util.function.Consumer;

/**
 * A unidirectional byte stream with a bounded buffer: a shell pipe, a process's standard input.
 * Data written before the reader attaches is kept (up to the bound) and handed over on attach.
 */
public final class Pipe implements OutputSink {
    /** Linux's default pipe capacity is 64 KiB; a terminal line discipline buffers 4 KiB. Be generous. */
    public static final int CAPACITY_CHARS = 1 << 20;

    private final StringBuilder buffer = new StringBuilder();
    private Consumer<String> reader;
    private boolean readerWaiting = true;
    private Runnable onEof;
    private boolean closed;
    private boolean eofDelivered;
    private long droppedChars;
    private Terminal terminal;

    @Override
    public void write(String text) {
        if (closed || text.isEmpty()) {
            return;
        }
        if (reader != null && buffer.length() == 0) {
            reader.accept(text);
            return;
        }
        int room = CAPACITY_CHARS - buffer.length();
        if (text.length() > room) {
            droppedChars += text.length() - room;
            text = text.substring(0, Math.max(0, room));
        }
        buffer.append(text);
        flush();
    }

    /** Writer side closes: the reader sees end of input once the buffer drains. */
    @Override
    public void close() {
        closed = true;
        flush();
    }

    public boolean isClosed() {
        return closed;
    }

    /** Attaches the reading process; buffered data and a pending EOF are delivered at once. */
    public void attachReader(Consumer<String> reader, Runnable onEof) {
        this.reader = reader;
        this.readerWaiting = true;
        this.onEof = onEof;
        flush();
    }

    /** Detaches the reader (the process died); later data is buffered again. */
    public void detachReader() {
        this.reader = null;
        this.onEof = null;
    }

    /** Characters written and not yet read (nobody was reading). */
    public int pendingChars() {
        return buffer.length();
    }

    /** True while a process is attached as the reader. */
    public boolean hasReader() {
        return reader != null;
    }

    /**
     * A reader that buffers (a shell reading whole lines) says whether it is blocked waiting for
     * more input, as a read(2) on an empty tty would be. Simple readers count as waiting whenever
     * they are attached. The lab uses this to know when a terminal is ready for the next line.
     */
    public void setReaderWaiting(boolean waiting) {
        this.readerWaiting = waiting;
    }

    /** An attached reader is blocked on this pipe with nothing left to read. */
    public boolean readerIsWaiting() {
        return reader != null && readerWaiting && buffer.length() == 0;
    }

    /**
     * The terminal this pipe is the input of, or null: how a shell, holding only its stdin, finds
     * the terminal to make a job the foreground one (tcsetpgrp on its stdin descriptor).
     */
    public Terminal terminal() {
        return terminal;
    }

    void bindTerminal(Terminal t) {
        this.terminal = t;
    }

    public long droppedChars() {
        return droppedChars;
    }

    private void flush() {
        if (reader == null) {
            return;
        }
        if (buffer.length() > 0) {
            String data = buffer.toString();
            buffer.setLength(0);
            reader.accept(data);
        }
        if (closed && !eofDelivered && onEof != null && buffer.length() == 0) {
            eofDelivered = true;
            onEof.run();
        }
    }
}
