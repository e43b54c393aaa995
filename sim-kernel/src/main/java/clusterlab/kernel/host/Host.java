package clusterlab.kernel.host;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.MemoryFs;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.net.HostStack;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Subnet;
import clusterlab.kernel.os.OperatingSystem;
import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Pipe;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.ProgramRegistry;
import clusterlab.kernel.os.SpawnSpec;
import clusterlab.kernel.os.Stdio;
import java.util.List;
import java.util.Locale;

/**
 * One simulated computer as a student meets it: a machine with a disk, the simulated Linux on it,
 * and its network namespace wired to the cluster's network as {@code eth0}.
 */
public final class Host {
    /** How long {@link #run} lets a command take before giving up on it. */
    public static final long DEFAULT_RUN_LIMIT_NANOS = 10 * Time.MINUTE;

    private final Cluster cluster;
    private final Machine machine;
    private final MemoryFs disk;
    private final OperatingSystem os;
    private final Ipv4 address;

    Host(Cluster cluster, Machine machine, Ipv4 address, ProgramRegistry programs, List<String> installed) {
        this.cluster = cluster;
        this.machine = machine;
        this.address = address;
        this.disk = new MemoryFs(machine.simulation()::now);
        HostImage.install(disk, machine.name(), address.toString(), installed);
        this.os = new OperatingSystem(machine, disk, programs);
        wireNetwork();
        machine.addListener(new clusterlab.kernel.machine.MachineListener() {
            @Override
            public void onRestart(Machine m) {
                wireNetwork(); // the kernel rebooted with fresh namespaces
            }
        });
    }

    private void wireNetwork() {
        HostStack stack = cluster.transport().stack(machine);
        var net = os.initialNamespaces().net();
        net.attachStack(stack);
        if (net.interfaceNamed("eth0") == null) {
            Subnet subnet = cluster.network().subnet();
            net.addInterface("eth0", address, subnet, macFor(address), 1500, 0);
        }
    }

    /** A stable locally administered MAC derived from the address, as Docker derives them. */
    static String macFor(Ipv4 ip) {
        int b = ip.bits();
        return String.format(Locale.ROOT, "02:42:%02x:%02x:%02x:%02x", (b >>> 24) & 0xFF, (b >>> 16) & 0xFF,
                (b >>> 8) & 0xFF, b & 0xFF);
    }

    public Cluster cluster() {
        return cluster;
    }

    public String name() {
        return machine.name();
    }

    public Machine machine() {
        return machine;
    }

    public MemoryFs disk() {
        return disk;
    }

    public OperatingSystem os() {
        return os;
    }

    public Ipv4 address() {
        return address;
    }

    /** Starts {@code argv} as a child of init with the given streams; the caller runs the simulation. */
    public Process spawn(List<String> argv, Stdio stdio) {
        return os.spawn(SpawnSpec.child(os.init(), argv, stdio).withCwd("/root"));
    }

    /**
     * Runs a command to completion (or {@link #DEFAULT_RUN_LIMIT_NANOS}) with no standard input
     * and captures its output: the convenience tests and scripts use.
     */
    public CommandResult run(String... argv) {
        return run(List.of(argv), null, DEFAULT_RUN_LIMIT_NANOS);
    }

    /** Like {@link #run(String...)} with {@code stdin} text (null for none) and a time limit. */
    public CommandResult run(List<String> argv, String stdin, long limitNanos) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Pipe in = null;
        if (stdin != null) {
            in = new Pipe();
            in.write(stdin);
            in.close();
        }
        OutputSink outSink = out::append;
        OutputSink errSink = err::append;
        Process p = spawn(argv, new Stdio(in, outSink, errSink, null));
        long deadline = machine.simulation().now() + limitNanos;
        machine.simulation().runWhile(() -> p.isAlive() && machine.simulation().now() <= deadline);
        if (p.isAlive()) {
            return new CommandResult(out.toString(), err.toString(), -1);
        }
        return new CommandResult(out.toString(), err.toString(), p.exitStatus());
    }

    @Override
    public String toString() {
        return "host " + name() + " (" + address + ")";
    }
}
