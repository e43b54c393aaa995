package clusterlab.runtime.engine;

import clusterlab.kernel.SimRandom;
import clusterlab.kernel.Simulation;
import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.fs.LayerEntry;
import clusterlab.kernel.fs.OverlayFs;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.machine.Machine;
import clusterlab.kernel.machine.MachineListener;
import clusterlab.kernel.net.Subnet;
import clusterlab.kernel.os.Signal;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageStore;
import clusterlab.runtime.registry.Registry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The Docker daemon of one machine: its images, containers, networks and volumes, and the
 * lifecycle operations the Engine API offers. Errors are {@link EngineException}s carrying the
 * daemon's own messages; the CLI prints them after {@code Error response from daemon: }.
 *
 * <p>Starting, stopping and exec'ing are done by {@link ContainerRunner} with the simulated kernel;
 * this class keeps the registry and the rules.
 */
public final class Engine {
    /** What {@code docker version} and {@code node ls} report: the course's Play with Docker engine. */
    public static final String VERSION = "18.09.4";
    public static final String API_VERSION = "1.39";
    /** Containers an engine keeps at most (a bound, far above what any lesson makes). */
    public static final int MAX_CONTAINERS = 10_000;
    static final Subnet DEFAULT_BRIDGE_SUBNET = Subnet.parse("172.17.0.0/16");
    /**
     * Docker's "-init" layer between the image and the container's own layer: mount points and
     * /.dockerenv, so they never show up in {@code docker diff}.
     */
    static final Layer INIT_LAYER = Layer.of(List.of(
            LayerEntry.file("/.dockerenv", Blob.EMPTY, 0755, 0, 0, 0),
            LayerEntry.directory("/dev", 0755, 0, 0, 0),
            LayerEntry.directory("/proc", 0755, 0, 0, 0),
            LayerEntry.directory("/sys", 0755, 0, 0, 0),
            LayerEntry.directory("/etc", 0755, 0, 0, 0),
            LayerEntry.file("/etc/hostname", Blob.EMPTY, 0644, 0, 0, 0),
            LayerEntry.file("/etc/hosts", Blob.EMPTY, 0644, 0, 0, 0),
            LayerEntry.file("/etc/resolv.conf", Blob.EMPTY, 0644, 0, 0, 0)));

    private final Host host;
    private final Simulation sim;
    private final ImageStore images;
    private final Registry hub;
    private final SimRandom ids;
    private final NameGenerator names;
    private final ContainerRunner runner;
    private final LinkedHashMap<String, Container> containers = new LinkedHashMap<>();
    private final TreeMap<String, EngineNetwork> networks = new TreeMap<>();
    private final TreeMap<String, Volume> volumes = new TreeMap<>();
    /** First host id and count of the subordinate range {@code dockremap} gets (/etc/subuid). */
    public static final long REMAP_FIRST_ID = 100_000;
    public static final long REMAP_COUNT = 65_536;
    private boolean userNamespaceRemap;

    /** The "Swarm:" part of {@code docker info}: "inactive" until swarm mode plugs its view in. */
    private java.util.function.Supplier<String> swarmInfo = () -> "inactive\n";

    public Engine(Host host, ImageStore images, Registry hub) {
        this.host = host;
        this.hub = hub;
        this.sim = host.machine().simulation();
        this.images = images;
        SimRandom stream = sim.random().stream("engine/" + host.name());
        this.ids = stream.stream("ids");
        this.names = new NameGenerator(stream.stream("names"));
        this.runner = new ContainerRunner(this, host);
        createDefaultNetworks();
        runner.boot();
        host.machine().addListener(new MachineListener() {
            @Override
            public void onCrash(Machine m) {
                runner.machineDown(255);
            }

            @Override
            public void onPowerOff(Machine m) {
                runner.machineDown(0);
            }

            @Override
            public void onRestart(Machine m) {
                runner.boot();
                runner.restartAfterBoot();
            }
        });
    }

    private void createDefaultNetworks() {
        networks.put("bridge", new EngineNetwork(newId(), "bridge", "bridge", DEFAULT_BRIDGE_SUBNET, "docker0",
                sim.now(), false));
        networks.put("host", new EngineNetwork(newId(), "host", "host", null, null, sim.now(), false));
        networks.put("none", new EngineNetwork(newId(), "none", "null", null, null, sim.now(), false));
    }

    /**
     * Plugs in swarm mode's part of {@code docker info}: the state word and its indented detail
     * lines, each ending in a newline (the runtime knows nothing of swarms itself).
     */
    public void setSwarmInfo(java.util.function.Supplier<String> info) {
        this.swarmInfo = info;
    }

    /** What follows " Swarm: " in {@code docker info}. */
    public String swarmInfo() {
        return swarmInfo.get();
    }

    public Host host() {
        return host;
    }

    /** {@code dockerd --userns-remap=default}: containers get a USER namespace of their own. */
    public void setUserNamespaceRemap(boolean remap) {
        this.userNamespaceRemap = remap;
    }

    public boolean userNamespaceRemap() {
        return userNamespaceRemap;
    }

    public Simulation simulation() {
        return sim;
    }

    public ImageStore images() {
        return images;
    }

    /** The public registry this engine pulls from and pushes to by default. */
    public Registry hub() {
        return hub;
    }

    ContainerRunner runner() {
        return runner;
    }

    /** 64 hex characters from the engine's seeded stream: container, network and exec ids. */
    String newId() {
        return ids.hex(64);
    }

    // ---- containers: lookup -------------------------------------------------------------------

    /** All containers, newest first (as {@code docker ps -a} lists them). */
    public List<Container> containers() {
        List<Container> all = new ArrayList<>(containers.values());
        all.sort(Comparator.comparingLong(Container::createdNanos).reversed()
                .thenComparing(Container::id, Comparator.reverseOrder()));
        return all;
    }

    /**
     * Finds a container by full id, name (with or without its leading slash) or unique id prefix,
     * as the daemon does.
     *
     * @throws EngineException {@code No such container: x} or Docker's ambiguity error
     */
    public Container container(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw EngineException.notFound("No such container: " + ref);
        }
        Container byId = containers.get(ref);
        if (byId != null) {
            return byId;
        }
        String name = ref.startsWith("/") ? ref.substring(1) : ref;
        for (Container c : containers.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        Container match = null;
        if (ref.matches("[0-9a-f]+")) {
            for (Container c : containers.values()) {
                if (c.id().startsWith(ref)) {
                    if (match != null) {
                        throw EngineException.notFound("Multiple IDs found with provided prefix: " + ref);
                    }
                    match = c;
                }
            }
        }
        if (match == null) {
            throw EngineException.notFound("No such container: " + ref);
        }
        return match;
    }

    public Optional<Container> findContainer(String ref) {
        try {
            return Optional.of(container(ref));
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    // ---- containers: create, rename, remove ---------------------------------------------------

    /**
     * Creates a container from a local image (the CLI pulls first when this says the image is
     * missing).
     *
     * @throws EngineException 404 {@code No such image: nginx:latest}, 409 on a name conflict,
     *     400 for invalid names or a missing command
     */
    public Container create(CreateSpec spec) {
        if (containers.size() >= MAX_CONTAINERS) {
            throw EngineException.server("too many containers on this engine");
        }
        String name = spec.name();
        if (name != null && !name.isEmpty()) {
            if (name.startsWith("/")) {
                name = name.substring(1);
            }
            if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
                throw EngineException.badRequest("Invalid container name (" + spec.name()
                        + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
            }
            checkNameFree(name);
        } else {
            name = names.next(this::nameTaken);
        }
        Image image = images.resolve(spec.image())
                .orElseThrow(() -> EngineException.notFound("No such image: " + familiar(spec.image())));
        List<String> command = resolveCommand(spec, image);
        if (command.isEmpty()) {
            throw EngineException.badRequest("No command specified");
        }
        if (!networks.containsKey(spec.network().equals("default") ? "bridge" : spec.network())) {
            throw EngineException.notFound("network " + spec.network() + " not found");
        }
        String id = newId();
        List<Layer> layers = new ArrayList<>(image.layers());
        layers.add(INIT_LAYER);
        OverlayFs rootfs = new OverlayFs(layers, sim::now);
        Container c = new Container(id, name, sim.now(), image, spec.image(), spec, command, rootfs,
                new ContainerLog(sim::now));
        containers.put(id, c);
        runner.prepare(c);
        sim.trace().record(host.name(), "engine", "create", "id", c.shortId(), "name", name, "image", spec.image());
        return c;
    }

    /** {@code nginx} -> {@code nginx:latest}, as the daemon names a missing image. */
    static String familiar(String ref) {
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        return ref.contains("@") || last.contains(":") ? ref : ref + ":latest";
    }

    private static List<String> resolveCommand(CreateSpec spec, Image image) {
        List<String> entrypoint = spec.entrypoint() != null ? spec.entrypoint() : image.config().entrypoint();
        List<String> cmd = spec.cmd() != null && !spec.cmd().isEmpty() ? spec.cmd()
                : spec.entrypoint() != null ? null : image.config().cmd();
        List<String> all = new ArrayList<>();
        if (entrypoint != null) {
            all.addAll(entrypoint);
        }
        if (cmd != null) {
            all.addAll(cmd);
        }
        return all;
    }

    private boolean nameTaken(String name) {
        return containers.values().stream().anyMatch(c -> c.name().equals(name));
    }

    private void checkNameFree(String name) {
        for (Container c : containers.values()) {
            if (c.name().equals(name)) {
                throw EngineException.conflict("Conflict. The container name \"/" + name
                        + "\" is already in use by container \"" + c.id()
                        + "\". You have to remove (or rename) that container to be able to reuse that name.");
            }
        }
    }

    public void rename(Container c, String newName) {
        String n = newName.startsWith("/") ? newName.substring(1) : newName;
        if (!n.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw EngineException.badRequest("Invalid container name (" + newName
                    + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        }
        if (c.name().equals(n)) {
            throw EngineException.badRequest("Renaming a container with the same name as its current name");
        }
        checkNameFree(n);
        c.rename(n);
    }

    /**
     * Removes a container; a running one only with {@code force} (it is killed first).
     *
     * @param done called once it is gone
     */
    public void remove(Container c, boolean force, boolean removeVolumes, Runnable done) {
        if (c.isRunning() || c.state() == ContainerState.RESTARTING) {
            if (!force) {
                throw EngineException.conflict("You cannot remove a running container " + c.id()
                        + ". Stop the container before attempting removal or force remove");
            }
            c.setStoppedByUser(true);
            runner.kill(c, Signal.SIGKILL);
            runner.whenStopped(c, () -> {
                forget(c, removeVolumes);
                done.run();
            });
            return;
        }
        forget(c, removeVolumes);
        done.run();
    }

    void forget(Container c, boolean removeVolumes) {
        if (containers.remove(c.id()) == null) {
            return;
        }
        c.setState(ContainerState.DEAD);
        runner.discard(c, removeVolumes);
        sim.trace().record(host.name(), "engine", "remove", "id", c.shortId());
    }

    // ---- container lifecycle (delegated) -----------------------------------------------------

    /** Starts a created or exited container. @throws EngineException as the daemon reports failures */
    public void start(Container c) {
        runner.start(c);
    }

    /** SIGTERM (or the stop signal), then SIGKILL after {@code timeoutNanos}; {@code done} once stopped. */
    public void stop(Container c, long timeoutNanos, Runnable done) {
        runner.stop(c, timeoutNanos, done);
    }

    public void kill(Container c, Signal signal) {
        if (!c.isRunning()) {
            throw EngineException.conflict("Cannot kill container: " + c.id() + ": Container " + c.id()
                    + " is not running");
        }
        runner.kill(c, signal);
    }

    public void pause(Container c) {
        runner.pause(c);
    }

    public void unpause(Container c) {
        runner.unpause(c);
    }

    /** Calls {@code onExit} with the exit code when the container's main process next exits. */
    public void whenExited(Container c, IntConsumer onExit) {
        runner.whenStopped(c, () -> onExit.accept(c.exitCode()));
    }

    public ExecInstance exec(Container c, ExecSpec spec) {
        return runner.exec(c, spec);
    }

    // ---- networks -----------------------------------------------------------------------------

    public List<EngineNetwork> networks() {
        List<EngineNetwork> all = new ArrayList<>(networks.values());
        all.sort(Comparator.comparing(EngineNetwork::name));
        return all;
    }

    public EngineNetwork network(String nameOrId) {
        EngineNetwork n = networks.get(nameOrId);
        if (n != null) {
            return n;
        }
        EngineNetwork match = null;
        for (EngineNetwork candidate : networks.values()) {
            if (candidate.id().startsWith(nameOrId)) {
                if (match != null) {
                    throw EngineException.notFound("network " + nameOrId + " is ambiguous");
                }
                match = candidate;
            }
        }
        if (match == null) {
            throw EngineException.notFound("network " + nameOrId + " not found");
        }
        return match;
    }

    /** The bridge swarm task containers use to reach the outside (moby creates it on swarm init/join). */
    public static final String GWBRIDGE = "docker_gwbridge";

    /**
     * The node entered a swarm: {@code docker_gwbridge} (a bridge on the next free 172.x.0.0/16,
     * kept after leaving, as in moby) and the swarm-scoped {@code ingress} overlay appear.
     */
    public void joinSwarm(String ingressId, String ingressSubnet) {
        if (!networks.containsKey(GWBRIDGE)) {
            createNetwork(GWBRIDGE, "bridge", null);
        }
        networks.put("ingress", new EngineNetwork(ingressId, "ingress", "overlay", Subnet.parse(ingressSubnet), null,
                sim.now(), false, "swarm"));
    }

    /** The node left its swarm: the swarm-scoped networks go. */
    public void leaveSwarm() {
        networks.values().removeIf(n -> n.scope().equals("swarm"));
    }

    /** {@code docker network create NAME}: a user-defined bridge on the next free 172.x.0.0/16. */
    public EngineNetwork createNetwork(String name, String driver, String subnet) {
        if (networks.containsKey(name)) {
            throw EngineException.conflict("network with name " + name + " already exists");
        }
        if (!driver.equals("bridge")) {
            throw EngineException.notFound("plugin \"" + driver + "\" not found");
        }
        Subnet s = subnet != null ? Subnet.parse(subnet) : nextFreeSubnet();
        for (EngineNetwork other : networks.values()) {
            if (other.subnet() != null && other.subnet().equals(s)) {
                throw EngineException.server("Pool overlaps with other one on this address space");
            }
        }
        String id = newId();
        EngineNetwork n = new EngineNetwork(id, name, "bridge", s, "br-" + id.substring(0, 12), sim.now(), true);
        networks.put(name, n);
        runner.networkCreated(n);
        return n;
    }

    private Subnet nextFreeSubnet() {
        for (int second = 18; second < 32; second++) {
            Subnet candidate = Subnet.parse("172." + second + ".0.0/16");
            boolean used = networks.values().stream().anyMatch(n -> candidate.equals(n.subnet()));
            if (!used) {
                return candidate;
            }
        }
        throw EngineException.server("could not find an available, non-overlapping IPv4 address pool among "
                + "the defaults to assign to the network");
    }

    public void removeNetwork(EngineNetwork n) {
        if (!n.isUserDefined()) {
            throw EngineException.conflict(n.name() + " is a pre-defined network and cannot be removed");
        }
        if (!n.leases().isEmpty()) {
            throw EngineException.conflict("error while removing network: network " + n.name() + " id " + n.id()
                    + " has active endpoints");
        }
        networks.remove(n.name());
        runner.networkRemoved(n);
    }

    // ---- volumes ------------------------------------------------------------------------------

    public List<Volume> volumes() {
        return new ArrayList<>(volumes.values());
    }

    public Volume volume(String name) {
        Volume v = volumes.get(name);
        if (v == null) {
            throw EngineException.notFound("get " + name + ": no such volume");
        }
        return v;
    }

    /** Creates a volume (a no-op for an existing one, as Docker does). */
    public Volume createVolume(String name) {
        String n = name == null || name.isEmpty() ? newId() : name;
        if (!n.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+")) {
            throw EngineException.badRequest("create " + n + ": \"" + n + "\" includes invalid characters for a local "
                    + "volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host "
                    + "directory, use absolute path");
        }
        Volume existing = volumes.get(n);
        if (existing != null) {
            return existing;
        }
        Volume v = Volume.local(n, sim.now(), name == null || name.isEmpty());
        host.disk().mkdirs(v.mountpoint());
        volumes.put(n, v);
        return v;
    }

    /** Containers (any state) using a volume. */
    public List<Container> volumeUsers(Volume v) {
        List<Container> users = new ArrayList<>();
        for (Container c : containers.values()) {
            for (MountSpec m : c.spec().mounts()) {
                if (m.type() == MountSpec.Type.VOLUME && v.name().equals(runner.volumeNameOf(c, m))) {
                    users.add(c);
                }
            }
        }
        return users;
    }

    public void removeVolume(Volume v, boolean force) {
        List<Container> users = volumeUsers(v);
        if (!users.isEmpty() && !force) {
            throw EngineException.conflict("remove " + v.name() + ": volume is in use - ["
                    + String.join(", ", users.stream().map(Container::id).toList()) + "]");
        }
        volumes.remove(v.name());
        if (host.disk().exists("/var/lib/docker/volumes/" + v.name())) {
            host.disk().removeRecursive("/var/lib/docker/volumes/" + v.name());
        }
    }

    /** Images used by containers (any state), by id: they cannot be removed without force. */
    public Map<String, List<Container>> imageUsers() {
        Map<String, List<Container>> users = new LinkedHashMap<>();
        for (Container c : containers()) {
            users.computeIfAbsent(c.image().id(), k -> new ArrayList<>()).add(c);
        }
        return users;
    }
}
