package clusterlab.swarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.swarm.orchestrator.ReplicatedReconciler.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ReplicatedReconcilerTest {

    private static TaskView running(String id, int slot) {
        return new TaskView(id, slot, TaskState.RUNNING, TaskState.RUNNING, 1, "n1");
    }

    @Test
    void scalingUpCreatesTheMissingSlotsAndDownShutsTheHighestFirst() {
        assertThat(ReplicatedReconciler.reconcile(5, 1, List.of(running("a", 1))))
                .containsExactly(new Action.CreateTask(2), new Action.CreateTask(3), new Action.CreateTask(4),
                        new Action.CreateTask(5));
        List<TaskView> five = List.of(running("a", 1), running("b", 2), running("c", 3), running("d", 4),
                running("e", 5));
        assertThat(ReplicatedReconciler.reconcile(2, 1, five)).containsExactly(new Action.ShutdownTask("e", 5),
                new Action.ShutdownTask("d", 4), new Action.ShutdownTask("c", 3));
    }

    @Test
    void aFailedOrOrphanedTaskLeavesItsSlotToBeRefilled() {
        List<TaskView> tasks = List.of(running("a", 1),
                new TaskView("b", 2, TaskState.RUNNING, TaskState.FAILED, 1, "n2"),
                new TaskView("c", 3, TaskState.RUNNING, TaskState.ORPHANED, 1, "n3"));
        assertThat(ReplicatedReconciler.reconcile(3, 1, tasks))
                .containsExactly(new Action.CreateTask(2), new Action.CreateTask(3));
    }

    @Test
    void twoActiveTasksInASlotKeepTheNewestSpec() {
        List<TaskView> tasks = List.of(new TaskView("old", 1, TaskState.RUNNING, TaskState.RUNNING, 1, "n1"),
                new TaskView("new", 1, TaskState.RUNNING, TaskState.STARTING, 2, "n2"));
        assertThat(ReplicatedReconciler.reconcile(1, 2, tasks)).containsExactly(new Action.ShutdownTask("old", 1));
    }

    @Test
    void taskStatesOnlyMoveForward() {
        assertThat(TaskState.PENDING.canMoveTo(TaskState.RUNNING)).isTrue();
        assertThat(TaskState.RUNNING.canMoveTo(TaskState.PENDING)).isFalse();
        assertThat(TaskState.FAILED.canMoveTo(TaskState.REMOVE)).isFalse();
        assertThat(TaskState.RUNNING.display()).isEqualTo("Running");
    }

    @Provide
    Arbitrary<List<TaskView>> taskSets() {
        Arbitrary<TaskView> task = Combinators.combine(Arbitraries.integers().between(1, 12),
                Arbitraries.of(TaskState.values()), Arbitraries.of(TaskState.RUNNING, TaskState.SHUTDOWN),
                Arbitraries.longs().between(1, 3), Arbitraries.strings().alpha().ofLength(4))
                .as((slot, observed, desired, version, id) -> new TaskView(id + slot, slot, desired, observed, version, "n"));
        // Task ids are unique in a real store: number them.
        return task.list().ofMaxSize(25).map(list -> {
            List<TaskView> unique = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                TaskView t = list.get(i);
                unique.add(new TaskView(t.id() + "-" + i, t.slot(), t.desired(), t.observed(), t.specVersion(),
                        t.nodeId()));
            }
            return unique;
        });
    }

    @Property(tries = 1000)
    void applyingTheActionsLeavesExactlyOneActiveTaskPerSlot(@ForAll("taskSets") List<TaskView> tasks,
            @ForAll @IntRange(min = 0, max = 10) int replicas) {
        List<TaskView> after = new ArrayList<>(tasks);
        int created = 0;
        for (Action a : ReplicatedReconciler.reconcile(replicas, 3, tasks)) {
            if (a instanceof Action.CreateTask c) {
                after.add(new TaskView("new" + created++, c.slot(), TaskState.RUNNING, TaskState.NEW, 3, null));
            } else if (a instanceof Action.ShutdownTask s) {
                after.replaceAll(t -> t.id().equals(s.taskId())
                        ? new TaskView(t.id(), t.slot(), TaskState.SHUTDOWN, t.observed(), t.specVersion(), t.nodeId())
                        : t);
            }
        }
        TreeSet<Integer> slots = new TreeSet<>();
        int active = 0;
        for (TaskView t : after) {
            if (t.isActive()) {
                active++;
                slots.add(t.slot());
            }
        }
        assertThat(active).isEqualTo(replicas);
        assertThat(slots).hasSize(replicas);
        assertThat(ReplicatedReconciler.reconcile(replicas, 3, after)).as("a second pass has nothing to do").isEmpty();
    }
}
