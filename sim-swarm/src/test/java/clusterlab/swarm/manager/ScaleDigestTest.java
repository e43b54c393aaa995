package clusterlab.swarm.manager;

import static clusterlab.swarm.manager.SwarmTesting.docker;
import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.swarm.SwarmRuntime;
import org.junit.jupiter.api.Test;

/**
 * The guard for performance work (issue 11): a fixed mid-size run — 200 nodes, 5 managers, a
 * service of 400 replicas, 10 virtual minutes — must keep exactly this trace. An optimization
 * that changes it changed what the simulator computes. A deliberate change of behaviour updates
 * the recorded digest in the same commit, saying why.
 */
class ScaleDigestTest {
    /** Recorded 2026-11-25 (services, routing mesh, scenario runner landed). */
    static final String DIGEST = "1001193 e7d465173fb260ef75960cf11c224a924b022909df3015537e9beb335199d6e0";

    @Test
    void aMidSizeSwarmKeepsItsTrace() {
        SwarmRuntime rt = SwarmRuntime.withHosts(2026, 200);
        CommandResult init = docker(rt, "node1", "swarm", "init", "--advertise-addr", "eth0");
        assertThat(init.exitStatus()).isZero();
        String worker = docker(rt, "node1", "swarm", "join-token", "-q", "worker").stdout().strip();
        String manager = docker(rt, "node1", "swarm", "join-token", "-q", "manager").stdout().strip();
        for (int i = 2; i <= 200; i++) {
            CommandResult r = docker(rt, "node" + i, "swarm", "join", "--token", i <= 5 ? manager : worker,
                    "192.168.0.11:2377");
            assertThat(r.exitStatus()).as(r.stderr()).isZero();
        }
        docker(rt, "node1", "service", "create", "--detach", "--name", "web", "--replicas", "400", "nginx:1.12");
        rt.cluster().simulation().runFor(10 * Time.MINUTE);
        var trace = rt.cluster().simulation().trace();
        System.out.println("scale digest: " + trace.count() + " records, " + trace.digestHex());
        assertThat(trace.count() + " " + trace.digestHex()).isEqualTo(DIGEST);
    }
}
