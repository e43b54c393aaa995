package clusterlab.swarm.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final long CPU = 2_000_000_000L;
    private static final long MEM = 4L << 30;

    private static List<NodeInfo> threeNodes() {
        return List.of(NodeInfo.of("a1", "node1", true, CPU, MEM), NodeInfo.of("b2", "node2", false, CPU, MEM),
                NodeInfo.of("c3", "node3", false, CPU, MEM));
    }

    private static Map<String, Integer> count(List<Scheduler.Placement> placements) {
        Map<String, Integer> byNode = new TreeMap<>();
        for (Scheduler.Placement p : placements) {
            byNode.merge(p.nodeId(), 1, Integer::sum);
        }
        return byNode;
    }

    @Test
    void fiveReplicasSpreadOverThreeNodesAsTheCourseShows() {
        // The course: 5 replicas of nginx1 on 3 nodes end up 2, 2, 1.
        List<Scheduler.Placement> p = Scheduler.place(threeNodes(), TaskRequest.of("nginx1"), 5);
        assertThat(count(p)).containsEntry("a1", 2).containsEntry("b2", 2).containsEntry("c3", 1);
    }

    @Test
    void theEmptiestNodeWinsAndTiesGoToTheSmallerId() {
        List<NodeInfo> nodes = new ArrayList<>(threeNodes());
        nodes.set(0, nodes.get(0).withTask(TaskRequest.of("other")));
        assertThat(Scheduler.placeOne(nodes, TaskRequest.of("web")).nodeId()).isEqualTo("b2");
    }

    @Test
    void drainedNodesAndConstraintsAreFilteredWithSwarmKitsExplanation() {
        List<NodeInfo> nodes = new ArrayList<>(threeNodes());
        NodeInfo n = nodes.get(1);
        nodes.set(1, new NodeInfo(n.id(), n.hostname(), n.manager(), true, NodeInfo.Availability.DRAIN, CPU, MEM, 0,
                0, null, null, null, 0, null, 0));
        TaskRequest onlyManagers = new TaskRequest("web", 0, 0, List.of(Constraint.parse("node.role==manager")),
                List.of());
        assertThat(Scheduler.placeOne(nodes, onlyManagers).nodeId()).isEqualTo("a1");
        TaskRequest nowhere = new TaskRequest("web", 0, 0, List.of(Constraint.parse("node.labels.zone==east")),
                List.of());
        assertThat(Scheduler.placeOne(nodes, nowhere).noSuitableNodeMessage())
                .isEqualTo("no suitable node (scheduling constraints not satisfied on 2 nodes; "
                        + "1 node not available for new tasks)");
        TaskRequest huge = new TaskRequest("web", 8 * CPU, 0, List.of(), List.of());
        assertThat(Scheduler.placeOne(threeNodes(), huge).noSuitableNodeMessage())
                .isEqualTo("no suitable node (insufficient resources on 3 nodes)");
    }

    @Test
    void hostModePortsAreExclusive() {
        TaskRequest web = new TaskRequest("web", 0, 0, List.of(), List.of(8080));
        List<Scheduler.Placement> p = Scheduler.place(threeNodes(), web, 4);
        assertThat(p.subList(0, 3)).allMatch(Scheduler.Placement::placed);
        assertThat(p.get(3).noSuitableNodeMessage()).isEqualTo("no suitable node (host-mode port already in use on 3 nodes)");
    }

    @Test
    void constraintsParseLikeSwarmKit() {
        assertThat(Constraint.parse("node.hostname != node3")).isEqualTo(new Constraint("node.hostname", false, "node3"));
        assertThatThrownBy(() -> Constraint.parse("node.role=manager"))
                .hasMessage("constraint expected one operator from ==, !=");
        assertThatThrownBy(() -> Constraint.parse("node.role==")).hasMessage("value '' is invalid");
        assertThat(Constraint.parse("node.role==MANAGER").matches(threeNodes().get(0))).isTrue();
    }

    @Property(tries = 200)
    void spreadNeverLeavesTwoNodesMoreThanOneTaskApart(@ForAll @IntRange(min = 1, max = 12) int nodes,
            @ForAll @IntRange(min = 0, max = 60) int replicas) {
        List<NodeInfo> ns = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ns.add(NodeInfo.of(String.format("n%02d", i), "node" + i, i == 0, CPU, MEM));
        }
        Map<String, Integer> byNode = count(Scheduler.place(ns, TaskRequest.of("svc"), replicas));
        int max = byNode.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int min = byNode.size() < nodes ? 0 : byNode.values().stream().mapToInt(Integer::intValue).min().orElse(0);
        assertThat(max - min).isLessThanOrEqualTo(1);
        assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(replicas);
    }

    @Test
    void placementPreferencesSpreadOverTheLabelsValuesFirst() {
        // Two nodes in zone east, one in west: four tasks spread 2 east (one each), 2 west.
        List<NodeInfo> nodes = List.of(
                new NodeInfo("a1", "node1", true, true, NodeInfo.Availability.ACTIVE, CPU, MEM, 0, 0,
                        new TreeMap<>(Map.of("zone", "east")), null, null, 0, null, 0),
                new NodeInfo("b2", "node2", false, true, NodeInfo.Availability.ACTIVE, CPU, MEM, 0, 0,
                        new TreeMap<>(Map.of("zone", "east")), null, null, 0, null, 0),
                new NodeInfo("c3", "node3", false, true, NodeInfo.Availability.ACTIVE, CPU, MEM, 0, 0,
                        new TreeMap<>(Map.of("zone", "west")), null, null, 0, null, 0));
        TaskRequest web = new TaskRequest("web", 0, 0, List.of(), List.of(), List.of("spread=node.labels.zone"));
        assertThat(count(Scheduler.place(nodes, web, 4))).containsEntry("a1", 1).containsEntry("b2", 1)
                .containsEntry("c3", 2);
    }
}
