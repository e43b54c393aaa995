package clusterlab.ui;

import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Faults panel: make the selected machine leave its swarm, split the network into groups,
 * heal it, and set packet loss and latency. Everything goes through the lab's session, so it is
 * recorded and a saved scenario replays it. FX thread only.
 */
public final class FaultsViewModel {
    public static final double MAX_LOSS_PERCENT = 50;
    public static final double MAX_LATENCY_MILLIS = 500;

    private final LabViewModel lab;
    private final StringProperty partitionText = new SimpleStringProperty("");
    private final DoubleProperty lossPercent = new SimpleDoubleProperty(0);
    private final DoubleProperty latencyMillis = new SimpleDoubleProperty(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper networkSummary = new ReadOnlyStringWrapper("");

    public FaultsViewModel(LabViewModel lab) {
        this.lab = lab;
        lab.networkProperty().addListener((obs, old, now) -> networkSummary.set(describe(now)));
        networkSummary.set(describe(lab.networkProperty().get()));
    }

    /** The groups to split the machines into, as typed: {@code node1 | node2,node3}. */
    public StringProperty partitionTextProperty() {
        return partitionText;
    }

    /** 0..{@link #MAX_LOSS_PERCENT}, applied by {@link #applyLoss}. */
    public DoubleProperty lossPercentProperty() {
        return lossPercent;
    }

    /** 0..{@link #MAX_LATENCY_MILLIS}, applied by {@link #applyLatency}. */
    public DoubleProperty latencyMillisProperty() {
        return latencyMillis;
    }

    /** What the last fault did, or why it was not done. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "loss 10 % · latency 50 ms · partitioned", from the lab's snapshots. */
    public ReadOnlyStringProperty networkSummaryProperty() {
        return networkSummary.getReadOnlyProperty();
    }

    /** Types {@code docker swarm leave --force} on the selected machine's terminal. */
    public CompletableFuture<Void> leaveSwarm() {
        String node = lab.selectedMachineProperty().get();
        message.set(node + " leaves its swarm");
        return lab.leaveSwarm(node);
    }

    /** Parses the partition text and applies it; a typing mistake is reported and nothing changes. */
    public CompletableFuture<Void> applyPartition() {
        List<Set<String>> groups;
        try {
            groups = parseGroups(partitionText.get(), lab.terminals().stream().map(TerminalViewModel::node).toList());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        message.set("partitioned: " + String.join(" | ", groups.stream().map(g -> String.join(",", g)).toList()));
        return lab.partition(groups);
    }

    public CompletableFuture<Void> heal() {
        message.set("network healed: every partition and block removed");
        return lab.heal();
    }

    public CompletableFuture<Void> applyLoss() {
        double p = Math.max(0, Math.min(MAX_LOSS_PERCENT, lossPercent.get()));
        return lab.setLoss(p / 100);
    }

    public CompletableFuture<Void> applyLatency() {
        double ms = Math.max(0, Math.min(MAX_LATENCY_MILLIS, latencyMillis.get()));
        return lab.setLatency(Math.round(ms) * Time.MILLISECOND);
    }

    /**
     * {@code "node1 | node2,node3"} to [[node1], [node2, node3]]. Groups are split by |, machines
     * by commas or spaces. Machines left out form one more group (the network's rule).
     */
    static List<Set<String>> parseGroups(String text, Collection<String> machines) {
        List<Set<String>> groups = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String part : text.split("\\|", -1)) {
            Set<String> group = new LinkedHashSet<>();
            for (String name : part.trim().split("[,\\s]+")) {
                if (name.isEmpty()) {
                    continue;
                }
                if (!machines.contains(name)) {
                    throw new IllegalArgumentException("no machine " + name + " (machines: " + String.join(", ", machines) + ")");
                }
                if (!seen.add(name)) {
                    throw new IllegalArgumentException(name + " is in two groups");
                }
                group.add(name);
            }
            if (group.isEmpty()) {
                throw new IllegalArgumentException("an empty group: write groups as node1 | node2,node3");
            }
            groups.add(group);
        }
        if (groups.size() < 2 && seen.containsAll(machines)) {
            throw new IllegalArgumentException("one group of every machine splits nothing: write node1 | node2,node3");
        }
        return groups;
    }

    static String describe(NetworkState n) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "loss %.0f %%", n.loss() * 100));
        parts.add("latency " + n.latencyNanos() / Time.MILLISECOND + " ms");
        parts.add(n.partitioned() ? "partitioned" : "no partition");
        if (!n.blocks().isEmpty()) {
            parts.add("blocked " + String.join(", ", n.blocks()));
        }
        return String.join(" · ", parts);
    }
}
