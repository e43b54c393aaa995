package clusterlab.kernel.machine;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A simulated computer: a name, cores, memory and disk, and a power state.
 *
 * <p>Crashes are modelled the way FoundationDB's simulation does it: a crash bumps the machine's
 * incarnation, and every event scheduled through {@link #schedule} by an earlier incarnation is
 * silently dropped when it comes due. Components keep what must survive in {@link #durable()}
 * (think of it as the disk) and everything else in their own fields, which they clear in
 * {@link MachineListener#onCrash}.
 */
public final class Machine {
    private final Simulation sim;
    private final String name;
    private final int cores;
    private final long memoryBytes;
    private final long diskBytes;
    private final List<MachineListener> listeners = new ArrayList<>();
    private final SortedMap<String, Object> durable = new TreeMap<>();
    private PowerState power = PowerState.RUNNING;
    private long incarnation;
    private long bootTime;

    public Machine(Simulation sim, String name, int cores, long memoryBytes, long diskBytes) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new IllegalArgumentException("invalid machine name \"" + name
                    + "\": use letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (cores <= 0) {
            throw new IllegalArgumentException("machine " + name + ": cores must be positive, was " + cores);
        }
        if (memoryBytes <= 0 || diskBytes <= 0) {
            throw new IllegalArgumentException("machine " + name + ": memory and disk must be positive");
        }
        this.sim = sim;
        this.name = name;
        this.cores = cores;
        this.memoryBytes = memoryBytes;
        this.diskBytes = diskBytes;
        this.bootTime = sim.now();
    }

    /** The lab's default machine size: 4 cores, 4 GiB of memory, 60 GiB of disk. */
    public static final int STANDARD_CORES = 4;
    public static final long STANDARD_MEMORY_BYTES = 4L << 30;
    public static final long STANDARD_DISK_BYTES = 60L << 30;

    /** A machine of the lab's default size. */
    public static Machine standard(Simulation sim, String name) {
        return new Machine(sim, name, STANDARD_CORES, STANDARD_MEMORY_BYTES, STANDARD_DISK_BYTES);
    }

    public Simulation simulation() {
        return sim;
    }

    public String name() {
        return name;
    }

    public int cores() {
        return cores;
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public long diskBytes() {
        return diskBytes;
    }

    public PowerState power() {
        return power;
    }

    public boolean isRunning() {
        return power == PowerState.RUNNING;
    }

    /** Counts boots: 0 for the first, +1 for each restart. */
    public long incarnation() {
        return incarnation;
    }

    /** Virtual time of the last boot, for uptime. */
    public long bootTime() {
        return bootTime;
    }

    /** State that survives crashes and restarts, by key. Keys iterate in sorted order. */
    public SortedMap<String, Object> durable() {
        return durable;
    }

    public void addListener(MachineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(MachineListener listener) {
        listeners.remove(listener);
    }

    /**
     * Schedules work that belongs to this machine's current incarnation: it is dropped if the
     * machine crashes, powers off or reboots before it comes due.
     */
    public EventHandle schedule(long delayNanos, Runnable action) {
        final long scheduledIn = incarnation;
        return sim.schedule(delayNanos, () -> {
            if (incarnation == scheduledIn && power == PowerState.RUNNING) {
                action.run();
            }
        });
    }

    /** Loses power at once: volatile state is gone, pending work of this incarnation never runs. */
    public void crash() {
        if (power != PowerState.RUNNING) {
            return;
        }
        power = PowerState.CRASHED;
        incarnation++;
        sim.trace().record(name, "machine", "crash");
        for (MachineListener l : List.copyOf(listeners)) {
            l.onCrash(this);
        }
    }

    /** Shuts down cleanly. */
    public void powerOff() {
        if (power != PowerState.RUNNING) {
            return;
        }
        for (MachineListener l : List.copyOf(listeners)) {
            l.onPowerOff(this);
        }
        power = PowerState.OFF;
        incarnation++;
        sim.trace().record(name, "machine", "power-off");
    }

    /** Boots again (a running machine is first shut down cleanly, as a reboot does). */
    public void restart() {
        if (power == PowerState.RUNNING) {
            powerOff();
        }
        power = PowerState.RUNNING;
        bootTime = sim.now();
        sim.trace().record(name, "machine", "restart", "incarnation", incarnation);
        for (MachineListener l : List.copyOf(listeners)) {
            l.onRestart(this);
        }
    }

    /** Time since the last boot. */
    public long uptimeNanos() {
        return sim.now() - bootTime;
    }

    @Override
    public String toString() {
        return name + "(" + power.name().toLowerCase(java.util.Locale.ROOT) + ", up " + Time.format(uptimeNanos()) + ")";
    }
}
