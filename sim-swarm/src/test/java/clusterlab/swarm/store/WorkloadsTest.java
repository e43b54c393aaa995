package clusterlab.swarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.swarm.orchestrator.TaskState;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadsTest {
    private static ServiceSpec nginx(int published) {
        ServiceSpec.Builder b = ServiceSpec.of("nginx1", "nginx:1.12").toBuilder();
        b.ports = List.of(new PortConfig("tcp", 80, published, "ingress"));
        b.mounts = List.of(new ServiceMount("bind", "/etc/hostname", "/usr/share/nginx/html/index.html", true));
        return b.build();
    }

    private static ClusterStore storeWithNodes() {
        ClusterStore s = new ClusterStore();
        s.apply(ClusterStore.cmd("init", "ca", "w", "m"), 0);
        s.apply(ClusterStore.nodeAdd("n1", 1, "node1", "192.168.0.11", "18.09.4", "manager", 0, 2, 1 << 30), 0);
        s.apply(ClusterStore.nodeAdd("n2", 2, "node2", "192.168.0.12", "18.09.4", "worker", 0, 2, 1 << 30), 0);
        return s;
    }

    @Test
    void servicesAndTasksFollowTheirCommandsAndGetIngressAddresses() {
        ClusterStore s = storeWithNodes();
        s.apply(Workloads.serviceCreate("svc1", nginx(80)), 10);
        s.apply(Workloads.taskCreate("t1", "svc1", 1, "", 1, TaskState.RUNNING), 20);
        Workloads w = s.workloads();
        assertThat(w.sandboxAddr("n1")).isEqualTo("10.255.0.2");
        assertThat(w.sandboxAddr("n2")).isEqualTo("10.255.0.3");
        assertThat(w.service("svc1").vip).isEqualTo("10.255.0.4");
        TaskRecord t = w.task("t1");
        assertThat(t.ingressAddr).isEqualTo("10.255.0.5");
        assertThat(t.spec.image()).isEqualTo("nginx:1.12");
        assertThat(t.observed).isEqualTo(TaskState.NEW);

        s.apply(Workloads.taskAssign("t1", "n2"), 30);
        s.apply(Workloads.taskStatus("t1", TaskState.RUNNING, "started", "", "c1", 0), 40);
        s.apply(Workloads.taskStatus("t1", TaskState.PREPARING, "late", "", "", 0), 50);
        assertThat(t.observed).as("states never go backwards").isEqualTo(TaskState.RUNNING);
        assertThat(t.statusNanos).isEqualTo(40);
        assertThat(w.publisherOf(80, "tcp").id).isEqualTo("svc1");
    }

    @Test
    void aSnapshotRebuildsTheSameState() {
        ClusterStore s = storeWithNodes();
        s.apply(Workloads.serviceCreate("svc1", nginx(0)), 10);
        s.apply(Workloads.taskCreate("t1", "svc1", 1, "", 1, TaskState.RUNNING), 20);
        s.apply(Workloads.serviceUpdate("svc1", nginx(0).withImage("nginx:1.13"), false), 30);
        s.apply(Workloads.serviceStatus("svc1", "updating", "update in progress"), 31);
        s.apply(Workloads.taskCreate("t2", "svc1", 1, "", 2, TaskState.READY), 32);
        s.apply(Workloads.taskDesired("t1", TaskState.SHUTDOWN), 33);
        assertThat(s.workloads().service("svc1").spec.ports().get(0).publishedPort()).isEqualTo(30000);
        String encoded = s.encode();
        assertThat(ClusterStore.decode(encoded, 99).encode()).isEqualTo(encoded);
        assertThat(ClusterStore.decode(encoded, 99).workloads().task("t1").spec.image()).isEqualTo("nginx:1.12");
    }

    @Test
    void removingAServiceMarksItsTasksForRemovalAndFreesTheVip() {
        ClusterStore s = storeWithNodes();
        s.apply(Workloads.serviceCreate("svc1", nginx(80)), 10);
        s.apply(Workloads.taskCreate("t1", "svc1", 1, "", 1, TaskState.RUNNING), 20);
        s.apply(Workloads.serviceRm("svc1"), 30);
        assertThat(s.workloads().service("svc1")).isNull();
        assertThat(s.workloads().task("t1").desired).isEqualTo(TaskState.REMOVE);
        s.apply(Workloads.serviceCreate("svc2", nginx(80)), 40);
        assertThat(s.workloads().service("svc2").vip).isEqualTo("10.255.0.4");
    }
}
