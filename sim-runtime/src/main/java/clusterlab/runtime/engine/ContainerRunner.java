package clusterlab.runtime.engine;

import clusterlab.kernel.EventHandle;
import clusterlab.kernel.Time;
import clusterlab.kernel.fs.BindFs;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsCopy;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.fs.MemoryFs;
import clusterlab.kernel.fs.MountTable;
import clusterlab.kernel.fs.MountedFs;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.net.HostStack;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.os.Cgroup;
import clusterlab.kernel.os.Credentials;
import clusterlab.kernel.os.NetNamespace;
import clusterlab.kernel.os.OperatingSystem;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.Pipe;
import clusterlab.kernel.os.PidNamespace;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.SpawnSpec;
import clusterlab.kernel.os.Stdio;
import clusterlab.kernel.os.Tty;
import clusterlab.kernel.os.UserNamespace;
import clusterlab.kernel.os.Namespaces;
import clusterlab.kernel.os.OutputSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns containers into kernel objects and back: namespaces, cgroup, overlay root with its
 * mounts, a network namespace on a bridge, the shim and the container's processes, userland
 * proxies for published ports; and the exit, stop, restart and exec paths.
 */
final class ContainerRunner {
    /** Docker's restart backoff starts at 100 ms and doubles up to a minute. */
    private static final long RESTART_BACKOFF_START_NANOS = 100 * Time.MILLISECOND;
    private static final long RESTART_BACKOFF_MAX_NANOS = Time.MINUTE;
    private static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final int FIRST_EPHEMERAL_HOST_PORT = 32768;
    private static final int LAST_EPHEMERAL_HOST_PORT = 60999;

    private final Engine engine;
    private final Host host;
    private final OperatingSystem os;
    private Process dockerd;
    private Process containerd;
    private final Map<String, List<Runnable>> stopWaiters = new HashMap<>(); // by container id, looked up only
    private final Map<String, EventHandle> pendingRestarts = new HashMap<>();
    private final Map<String, String> anonymousVolumes = new HashMap<>(); // "id target" -> volume name
    /** Published host ports (tcp) -> container id. */
    private final java.util.TreeMap<Integer, String> hostPorts = new java.util.TreeMap<>();
    private int nextVethIndex = 4;

    ContainerRunner(Engine engine, Host host) {
        this.engine = engine;
        this.host = host;
        this.os = host.os();
    }

    // ---- the daemon's own footprint ------------------------------------------------------------

    void boot() {
        for (EngineNetwork n : engine.networks()) {
            networkCreated(n);
        }
        os.bindUnixSocket("/var/run/docker.sock", engine);
        host.disk().mkdirs("/var/run");
        if (!host.disk().exists("/var/run/docker.sock")) {
            host.disk().writeString("/var/run/docker.sock", ""); // the socket's inode; its endpoint is the engine
            host.disk().chmod("/var/run/docker.sock", 0660);
        }
        if (os.programs().create("dockerd").isPresent() && os.init() != null) {
            dockerd = os.spawn(SpawnSpec.child(os.init(), List.of("/usr/bin/dockerd", "-H", "unix:///var/run/docker.sock",
                    "-H", "tcp://0.0.0.0:2375"), Stdio.discard()));
            containerd = os.spawn(SpawnSpec.child(dockerd, List.of("containerd", "--config",
                    "/var/run/docker/containerd/containerd.toml", "--log-level", "info"), Stdio.discard()));
        }
    }

    /** A bridge network gets its gateway address on the host and a bridge interface. */
    void networkCreated(EngineNetwork n) {
        if (!n.isBridge()) {
            return;
        }
        HostStack hostStack = host.cluster().transport().stack(host.machine());
        if (!hostStack.isLocal(n.gateway())) {
            hostStack.addBridgeAddress(n.gateway(), n.subnet());
        }
        NetNamespace hostNet = os.initialNamespaces().net();
        if (hostNet.interfaceNamed(n.bridgeName()) == null) {
            hostNet.addInterface(n.bridgeName(), n.gateway(), n.subnet(), macFor(n.gateway()), 1500, 0);
        }
    }

    void networkRemoved(EngineNetwork n) {
        host.cluster().transport().stack(host.machine()).removeBridgeAddress(n.gateway());
        os.initialNamespaces().net().removeInterface(n.bridgeName());
    }

    static String macFor(Ipv4 ip) {
        int b = ip.bits();
        return String.format(Locale.ROOT, "02:42:%02x:%02x:%02x:%02x", (b >>> 24) & 0xFF, (b >>> 16) & 0xFF,
                (b >>> 8) & 0xFF, b & 0xFF);
    }

    // ---- create -------------------------------------------------------------------------------

    private static String dir(Container c) {
        return "/var/lib/docker/containers/" + c.id();
    }

    String hostnameOf(Container c) {
        String h = c.spec().hostname();
        return h == null || h.isEmpty() ? c.id().substring(0, 12) : h;
    }

    /** Writes the files Docker keeps per container and bind-mounts into it. */
    void prepare(Container c) {
        Filesystem disk = host.disk();
        disk.mkdirs(dir(c));
        disk.writeString(dir(c) + "/hostname", hostnameOf(c) + "\n");
        disk.writeString(dir(c) + "/hosts", hostsFile(c, null));
        disk.writeString(dir(c) + "/resolv.conf", disk.exists("/etc/resolv.conf")
                ? disk.readString("/etc/resolv.conf") : "nameserver 8.8.8.8\n");
    }

    private String hostsFile(Container c, Ipv4 ip) {
        StringBuilder s = new StringBuilder("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + "fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n");
        if (ip != null) {
            s.append(ip).append('\t').append(hostnameOf(c)).append('\n');
        }
        // On a user-defined network, peers are found by name. Docker answers from its embedded DNS;
        // the lab writes them into /etc/hosts, which the simulated resolver reads.
        String network = c.spec().network();
        if (ip != null && !network.equals("default") && !network.equals("bridge")) {
            for (Container peer : engine.containers()) {
                if (peer != c && peer.ipAddress() != null && peer.spec().network().equals(network)) {
                    s.append(peer.ipAddress()).append('\t').append(peer.name()).append('\n');
                }
            }
        }
        return s.toString();
    }

    /** Rewrites /etc/hosts of every running container on a user network (a peer came or went). */
    private void refreshHosts(EngineNetwork net) {
        for (Container peer : engine.containers()) {
            if (peer.ipAddress() != null && peer.spec().network().equals(net.name())
                    && host.disk().exists(dir(peer))) {
                host.disk().writeString(dir(peer) + "/hosts", hostsFile(peer, peer.ipAddress()));
            }
        }
    }

    // ---- start --------------------------------------------------------------------------------

    void start(Container c) {
        if (c.isRunning()) {
            return;
        }
        if (c.state() == ContainerState.REMOVING || c.state() == ContainerState.DEAD) {
            throw EngineException.conflict("container is marked for removal and cannot be started");
        }
        if (!host.machine().isRunning()) {
            throw EngineException.server("Cannot connect to the Docker daemon");
        }
        EventHandle restart = pendingRestarts.remove(c.id());
        if (restart != null) {
            restart.cancel();
        }
        CreateSpec spec = c.spec();
        EngineNetwork net = engine.network(spec.network().equals("default") ? "bridge" : spec.network());
        Ipv4 ip = null;
        HostStack stack = null;
        NetNamespace netns;
        List<PortBinding> ports = List.of();
        Cgroup cgroup = null;
        try {
            switch (net.driver()) {
                case "host" -> netns = os.initialNamespaces().net();
                case "null" -> netns = os.newNetNamespace();
                default -> {
                    ip = net.lease(c.id());
                    stack = host.cluster().transport().createNamespaceStack(host.machine(),
                            host.name() + "/" + c.shortId(), ip);
                    netns = os.newNetNamespace();
                    netns.attachStack(stack);
                    int hostSide = nextVethIndex++;
                    int containerSide = nextVethIndex++;
                    netns.addInterface("eth0", ip, net.subnet(), macFor(ip), 1500, hostSide);
                    os.initialNamespaces().net().addInterface("veth" + c.id().substring(0, 7), null,
                            null, macFor(ip), 1500, containerSide);
                    ports = allocatePorts(c, net);
                }
            }
            host.disk().writeString(dir(c) + "/hosts", hostsFile(c, ip));
            c.setIpAddress(ip);
            MountedFs view = buildView(c);
            cgroup = os.cgroupRoot().child("system.slice").child("docker-" + c.id() + ".scope");
            applyLimits(cgroup, spec);
            PidNamespace pidNs = os.newPidNamespace(os.initialNamespaces().pid());
            Namespaces ns = os.initialNamespaces().withPid(pidNs).withUts(os.newUtsNamespace(hostnameOf(c)))
                    .withIpc(os.newIpcNamespace()).withNet(netns).withMnt(os.newMountNamespace(view, pidNs))
                    .withCgroup(os.newCgroupNamespace(cgroup));
            if (engine.userNamespaceRemap() && !"host".equals(spec.userns())) {
                // dockerd --userns-remap: root in the container is an unprivileged user on the host.
                var map = List.of(new UserNamespace.IdMapping(0, Engine.REMAP_FIRST_ID, Engine.REMAP_COUNT));
                ns = ns.withUser(os.newUserNamespace(os.initialNamespaces().user(), map, map));
            }
            Tty tty = spec.tty() ? Tty.of("pts/0") : null;
            OutputSink out = c.log().sink(ContainerLog.Stream.STDOUT);
            OutputSink err = spec.tty() ? out : c.log().sink(ContainerLog.Stream.STDERR);
            Pipe in = spec.openStdin() ? new Pipe() : null;
            Process shim = spawnShim(c);
            Process init;
            try {
                init = os.spawn(new SpawnSpec(shim != null ? shim : os.init(), c.command(), null, environment(c, tty != null),
                        workingDir(c, view), ns, credentials(c, view), cgroup, new Stdio(in, out, err, tty)));
            } catch (OsException e) {
                if (shim != null) {
                    os.signal(null, shim, Signal.SIGKILL);
                }
                c.setExitCode(e.errno() == clusterlab.kernel.fs.Errno.EACCES ? 126 : 127);
                String message = ociError(c.command().get(0), e);
                c.setError(message);
                throw EngineException.server("OCI runtime create failed: " + message + ": unknown");
            }
            c.setNamespaces(ns);
            c.setView(view);
            c.setCgroup(cgroup);
            c.setStack(stack);
            c.setIpAddress(ip);
            c.setStdin(in);
            c.setTty(tty);
            c.setPorts(ports);
            c.setProcesses(shim, init);
            c.setState(ContainerState.RUNNING);
            c.setStartedAt(os.machine().simulation().now());
            c.setError("");
            c.setOomKilled(false);
            c.setStoppedByUser(false);
            startProxies(c, ports);
            if (net.isUserDefined()) {
                refreshHosts(net);
            }
            final Process started = init;
            os.onExit(init, status -> onInitExit(c, started, status));
            engine.simulation().trace().record(host.name(), "engine", "start", "id", c.shortId(), "pid", init.pid());
        } catch (RuntimeException failure) {
            if (c.state() != ContainerState.RUNNING) {
                releaseNetwork(c, net, ip, stack);
                releasePorts(c);
                if (cgroup != null) {
                    try {
                        cgroup.remove();
                    } catch (OsException busy) {
                        // processes still exiting; the group stays empty and harmless
                    }
                }
            }
            if (failure instanceof EngineException) {
                throw failure;
            }
            if (failure instanceof FsException fs) {
                throw EngineException.server(fs.getMessage());
            }
            throw failure;
        }
    }

    private static String ociError(String executable, OsException e) {
        String what = switch (e.errno()) {
            case ENOENT -> executable.contains("/")
                    ? "exec: \\\"" + executable + "\\\": stat " + executable + ": no such file or directory"
                    : "exec: \\\"" + executable + "\\\": executable file not found in $PATH";
            case EACCES -> "exec: \\\"" + executable + "\\\": permission denied";
            default -> "exec format error";
        };
        return "container_linux.go:345: starting container process caused \"" + what + "\"";
    }

    private Process spawnShim(Container c) {
        if (containerd == null || !containerd.isAlive()) {
            return null;
        }
        return os.spawn(SpawnSpec.child(containerd, List.of("containerd-shim", "-namespace", "moby", "-workdir",
                "/var/lib/docker/containerd/daemon/io.containerd.runtime.v1.linux/moby/" + c.id(), "-address",
                "/var/run/docker/containerd/containerd.sock", "-containerd-binary", "/usr/bin/containerd",
                "-runtime-root", "/var/run/docker/runtime-runc"), Stdio.discard()));
    }

    private static void applyLimits(Cgroup g, CreateSpec spec) {
        if (spec.memoryBytes() > 0) {
            g.setMemoryMax(spec.memoryBytes());
        }
        if (spec.nanoCpus() > 0) {
            g.setCpuMax(spec.nanoCpus() * Cgroup.DEFAULT_CPU_PERIOD_NANOS / 1_000_000_000L, Cgroup.DEFAULT_CPU_PERIOD_NANOS);
        }
        if (spec.pidsLimit() > 0) {
            g.setPidsMax(spec.pidsLimit());
        }
    }

    /** Docker's environment: PATH, HOSTNAME, TERM, then the image's and the user's, then HOME. */
    private Map<String, String> environment(Container c, boolean tty) {
        LinkedHashMap<String, String> env = new LinkedHashMap<>();
        put(env, DEFAULT_PATH);
        put(env, "HOSTNAME=" + hostnameOf(c));
        if (tty) {
            put(env, "TERM=xterm");
        }
        for (String e : c.image().config().env()) {
            put(env, e);
        }
        for (String e : c.spec().env()) {
            put(env, e);
        }
        env.putIfAbsent("HOME", "/root");
        return env;
    }

    private static void put(Map<String, String> env, String entry) {
        int eq = entry.indexOf('=');
        if (eq > 0) {
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
    }

    private String workingDir(Container c, MountedFs view) {
        String wd = c.spec().workingDir() != null && !c.spec().workingDir().isEmpty() ? c.spec().workingDir()
                : c.image().config().workingDir();
        if (wd == null || wd.isEmpty()) {
            return "/";
        }
        if (!view.exists(wd)) {
            view.mkdirs(wd); // Docker creates a missing working directory
        }
        return wd;
    }

    private Credentials credentials(Container c, MountedFs view) {
        String user = c.spec().user() != null && !c.spec().user().isEmpty() ? c.spec().user() : c.image().config().user();
        if (user == null || user.isEmpty()) {
            return Credentials.ROOT;
        }
        String[] parts = user.split(":", 2);
        int uid = idOf(parts[0], view, "/etc/passwd", user);
        int gid = parts.length > 1 ? idOf(parts[1], view, "/etc/group", user) : uid;
        return new Credentials(uid, gid);
    }

    private static int idOf(String name, MountedFs view, String file, String user) {
        if (name.matches("\\d{1,9}")) {
            return Integer.parseInt(name);
        }
        String content = view.exists(file) ? view.readString(file) : "";
        for (String line : content.split("\n", 10_000)) {
            String[] f = line.split(":", -1);
            if (f.length > 2 && f[0].equals(name) && f[2].matches("\\d{1,9}")) {
                return Integer.parseInt(f[2]);
            }
        }
        throw EngineException.server("linux spec user: unable to find user " + name
                + ": no matching entries in passwd file");
    }

    // ---- filesystem view ----------------------------------------------------------------------

    private MountedFs buildView(Container c) {
        MountTable table = new MountTable(c.rootfs());
        Filesystem disk = host.disk();
        for (String f : List.of("hostname", "hosts", "resolv.conf")) {
            ensureMountPoint(c, "/etc/" + f, false);
            table.mount("/etc/" + f, new BindFs(disk, dir(c) + "/" + f), false);
        }
        for (MountSpec m : c.spec().mounts()) {
            switch (m.type()) {
                case BIND -> {
                    if (!disk.exists(m.source())) {
                        if (!m.createMissingSource()) {
                            throw EngineException.badRequest("invalid mount config for type \"bind\": bind source path "
                                    + "does not exist: " + m.source());
                        }
                        disk.mkdirs(m.source());
                    }
                    ensureMountPoint(c, m.target(), disk.stat(m.source()).isDirectory());
                    table.mount(m.target(), new BindFs(disk, m.source()), m.readOnly());
                }
                case VOLUME -> {
                    String name = volumeNameOf(c, m);
                    boolean fresh = engine.volumes().stream().noneMatch(v -> v.name().equals(name));
                    Volume v = engine.createVolume(name);
                    if (fresh) {
                        copyImageContent(c, m.target(), v.mountpoint());
                    }
                    ensureMountPoint(c, m.target(), true);
                    table.mount(m.target(), new BindFs(disk, v.mountpoint()), m.readOnly());
                }
                case TMPFS -> {
                    ensureMountPoint(c, m.target(), true);
                    table.mount(m.target(), new MemoryFs(engine.simulation()::now), m.readOnly());
                }
            }
        }
        return new MountedFs(table);
    }

    /** Mount points must exist in the container's root; Docker's init layer creates them. */
    private static void ensureMountPoint(Container c, String target, boolean directory) {
        FileStat st = c.rootfs().lstatOrNull(target);
        if (st != null) {
            return;
        }
        try {
            String parent = target.substring(0, Math.max(1, target.lastIndexOf('/')));
            c.rootfs().mkdirs(parent);
            if (directory) {
                c.rootfs().mkdir(target);
            } else {
                c.rootfs().writeString(target, "");
            }
        } catch (FsException e) {
            // a read-only or odd root: the mount table still shows the mount
        }
    }

    private void copyImageContent(Container c, String target, String volumeDir) {
        FileStat st = c.rootfs().lstatOrNull(target);
        if (st == null || !st.isDirectory()) {
            return;
        }
        for (String child : c.rootfs().list(target)) {
            FsCopy.copy(c.rootfs(), (target.equals("/") ? "" : target) + "/" + child, host.disk(), volumeDir + "/" + child);
        }
    }

    /** The volume a mount uses: its name, or the anonymous name given when the container first started. */
    String volumeNameOf(Container c, MountSpec m) {
        if (!m.source().isEmpty()) {
            return m.source();
        }
        return anonymousVolumes.computeIfAbsent(c.id() + " " + m.target(), k -> engine.newId());
    }

    // ---- ports --------------------------------------------------------------------------------

    private List<PortBinding> allocatePorts(Container c, EngineNetwork net) {
        List<PortBinding> wanted = new ArrayList<>(c.spec().ports());
        if (c.spec().publishAll()) {
            for (String exposed : c.image().config().exposedPorts()) {
                String[] p = exposed.split("/", 2);
                int port = Integer.parseInt(p[0]);
                boolean listed = wanted.stream().anyMatch(b -> b.containerPort() == port);
                if (!listed) {
                    wanted.add(new PortBinding("0.0.0.0", 0, port, p.length > 1 ? p[1] : "tcp"));
                }
            }
        }
        HostStack hostStack = host.cluster().transport().stack(host.machine());
        List<PortBinding> bound = new ArrayList<>();
        for (PortBinding b : wanted) {
            int port = b.hostPort();
            if (port == 0) {
                port = freeEphemeralPort(hostStack);
            } else if (hostPorts.containsKey(port) || hostStack.listeningPorts().contains(port)) {
                releasePortsOf(c.id());
                String cause = hostPorts.containsKey(port)
                        ? "Bind for " + b.hostIp() + ":" + port + " failed: port is already allocated"
                        : "Error starting userland proxy: listen tcp " + b.hostIp() + ":" + port
                                + ": bind: address already in use";
                throw EngineException.server("driver failed programming external connectivity on endpoint "
                        + c.name() + " (" + engine.newId() + "): " + cause);
            }
            hostPorts.put(port, c.id());
            bound.add(new PortBinding(b.hostIp(), port, b.containerPort(), b.protocol()));
        }
        return bound;
    }

    private int freeEphemeralPort(HostStack hostStack) {
        for (int p = FIRST_EPHEMERAL_HOST_PORT; p <= LAST_EPHEMERAL_HOST_PORT; p++) {
            if (!hostPorts.containsKey(p) && !hostStack.listeningPorts().contains(p)) {
                return p;
            }
        }
        throw EngineException.server("no free host port for -P");
    }

    private void startProxies(Container c, List<PortBinding> ports) {
        if (os.programs().create("docker-proxy").isEmpty()) {
            return;
        }
        Process parent = dockerd != null && dockerd.isAlive() ? dockerd : os.init();
        for (PortBinding b : ports) {
            if (!b.protocol().equals("tcp")) {
                continue; // UDP forwarding is not modelled
            }
            c.proxies().add(os.spawn(SpawnSpec.child(parent, List.of("/usr/bin/docker-proxy", "-proto", "tcp",
                    "-host-ip", b.hostIp(), "-host-port", String.valueOf(b.hostPort()), "-container-ip",
                    c.ipAddress().toString(), "-container-port", String.valueOf(b.containerPort())), Stdio.discard())));
        }
    }

    private void releasePorts(Container c) {
        releasePortsOf(c.id());
        for (Process p : c.proxies()) {
            os.signal(null, p, Signal.SIGKILL);
        }
        c.proxies().clear();
    }

    private void releasePortsOf(String containerId) {
        hostPorts.values().removeIf(id -> id.equals(containerId));
    }

    private void releaseNetwork(Container c, EngineNetwork net, Ipv4 ip, HostStack stack) {
        if (ip != null) {
            net.release(ip);
        }
        if (stack != null) {
            host.cluster().transport().removeNamespaceStack(stack);
        }
        os.initialNamespaces().net().removeInterface("veth" + c.id().substring(0, 7));
    }

    // ---- exit, stop, kill, pause ------------------------------------------------------------

    private void onInitExit(Container c, Process init, int status) {
        if (c.init() != init) {
            return;
        }
        c.setExitCode(status);
        c.setFinishedAt(engine.simulation().now());
        // moby marks OOMKilled on containerd's OOM event for the container's cgroup: any process
        // of the container killed by the OOM killer counts, whatever the main process's exit code.
        c.setOomKilled(c.cgroup() != null && c.cgroup().oomKills() > 0);
        teardown(c);
        c.setState(ContainerState.EXITED);
        EngineNetwork exitedFrom = engine.network(c.spec().network().equals("default") ? "bridge" : c.spec().network());
        if (exitedFrom.isUserDefined()) {
            refreshHosts(exitedFrom);
        }
        engine.simulation().trace().record(host.name(), "engine", "die", "id", c.shortId(), "exitCode", status);
        List<Runnable> waiters = stopWaiters.remove(c.id());
        if (waiters != null) {
            waiters.forEach(Runnable::run);
        }
        if (c.spec().restartPolicy().restarts(status, c.restartCount(), c.stoppedByUser())) {
            scheduleRestart(c);
        } else if (c.spec().autoRemove()) {
            engine.forget(c, true);
        }
    }

    private void teardown(Container c) {
        releasePorts(c);
        EngineNetwork net = engine.network(c.spec().network().equals("default") ? "bridge" : c.spec().network());
        releaseNetwork(c, net, c.ipAddress(), c.stack());
        if (c.shim() != null && c.shim().isAlive()) {
            os.signal(null, c.shim(), Signal.SIGKILL);
        }
        if (c.cgroup() != null) {
            try {
                c.cgroup().remove();
            } catch (OsException busy) {
                // a process left in the group (an exec still running): Docker would kill it too
                for (Process p : c.cgroup().allMembers()) {
                    os.signal(null, p, Signal.SIGKILL);
                }
            }
        }
        c.setStack(null);
        c.setIpAddress(null);
    }

    private void scheduleRestart(Container c) {
        c.setState(ContainerState.RESTARTING);
        long delay = Math.min(RESTART_BACKOFF_MAX_NANOS, RESTART_BACKOFF_START_NANOS << Math.min(20, c.restartCount()));
        pendingRestarts.put(c.id(), host.machine().schedule(delay, () -> {
            pendingRestarts.remove(c.id());
            if (c.state() != ContainerState.RESTARTING) {
                return;
            }
            c.incrementRestartCount();
            try {
                start(c);
            } catch (EngineException e) {
                c.setState(ContainerState.EXITED);
                c.setError(e.getMessage());
            }
        }));
    }

    void whenStopped(Container c, Runnable r) {
        if (!c.isRunning()) {
            r.run();
            return;
        }
        stopWaiters.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(r);
    }

    void stop(Container c, long timeoutNanos, Runnable done) {
        if (c.state() == ContainerState.RESTARTING) {
            EventHandle pending = pendingRestarts.remove(c.id());
            if (pending != null) {
                pending.cancel();
            }
            c.setStoppedByUser(true);
            c.setState(ContainerState.EXITED);
            done.run();
            return;
        }
        if (!c.isRunning()) {
            done.run();
            return;
        }
        c.setStoppedByUser(true);
        if (c.state() == ContainerState.PAUSED) {
            unpause(c);
        }
        Process init = c.init();
        whenStopped(c, done);
        os.signal(null, init, stopSignal(c));
        if (c.isRunning() && c.init() == init) {
            host.machine().schedule(Math.max(0, timeoutNanos), () -> {
                if (init.isAlive()) {
                    os.signal(null, init, Signal.SIGKILL);
                }
            });
        }
    }

    private static Signal stopSignal(Container c) {
        String s = c.spec().stopSignal() != null ? c.spec().stopSignal() : c.image().config().stopSignal();
        if (s == null || s.isEmpty()) {
            return Signal.SIGTERM;
        }
        try {
            return Signal.parse(s);
        } catch (IllegalArgumentException e) {
            return Signal.SIGTERM;
        }
    }

    void kill(Container c, Signal signal) {
        c.setStoppedByUser(true);
        if (c.state() == ContainerState.PAUSED && signal == Signal.SIGKILL) {
            unpause(c);
        }
        os.signal(null, c.init(), signal);
    }

    void pause(Container c) {
        if (!c.isRunning()) {
            throw EngineException.conflict("Container " + c.id() + " is not running");
        }
        if (c.state() == ContainerState.PAUSED) {
            throw EngineException.conflict("Container " + c.id() + " is already paused");
        }
        os.freeze(c.cgroup());
        c.setState(ContainerState.PAUSED);
    }

    void unpause(Container c) {
        if (c.state() != ContainerState.PAUSED) {
            throw EngineException.conflict("Container " + c.id() + " is not paused");
        }
        c.setState(ContainerState.RUNNING);
        os.thaw(c.cgroup());
    }

    ExecInstance exec(Container c, ExecSpec spec) {
        if (!c.isRunning()) {
            throw EngineException.conflict("Container " + c.id() + " is not running");
        }
        if (c.state() == ContainerState.PAUSED) {
            throw EngineException.conflict("Container " + c.id() + " is paused, unpause the container before exec");
        }
        Map<String, String> env = new LinkedHashMap<>(c.init().env());
        for (String e : spec.env()) {
            put(env, e);
        }
        String cwd = spec.workingDir() != null && !spec.workingDir().isEmpty() ? spec.workingDir() : c.init().cwd();
        Credentials creds = spec.user() != null && !spec.user().isEmpty()
                ? credentials(new Container(c.id(), c.name(), c.createdNanos(), c.image(), c.imageReference(),
                        new CreateSpec(c.spec().image(), null, null, null, null, null, null, spec.user(), false, false,
                                null, false, null, 0, 0, 0, null, null, false, null, null, null, null),
                        c.command(), c.rootfs(), c.log()), c.view())
                : c.init().credentials();
        Process parent = c.shim() != null && c.shim().isAlive() ? c.shim() : c.init();
        try {
            Process p = os.spawn(new SpawnSpec(parent, spec.cmd(), null, env, cwd, c.namespaces(), creds, c.cgroup(),
                    spec.stdio()));
            return new ExecInstance(engine.newId(), p);
        } catch (OsException e) {
            throw EngineException.server("OCI runtime exec failed: exec failed: " + ociError(spec.cmd().get(0), e)
                    .replace("345", "348") + ": unknown");
        }
    }

    // ---- removal and machine lifecycle -------------------------------------------------------

    void discard(Container c, boolean removeVolumes) {
        EventHandle pending = pendingRestarts.remove(c.id());
        if (pending != null) {
            pending.cancel();
        }
        if (host.disk().exists(dir(c))) {
            host.disk().removeRecursive(dir(c));
        }
        for (MountSpec m : c.spec().mounts()) {
            if (m.type() == MountSpec.Type.VOLUME && m.source().isEmpty()) {
                String name = anonymousVolumes.remove(c.id() + " " + m.target());
                if (removeVolumes && name != null) {
                    engine.volumes().stream().filter(v -> v.name().equals(name)).findFirst()
                            .ifPresent(v -> engine.removeVolume(v, true));
                }
            }
        }
    }

    /** The machine went down: every running container died with it (Docker reports 255 after a crash). */
    void machineDown(int exitCode) {
        for (Container c : engine.containers()) {
            EventHandle pending = pendingRestarts.remove(c.id());
            if (pending != null) {
                pending.cancel();
                c.setState(ContainerState.EXITED);
            }
            if (c.isRunning()) {
                c.setExitCode(exitCode);
                c.setFinishedAt(engine.simulation().now());
                EngineNetwork net = engine.network(c.spec().network().equals("default") ? "bridge" : c.spec().network());
                if (c.ipAddress() != null) {
                    net.release(c.ipAddress());
                }
                releasePortsOf(c.id());
                c.proxies().clear();
                c.setStack(null);
                c.setIpAddress(null);
                c.setState(ContainerState.EXITED);
            }
        }
        stopWaiters.clear();
        dockerd = null;
        containerd = null;
    }

    /** After a reboot, dockerd starts the containers whose restart policy asks for it. */
    void restartAfterBoot() {
        for (Container c : engine.containers()) {
            String policy = c.spec().restartPolicy().name();
            boolean wanted = policy.equals("always") || (policy.equals("unless-stopped") && !c.stoppedByUser());
            if (wanted && c.state() == ContainerState.EXITED) {
                try {
                    start(c);
                } catch (EngineException e) {
                    c.setError(e.getMessage());
                }
            }
        }
    }
}
