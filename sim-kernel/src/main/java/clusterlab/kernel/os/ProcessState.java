package clusterlab.kernel.os;

/** Process states with the letters {@code ps} prints in its STAT column. */
public enum ProcessState {
    /** Running or runnable (R) when it has CPU work; otherwise sleeping (S). */
    RUNNING('R'),
    SLEEPING('S'),
    /** Stopped by SIGSTOP or frozen by the cgroup freezer (T/D-like). */
    STOPPED('T'),
    /** Exited, waiting to be reaped (Z). */
    ZOMBIE('Z'),
    /** Gone. */
    DEAD('X');

    private final char letter;

    ProcessState(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
