package clusterlab.swarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RollingUpdateTest {
    private static final long S = Time.SECOND;

    @Test
    void defaultsReplaceOneSlotAtATimeAndFinishAfterTheLastMonitor() {
        RollingUpdate u = new RollingUpdate(UpdateConfig.DEFAULTS, List.of(1, 2, 3), 0);
        assertThat(u.poll(0)).containsExactly(1);
        assertThat(u.poll(0)).isEmpty();
        u.taskRunning(1, 2 * S);
        assertThat(u.poll(2 * S)).containsExactly(2);
        u.taskRunning(2, 4 * S);
        assertThat(u.poll(4 * S)).containsExactly(3);
        u.taskRunning(3, 6 * S);
        assertThat(u.state()).isEqualTo(RollingUpdate.State.UPDATING);
        // Each new task is monitored for 5 s after it started: slot 1 until 7 s, ... slot 3 until 11 s.
        assertThat(u.nextWakeupNanos()).isEqualTo(7 * S);
        u.poll(9 * S);
        assertThat(u.state()).isEqualTo(RollingUpdate.State.UPDATING);
        assertThat(u.nextWakeupNanos()).isEqualTo(11 * S);
        u.poll(11 * S);
        assertThat(u.state()).isEqualTo(RollingUpdate.State.COMPLETED);
    }

    @Test
    void aFailedNewTaskPausesTheUpdateWithSwarmKitsMessage() {
        RollingUpdate u = new RollingUpdate(UpdateConfig.DEFAULTS, List.of(1, 2), 0);
        assertThat(u.poll(0)).containsExactly(1);
        u.taskFailed(1, "xfai2py4xs6j", 3 * S);
        assertThat(u.state()).isEqualTo(RollingUpdate.State.PAUSED);
        assertThat(u.message()).isEqualTo("update paused due to failure or early termination of task xfai2py4xs6j");
        assertThat(u.poll(100 * S)).isEmpty();
    }

    @Test
    void continueKeepsGoingAndRollbackStops() {
        UpdateConfig cont = new UpdateConfig(1, 0, UpdateConfig.FailureAction.CONTINUE, 5 * S, 0,
                UpdateConfig.Order.STOP_FIRST);
        RollingUpdate u = new RollingUpdate(cont, List.of(1, 2), 0);
        u.poll(0);
        u.taskFailed(1, "t1", S);
        assertThat(u.poll(S)).containsExactly(2);
        UpdateConfig rb = new UpdateConfig(1, 0, UpdateConfig.FailureAction.ROLLBACK, 5 * S, 0,
                UpdateConfig.Order.STOP_FIRST);
        RollingUpdate r = new RollingUpdate(rb, List.of(1, 2), 0);
        r.poll(0);
        r.taskFailed(1, "t1", S);
        assertThat(r.state()).isEqualTo(RollingUpdate.State.ROLLBACK_STARTED);
    }

    @Property(tries = 200)
    void batchesRespectParallelismAndDelay(@ForAll @IntRange(min = 1, max = 20) int slots,
            @ForAll @IntRange(min = 0, max = 5) int parallelism, @ForAll @IntRange(min = 0, max = 30) int delaySeconds) {
        UpdateConfig c = new UpdateConfig(parallelism, delaySeconds * S, UpdateConfig.FailureAction.PAUSE, 5 * S, 0,
                UpdateConfig.Order.STOP_FIRST);
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= slots; i++) {
            all.add(i);
        }
        RollingUpdate u = new RollingUpdate(c, all, 0);
        long now = 0;
        long lastBatchDone = -1;
        int updated = 0;
        for (int guard = 0; guard < 1000 && u.state() == RollingUpdate.State.UPDATING; guard++) {
            List<Integer> batch = u.poll(now);
            if (!batch.isEmpty()) {
                assertThat(batch.size()).isLessThanOrEqualTo(parallelism == 0 ? slots : parallelism);
                if (lastBatchDone >= 0) {
                    assertThat(now - lastBatchDone).isGreaterThanOrEqualTo(delaySeconds * S);
                }
                now += S; // the new tasks start a second later
                for (int slot : batch) {
                    u.taskRunning(slot, now);
                }
                updated += batch.size();
                lastBatchDone = now;
            } else {
                long wake = u.nextWakeupNanos();
                now = wake == Long.MAX_VALUE ? now + S : Math.max(now, wake);
            }
        }
        assertThat(updated).isEqualTo(slots);
        assertThat(u.state()).isEqualTo(RollingUpdate.State.COMPLETED);
    }
}
