package clusterlab.kernel.os;

/** A pseudo-terminal: its name for ps's TTY column and its size for full-screen programs like top. */
public record Tty(String name, int columns, int rows) {
    public Tty {
        if (columns < 10 || rows < 3) {
            throw new IllegalArgumentException("terminal too small: " + columns + "x" + rows);
        }
    }

    /** A terminal of the classic size. */
    public static Tty of(String name) {
        return new Tty(name, 80, 24);
    }
}
