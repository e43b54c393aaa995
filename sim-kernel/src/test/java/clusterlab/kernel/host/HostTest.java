package clusterlab.kernel.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostTest {

    @Test
    void hostsGetPlayWithDockerAddressesAndALinuxLayout() {
        Cluster cluster = new Cluster(1);
        Host node1 = cluster.addHost("node1");
        Host node2 = cluster.addHost("node2");
        assertThat(node1.address()).hasToString("192.168.0.11");
        assertThat(node2.address()).hasToString("192.168.0.12");
        assertThat(node1.disk().readString("/etc/hostname")).isEqualTo("node1\n");
        assertThat(node1.os().initialNamespaces().net().interfaceNamed("eth0").address()).isEqualTo(node1.address());
        assertThat(node1.os().init().pid()).isEqualTo(1);
    }

    @Test
    void runCapturesAProgramsOutputAndStatus() {
        Cluster cluster = new Cluster(1);
        Host node1 = cluster.addHost("node1");
        CommandResult r = node1.run("echo", "hello", "world");
        assertThat(r.stdout()).isEqualTo("hello world\n");
        assertThat(r.exitStatus()).isZero();
        assertThat(node1.run(List.of("echo", "-n", "a\\tb"), null, Host.DEFAULT_RUN_LIMIT_NANOS).stdout())
                .isEqualTo("a\\tb");
    }

    @Test
    void aRestartedHostKeepsItsDiskAndNetwork() {
        Cluster cluster = new Cluster(1);
        Host node1 = cluster.addHost("node1");
        node1.disk().writeString("/root/notes", "kept");
        node1.machine().crash();
        node1.machine().restart();
        cluster.simulation().runFor(1);
        assertThat(node1.disk().readString("/root/notes")).isEqualTo("kept");
        assertThat(node1.os().initialNamespaces().net().stack()).isNotNull();
        assertThat(node1.run("echo", "back").stdout()).isEqualTo("back\n");
    }
}
