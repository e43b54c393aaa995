package clusterlab.kernel.os;

/**
 * A simulated executable. The kernel calls {@link #start} once when the process execs it; from
 * there the program drives itself through its {@link ProcessContext}: it reads input, writes
 * output, sets timers, does CPU work, opens sockets, spawns children, and finally exits.
 *
 * <p>There are no threads: a program that "blocks" registers a callback and returns.
 */
@FunctionalInterface
public interface Program {
    void start(ProcessContext ctx);
}
