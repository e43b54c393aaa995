package clusterlab.runtime.engine;

import clusterlab.kernel.fs.MountedFs;
import clusterlab.kernel.fs.OverlayFs;
import clusterlab.kernel.net.HostStack;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.os.Cgroup;
import clusterlab.kernel.os.Namespaces;
import clusterlab.kernel.os.Pipe;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Tty;
import clusterlab.runtime.image.Image;
import java.util.ArrayList;
import java.util.List;

/**
 * One container of an engine: its configuration, state and the kernel objects it is made of
 * (namespaces, cgroup, overlay root, network stack, processes, log).
 */
public final class Container {
    private final String id;
    private String name;
    private final long createdNanos;
    private final Image image;
    private final String imageReference;
    private final CreateSpec spec;
    private final List<String> command; // entrypoint + cmd as resolved at create
    private final OverlayFs rootfs;
    private final ContainerLog log;
    private final List<PortBinding> ports = new ArrayList<>();

    private ContainerState state = ContainerState.CREATED;
    private int exitCode;
    private String error = "";
    private boolean oomKilled;
    private long startedAtNanos = -1;
    private long finishedAtNanos = -1;
    private int restartCount;
    private boolean stoppedByUser;

    // present while running
    private Process shim;
    private Process init;
    private Namespaces namespaces;
    private MountedFs view;
    private Cgroup cgroup;
    private HostStack stack;
    private Ipv4 ipAddress;
    private Pipe stdin;
    private Tty tty;
    private final List<Process> proxies = new ArrayList<>();

    Container(String id, String name, long createdNanos, Image image, String imageReference, CreateSpec spec,
            List<String> command, OverlayFs rootfs, ContainerLog log) {
        this.id = id;
        this.name = name;
        this.createdNanos = createdNanos;
        this.image = image;
        this.imageReference = imageReference;
        this.spec = spec;
        this.command = List.copyOf(command);
        this.rootfs = rootfs;
        this.log = log;
    }

    public String id() {
        return id;
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public long createdNanos() {
        return createdNanos;
    }

    public Image image() {
        return image;
    }

    /** The image as the user named it ({@code nginx}, {@code mongo:3.4}): what {@code ps} shows. */
    public String imageReference() {
        return imageReference;
    }

    public CreateSpec spec() {
        return spec;
    }

    /** The command the container runs: entrypoint then cmd. */
    public List<String> command() {
        return command;
    }

    public OverlayFs rootfs() {
        return rootfs;
    }

    public ContainerLog log() {
        return log;
    }

    public ContainerState state() {
        return state;
    }

    void setState(ContainerState s) {
        this.state = s;
    }

    public boolean isRunning() {
        return state == ContainerState.RUNNING || state == ContainerState.PAUSED;
    }

    public int exitCode() {
        return exitCode;
    }

    void setExitCode(int code) {
        this.exitCode = code;
    }

    public String error() {
        return error;
    }

    void setError(String e) {
        this.error = e == null ? "" : e;
    }

    public boolean oomKilled() {
        return oomKilled;
    }

    void setOomKilled(boolean v) {
        this.oomKilled = v;
    }

    public long startedAtNanos() {
        return startedAtNanos;
    }

    void setStartedAt(long t) {
        this.startedAtNanos = t;
    }

    public long finishedAtNanos() {
        return finishedAtNanos;
    }

    void setFinishedAt(long t) {
        this.finishedAtNanos = t;
    }

    public int restartCount() {
        return restartCount;
    }

    void incrementRestartCount() {
        restartCount++;
    }

    boolean stoppedByUser() {
        return stoppedByUser;
    }

    void setStoppedByUser(boolean v) {
        this.stoppedByUser = v;
    }

    public Process init() {
        return init;
    }

    Process shim() {
        return shim;
    }

    void setProcesses(Process shim, Process init) {
        this.shim = shim;
        this.init = init;
    }

    public Namespaces namespaces() {
        return namespaces;
    }

    void setNamespaces(Namespaces ns) {
        this.namespaces = ns;
    }

    /** The container's filesystem as its processes see it (root overlay plus mounts), or null when stopped. */
    public MountedFs view() {
        return view;
    }

    void setView(MountedFs v) {
        this.view = v;
    }

    public Cgroup cgroup() {
        return cgroup;
    }

    void setCgroup(Cgroup g) {
        this.cgroup = g;
    }

    HostStack stack() {
        return stack;
    }

    /**
     * Connects the running container to one more network, as swarm's agent attaches a task to the
     * ingress overlay: an interface {@code name} with {@code ip} in {@code subnet}, which its
     * sockets answer on. Gone when the container stops (its network namespace goes).
     */
    public void attachInterface(String name, Ipv4 ip, clusterlab.kernel.net.Subnet subnet, int mtu) {
        if (stack == null || namespaces == null || !isRunning()) {
            throw EngineException.conflict("Container " + shortId() + " is not running");
        }
        stack.addBridgeAddress(ip, subnet);
        namespaces.net().addInterface(name, ip, subnet, ContainerRunner.macFor(ip), mtu, 0);
    }

    void setStack(HostStack s) {
        this.stack = s;
    }

    /** Address on its network while running; null otherwise. */
    public Ipv4 ipAddress() {
        return ipAddress;
    }

    void setIpAddress(Ipv4 ip) {
        this.ipAddress = ip;
    }

    /** The container's standard input (for -i), or null. */
    public Pipe stdin() {
        return stdin;
    }

    void setStdin(Pipe p) {
        this.stdin = p;
    }

    public Tty tty() {
        return tty;
    }

    void setTty(Tty t) {
        this.tty = t;
    }

    /** Published ports with the host ports actually bound (after -P or "0" picks). */
    public List<PortBinding> ports() {
        return List.copyOf(ports);
    }

    void setPorts(List<PortBinding> p) {
        ports.clear();
        ports.addAll(p);
    }

    List<Process> proxies() {
        return proxies;
    }

    @Override
    public String toString() {
        return "container " + shortId() + " (" + name + ", " + state.apiName() + ")";
    }
}
