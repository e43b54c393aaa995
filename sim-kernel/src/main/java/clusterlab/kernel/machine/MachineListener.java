package clusterlab.kernel.machine;

/**
 * A component living on a machine. It drops its volatile state on crash and power-off, and rebuilds
 * itself on restart from what it kept in {@link Machine#durable()}.
 */
public interface MachineListener {
    /** The machine lost power: everything not in durable storage is gone. */
    default void onCrash(Machine machine) {}

    /** The machine is shutting down cleanly: flush what should survive. */
    default void onPowerOff(Machine machine) {}

    /** The machine is running again (after a crash or a power-off). */
    default void onRestart(Machine machine) {}
}
