package clusterlab.kernel.os;

/** Where a process's standard output or error goes: a terminal, a log, a pipe. */
@FunctionalInterface
public interface OutputSink {
    void write(String text);

    /** The writer is done (the process exited or closed the descriptor). */
    default void close() {}

    /** Output that goes nowhere, like /dev/null. */
    OutputSink DISCARD = text -> {};
}
