package clusterlab.kernel.os;

/**
 * A terminal a person types into: a pseudo-terminal device ({@link #tty()}), the input the person
 * types ({@link #input()}), where programs' output goes ({@link #output()}), and the foreground
 * process that Ctrl-C interrupts.
 *
 * <p>Like a real tty, the input has one reader at a time: the shell reads command lines, and while
 * a foreground program runs the shell hands the input to it (a {@link Pipe} keeps what was typed
 * in between) and takes it back when the program ends.
 */
public final class Terminal {
    private final Tty tty;
    private final Pipe input = new Pipe();
    private final OutputSink output;
    private Process foreground;
    /** termios ECHO: whether what is typed appears on the screen (off while a password is read). */
    private boolean echo = true;

    public Terminal(Tty tty, OutputSink output) {
        this.tty = tty;
        this.output = output;
        input.bindTerminal(this);
    }

    public Tty tty() {
        return tty;
    }

    /** What the person types; write lines ending in "\n" into it. */
    public Pipe input() {
        return input;
    }

    public OutputSink output() {
        return output;
    }

    /** Standard streams of a process attached to this terminal (stderr too goes to the screen). */
    public Stdio stdio() {
        return new Stdio(input, output, output, tty);
    }

    public boolean echoes() {
        return echo;
    }

    /** Turns echo off for a secret and back on after it (term.ReadPassword does both). */
    public void setEcho(boolean on) {
        this.echo = on;
    }

    /** The process in the foreground: the one reading input and receiving Ctrl-C. */
    public Process foreground() {
        return foreground;
    }

    /** Set by the shell when it starts or finishes a foreground job. */
    public void setForeground(Process p) {
        this.foreground = p;
    }

    /**
     * Ctrl-C: SIGINT to the foreground process and to its descendants attached to this terminal
     * (its process group, in effect), children first.
     */
    public void interrupt() {
        Process fg = foreground;
        if (fg == null || !fg.isAlive()) {
            return;
        }
        interruptTree(fg, 0);
    }

    private void interruptTree(Process p, int depth) {
        if (depth < 64) {
            for (Process child : java.util.List.copyOf(p.children())) {
                if (child.stdio().tty() == tty) {
                    interruptTree(child, depth + 1);
                }
            }
        }
        p.os().signal(null, p, Signal.SIGINT);
    }
}
