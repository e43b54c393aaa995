package clusterlab.runtime;

import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.os.ProgramRegistry;
import clusterlab.runtime.cli.DockerCli;
import clusterlab.runtime.daemon.DaemonPrograms;
import clusterlab.runtime.daemon.DockerProxy;
import clusterlab.runtime.engine.Engine;
import clusterlab.runtime.image.ImageStore;
import clusterlab.runtime.registry.DockerHub;
import clusterlab.runtime.registry.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker on a simulated cluster: the client and daemon executables on every host, one engine per
 * host with its own image store, and the Docker Hub they all pull from.
 */
public final class DockerRuntime {
    private static final List<String[]> EXECUTABLES = List.of(
            new String[] {"docker", "/usr/bin/docker"},
            new String[] {"dockerd", "/usr/bin/dockerd"},
            new String[] {"containerd", "/usr/bin/containerd"},
            new String[] {"containerd-shim", "/usr/bin/containerd-shim"},
            new String[] {"docker-proxy", "/usr/bin/docker-proxy"});

    /** The Docker Hub account every lab has. */
    public static final String LAB_USER = "student";
    public static final String LAB_PASSWORD = "docker-lab";

    private final Cluster cluster;
    private final Registry hub;
    private final Map<String, Engine> engines = new LinkedHashMap<>();

    public DockerRuntime(Cluster cluster) {
        this.cluster = cluster;
        this.hub = DockerHub.create();
        // The lab's Docker ID: lessons log in with it (the real Hub needs a sign-up first).
        DockerHub.addAccount(hub, LAB_USER, LAB_PASSWORD);
        ProgramRegistry programs = cluster.programs();
        programs.register("docker", DockerCli::new);
        programs.register("dockerd", clusterlab.runtime.daemon.Dockerd::new);
        programs.register("containerd", () -> DaemonPrograms.idle(40L << 20, 900L << 20));
        programs.register("containerd-shim", () -> DaemonPrograms.idle(4L << 20, 100L << 20));
        programs.register("docker-proxy", DockerProxy::new);
        programs.register("registry", clusterlab.runtime.daemon.RegistryServer::new);
        for (Host h : cluster.hosts()) {
            install(h);
        }
    }

    /** The machine network of clusters too big for the lab's 192.168.0.0/24 (up to 65,000 hosts). */
    public static final String LARGE_SUBNET = "10.0.0.0/16";
    /** Hosts that fit in 192.168.0.0/24 from .11 on. */
    public static final int MAX_HOSTS_IN_DEFAULT_SUBNET = 244;

    /**
     * A cluster of {@code n} hosts named node1..nodeN, each running Docker, on 192.168.0.0/24 (or
     * on {@value #LARGE_SUBNET} when more than {@value #MAX_HOSTS_IN_DEFAULT_SUBNET} hosts need addresses).
     */
    public static DockerRuntime withHosts(long seed, int n) {
        Cluster cluster = n <= MAX_HOSTS_IN_DEFAULT_SUBNET ? new Cluster(seed)
                : new Cluster(seed, clusterlab.kernel.net.Subnet.parse(LARGE_SUBNET));
        for (int i = 1; i <= n; i++) {
            cluster.addHost("node" + i);
        }
        return new DockerRuntime(cluster);
    }

    /** Adds a host to the cluster with Docker installed. */
    public Host addHost(String name) {
        Host h = cluster.addHost(name);
        install(h);
        return h;
    }

    private void install(Host h) {
        for (String[] exe : EXECUTABLES) {
            h.disk().mkdirs("/usr/bin");
            h.disk().writeContent(exe[1], Blob.of(ProgramRegistry.binary(exe[0])));
            h.disk().chmod(exe[1], 0755);
        }
        h.disk().mkdirs("/var/run");
        h.disk().mkdirs("/var/lib/docker/containers");
        h.disk().mkdirs("/var/lib/docker/volumes");
        engines.put(h.name(), new Engine(h, new ImageStore(), hub));
    }

    public Cluster cluster() {
        return cluster;
    }

    public Registry hub() {
        return hub;
    }

    public Engine engine(String hostName) {
        Engine e = engines.get(hostName);
        if (e == null) {
            throw new IllegalArgumentException("no Docker engine on " + hostName);
        }
        return e;
    }

    public List<Engine> engines() {
        return List.copyOf(engines.values());
    }
}
