package clusterlab.kernel.host;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.net.Network;
import clusterlab.kernel.net.Transport;
import clusterlab.kernel.os.ProgramRegistry;
import clusterlab.kernel.programs.BuiltinPrograms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated world: one simulation, one machine network (192.168.0.0/24 like Play with Docker)
 * and the hosts on it, node <i>i</i> at 192.168.0.(10+i).
 */
public final class Cluster {
    /** What a host has installed unless told otherwise: every built-in tool but the servers. */
    public static final List<String> HOST_PROGRAMS = BuiltinPrograms.hostPrograms();

    private final Simulation sim;
    private final Network network;
    private final Transport transport;
    private final ProgramRegistry programs;
    private final Map<String, Host> hosts = new LinkedHashMap<>();

    public Cluster(long seed) {
        this(seed, Network.DEFAULT_SUBNET);
    }

    /** A cluster whose machines live on {@code subnet} (192.168.0.0/24 by default: up to 244 machines). */
    public Cluster(long seed, clusterlab.kernel.net.Subnet subnet) {
        this.sim = new Simulation(seed);
        this.network = new Network(sim, subnet);
        this.transport = new Transport(network);
        this.programs = BuiltinPrograms.registry();
    }

    public Simulation simulation() {
        return sim;
    }

    public Network network() {
        return network;
    }

    public Transport transport() {
        return transport;
    }

    public ProgramRegistry programs() {
        return programs;
    }

    /** Adds a host of the standard size with the standard tools, at the next free address. */
    public Host addHost(String name) {
        return addHost(Machine.standard(sim, name), HOST_PROGRAMS);
    }

    /** Adds a host on {@code machine} with the given built-in programs installed on its disk. */
    public Host addHost(Machine machine, List<String> installedPrograms) {
        if (hosts.containsKey(machine.name())) {
            throw new IllegalArgumentException("a host named " + machine.name() + " already exists");
        }
        Ipv4 address = network.attach(machine);
        Host host = new Host(this, machine, address, programs, installedPrograms);
        hosts.put(machine.name(), host);
        return host;
    }

    public Host host(String name) {
        Host h = hosts.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no host named " + name);
        }
        return h;
    }

    /** Hosts in the order they were added. */
    public List<Host> hosts() {
        return new ArrayList<>(hosts.values());
    }
}
