package clusterlab.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.Host;
import clusterlab.runtime.DockerRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
    private final DockerRuntime docker = DockerRuntime.withHosts(9, 1);
    private final Host node1 = docker.cluster().host("node1");
    private final Engine engine = docker.engine("node1");
    private final Simulation sim = docker.cluster().simulation();

    private Container running(CreateSpec spec) {
        node1.run("docker", "pull", spec.image());
        Container c = engine.create(spec);
        engine.start(c);
        sim.runFor(Time.MILLISECOND);
        return c;
    }

    @Test
    void stopWaitsTheGracePeriodForAnInitThatIgnoresTermThenKills() {
        Container c = running(CreateSpec.of("busybox").withCmd(List.of("sleep", "1000")));
        long start = sim.now();
        boolean[] stopped = {false};
        engine.stop(c, 10 * Time.SECOND, () -> stopped[0] = true);
        sim.runWhile(() -> !stopped[0]);
        assertThat(sim.now() - start).isEqualTo(10 * Time.SECOND);
        assertThat(c.exitCode()).isEqualTo(137);
        assertThat(c.state()).isEqualTo(ContainerState.EXITED);
    }

    @Test
    void aContainerSeesOnlyItsOwnProcessesAndItsOwnHostname() {
        Container c = running(CreateSpec.of("busybox").withCmd(List.of("sleep", "1000")));
        assertThat(c.init().localPid()).isEqualTo(1);
        assertThat(c.init().pid()).isGreaterThan(1);
        assertThat(c.namespaces().uts().hostname()).isEqualTo(c.id().substring(0, 12));
        assertThat(c.view().readString("/etc/hostname")).isEqualTo(c.id().substring(0, 12) + "\n");
        assertThat(c.namespaces().pid().processes()).hasSize(1);
    }

    @Test
    void userNamespaceRemapMakesContainerRootAnUnprivilegedHostUser() {
        engine.setUserNamespaceRemap(true);
        Container c = running(CreateSpec.of("busybox").withCmd(List.of("sleep", "1000")));
        assertThat(c.namespaces().user()).isNotSameAs(node1.os().initialNamespaces().user());
        assertThat(c.namespaces().user().hostUid(0)).isEqualTo(Engine.REMAP_FIRST_ID);
        assertThat(c.namespaces().mnt().root().readString("/proc/1/uid_map").strip()).isEqualTo("0     100000      65536");
    }

    @Test
    void restartPolicyOnFailureRetriesUpToItsLimitWithBackoff() {
        node1.run("docker", "pull", "busybox");
        Container c = engine.create(CreateSpec.of("busybox").withCmd(List.of("sh", "-c", "exit 3"))
                .withRestart(RestartPolicy.parse("on-failure:2"), false));
        engine.start(c);
        sim.runFor(10 * Time.SECOND);
        assertThat(c.restartCount()).isEqualTo(2);
        assertThat(c.state()).isEqualTo(ContainerState.EXITED);
        assertThat(c.exitCode()).isEqualTo(3);
    }

    @Test
    void aPublishedPortCanBeAllocatedOnceAndIsFreedWhenTheContainerStops() {
        Container a = running(CreateSpec.of("busybox").withCmd(List.of("sleep", "1000"))
                .withPorts(PortBinding.parse("8080:80")));
        Container b = engine.create(CreateSpec.of("busybox").withCmd(List.of("sleep", "1000"))
                .withPorts(PortBinding.parse("8080:80")));
        assertThatThrownBy(() -> engine.start(b)).isInstanceOf(EngineException.class)
                .hasMessageContaining("Bind for 0.0.0.0:8080 failed: port is already allocated");
        assertThat(b.state()).isEqualTo(ContainerState.CREATED);
        engine.kill(a, clusterlab.kernel.os.Signal.SIGKILL);
        sim.runFor(Time.MILLISECOND);
        engine.start(b);
        assertThat(b.isRunning()).isTrue();
    }

    @Test
    void containerIdsAndNamesComeFromTheSeed() {
        DockerRuntime again = DockerRuntime.withHosts(9, 1);
        again.cluster().host("node1").run("docker", "pull", "busybox");
        node1.run("docker", "pull", "busybox");
        Container x = engine.create(CreateSpec.of("busybox"));
        Container y = again.engine("node1").create(CreateSpec.of("busybox"));
        assertThat(x.id()).isEqualTo(y.id()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(x.name()).isEqualTo(y.name()).matches("[a-z]+_[a-z]+\\d?");
    }
}
