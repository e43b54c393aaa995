package clusterlab.swarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartAndHistoryTest {

    @Test
    void restartConditionsFollowSwarmKit() {
        assertThat(RestartPolicy.DEFAULTS.restarts(TaskState.COMPLETE, 100)).isTrue();
        RestartPolicy onFailure = new RestartPolicy(RestartPolicy.Condition.ON_FAILURE, 0, 3, 0);
        assertThat(onFailure.restarts(TaskState.COMPLETE, 0)).isFalse();
        assertThat(onFailure.restarts(TaskState.FAILED, 2)).isTrue();
        assertThat(onFailure.restarts(TaskState.FAILED, 3)).isFalse();
        assertThat(new RestartPolicy(RestartPolicy.Condition.NONE, 0, 0, 0).restarts(TaskState.FAILED, 0)).isFalse();
    }

    @Test
    void theReaperKeepsTheNewestFiveEndedTasksOfEachSlot() {
        List<TaskView> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(new TaskView("t" + i, 1, TaskState.SHUTDOWN, TaskState.SHUTDOWN, i, "n"));
        }
        tasks.add(new TaskView("live", 1, TaskState.RUNNING, TaskState.RUNNING, 9, "n"));
        tasks.add(new TaskView("other", 2, TaskState.SHUTDOWN, TaskState.FAILED, 1, "n"));
        assertThat(TaskHistory.toDelete(tasks, TaskView::specVersion, TaskHistory.DEFAULT_RETENTION))
                .containsExactly("t2", "t1", "t0");
    }
}
