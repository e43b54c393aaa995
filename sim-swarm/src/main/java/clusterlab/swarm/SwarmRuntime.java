package clusterlab.swarm;

import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.Host;
import clusterlab.runtime.DockerRuntime;
import clusterlab.swarm.cli.SwarmDockerCli;
import clusterlab.swarm.manager.SwarmCluster;
import clusterlab.swarm.manager.SwarmNode;
import clusterlab.swarm.raft.RaftConfig;
import clusterlab.swarm.raft.RaftDriver;

/**
 * Docker with swarm mode on a simulated cluster: a {@link DockerRuntime} plus, on every host, a
 * {@link SwarmNode} answering on {@link SwarmCluster#CONTROL_SOCKET}, and a {@code docker} program
 * that runs {@code swarm} and {@code node} commands against it (everything else as before).
 */
public final class SwarmRuntime {
    private final DockerRuntime docker;
    private final SwarmCluster swarm;

    /** SwarmKit's Raft timing: a 1 s tick, elections after 10–20 ticks. */
    public SwarmRuntime(DockerRuntime docker) {
        this(docker, RaftConfig.swarmDefaults(1), RaftDriver.defaultTickNanos());
    }

    /** With other Raft timing (tests). */
    public SwarmRuntime(DockerRuntime docker, RaftConfig raftTemplate, long tickNanos) {
        this.docker = docker;
        this.swarm = new SwarmCluster(docker.cluster(), raftTemplate, tickNanos);
        docker.cluster().programs().register("docker", SwarmDockerCli::new);
        for (Host h : docker.cluster().hosts()) {
            attach(h);
        }
    }

    /** {@code n} hosts node1..nodeN running Docker with swarm mode available. */
    public static SwarmRuntime withHosts(long seed, int n) {
        return new SwarmRuntime(DockerRuntime.withHosts(seed, n));
    }

    /** Adds a host with Docker and its swarm component. */
    public Host addHost(String name) {
        Host h = docker.addHost(name);
        attach(h);
        return h;
    }

    private void attach(Host h) {
        SwarmNode node = swarm.attach(h, docker.engine(h.name()));
        docker.engine(h.name()).setSwarmInfo(node::infoSection);
    }

    public DockerRuntime docker() {
        return docker;
    }

    public Cluster cluster() {
        return docker.cluster();
    }

    public SwarmCluster swarm() {
        return swarm;
    }

    public SwarmNode node(String hostName) {
        return swarm.node(hostName);
    }
}
