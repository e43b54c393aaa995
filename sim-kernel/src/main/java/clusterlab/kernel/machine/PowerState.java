package clusterlab.kernel.machine;

/** Whether a machine is up. A crashed machine lost its volatile state; an off one shut down cleanly. */
public enum PowerState {
    RUNNING,
    CRASHED,
    OFF
}
