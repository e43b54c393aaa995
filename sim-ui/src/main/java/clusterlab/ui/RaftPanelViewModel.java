package clusterlab.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Raft panel's state: one row per running manager (from the lab's snapshots) and a one-line
 * summary of what a student should check first: is there exactly one leader, and do the terms
 * agree. FX thread only.
 */
public final class RaftPanelViewModel {
    private final LabViewModel lab;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public RaftPanelViewModel(LabViewModel lab) {
        this.lab = lab;
        lab.raft().addListener((ListChangeListener<ManagerRaft>) c -> summary.set(summarize(lab.raft())));
        summary.set(summarize(lab.raft()));
    }

    public ObservableList<ManagerRaft> managers() {
        return lab.raft();
    }

    public ManagerRaft manager(String node) {
        return managers().stream().filter(m -> m.node().equals(node)).findFirst().orElse(null);
    }

    public long leaderCount() {
        return managers().stream().filter(ManagerRaft::isLeader).count();
    }

    /** True when every manager is in the same term (a settled cluster). */
    public boolean termsAgree() {
        return managers().stream().map(ManagerRaft::term).distinct().count() <= 1;
    }

    /** "3 managers · leader node1 · term 2" or a warning such as "no leader". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    static String summarize(List<ManagerRaft> managers) {
        if (managers.isEmpty()) {
            return "No managers yet: docker swarm init on a machine makes it the first.";
        }
        StringBuilder b = new StringBuilder(managers.size() + (managers.size() == 1 ? " manager" : " managers"));
        List<ManagerRaft> leaders = managers.stream().filter(ManagerRaft::isLeader).toList();
        if (leaders.isEmpty()) {
            b.append(" · no leader (an election is due or under way)");
        } else {
            b.append(" · leader ").append(String.join(", ", leaders.stream().map(ManagerRaft::node).toList()));
        }
        long terms = managers.stream().map(ManagerRaft::term).distinct().count();
        b.append(terms == 1 ? " · term " + managers.get(0).term() : " · terms differ");
        return b.toString();
    }

    /** The node a Raft id belongs to, else the id in hex as swarm prints it; "-" for 0 (nobody). */
    public String nameOf(long raftId) {
        if (raftId == 0) {
            return "-";
        }
        for (ManagerRaft m : managers()) {
            if (m.id() == raftId) {
                return m.node();
            }
        }
        return Long.toHexString(raftId).toLowerCase(Locale.ROOT);
    }
}
