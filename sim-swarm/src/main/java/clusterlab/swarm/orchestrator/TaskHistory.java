package clusterlab.swarm.orchestrator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The task reaper's rule: of the tasks that ended, each slot keeps the newest
 * {@code retention} (SwarmKit's task history retention limit, 5 by default); older ones are
 * deleted.
 */
public final class TaskHistory {
    public static final int DEFAULT_RETENTION = 5;

    private TaskHistory() {}

    /**
     * Ids of the ended tasks to delete. {@code createdOrder} ranks tasks (larger is newer).
     */
    public static List<String> toDelete(List<TaskView> tasks, java.util.function.ToLongFunction<TaskView> createdOrder,
            int retention) {
        TreeMap<Integer, List<TaskView>> endedBySlot = new TreeMap<>();
        for (TaskView t : tasks) {
            if (t.observed().isTerminal() || t.desired().isTerminal() && !t.isActive()) {
                endedBySlot.computeIfAbsent(t.slot(), s -> new ArrayList<>()).add(t);
            }
        }
        List<String> out = new ArrayList<>();
        for (List<TaskView> ended : endedBySlot.values()) {
            ended.sort(Comparator.comparingLong(createdOrder).reversed().thenComparing(TaskView::id));
            for (int i = retention; i < ended.size(); i++) {
                out.add(ended.get(i).id());
            }
        }
        return out;
    }
}
