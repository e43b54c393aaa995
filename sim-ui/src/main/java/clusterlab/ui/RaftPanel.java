package clusterlab.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Raft panel: a table row per manager (role, term, vote, leader, commit/applied/last index)
 * and, beside each other, every manager's newest log entries, so replication and commit can be
 * watched. Entries past a manager's commit index are marked as not committed yet.
 */
final class RaftPanel extends VBox {
    private final RaftPanelViewModel raft;
    private final HBox logs = new HBox(8);

    RaftPanel(RaftPanelViewModel raft) {
        super(6);
        this.raft = raft;
        setId("raft-panel");
        setPadding(new Insets(6));
        Label summary = new Label();
        summary.setId("raft-summary");
        summary.getStyleClass().add("raft-summary");
        summary.textProperty().bind(raft.summaryProperty());

        TableView<ManagerRaft> table = new TableView<>(raft.managers());
        table.setId("raft-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("no managers"));
        table.getColumns().add(column("Node", ManagerRaft::node));
        table.getColumns().add(column("Role", ManagerRaft::role));
        table.getColumns().add(column("Term", m -> String.valueOf(m.term())));
        table.getColumns().add(column("Vote", m -> raft.nameOf(m.vote())));
        table.getColumns().add(column("Leader", m -> raft.nameOf(m.leader())));
        table.getColumns().add(column("Commit", m -> String.valueOf(m.commitIndex())));
        table.getColumns().add(column("Applied", m -> String.valueOf(m.appliedIndex())));
        table.getColumns().add(column("Last", m -> String.valueOf(m.lastIndex())));
        table.getColumns().add(column("Raft id", m -> Long.toHexString(m.id())));
        // Header plus up to five rows; the logs below get the rest of the height.
        table.setFixedCellSize(24);
        table.setPrefHeight(28 + 5 * 24);
        table.setMinHeight(28 + 2 * 24);

        VBox.setVgrow(logs, Priority.ALWAYS);
        getChildren().addAll(summary, table, logs);
        raft.managers().addListener((ListChangeListener<ManagerRaft>) c -> drawLogs());
        drawLogs();
    }

    private static TableColumn<ManagerRaft, String> column(String title, Function<ManagerRaft, String> value) {
        TableColumn<ManagerRaft, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private void drawLogs() {
        logs.getChildren().clear();
        for (ManagerRaft m : raft.managers()) {
            Label title = new Label(m.node() + " log (last " + m.log().size() + ")");
            title.getStyleClass().add("raft-log-title");
            ListView<String> entries = new ListView<>();
            entries.setId("raft-log-" + m.node());
            entries.getStyleClass().add("raft-log");
            for (ManagerRaft.LogLine e : m.log()) {
                entries.getItems().add(e.index() + "  t" + e.term() + "  " + e.command()
                        + (e.index() > m.commitIndex() ? "   (not committed)" : ""));
            }
            entries.scrollTo(entries.getItems().size() - 1); // the newest entries are the interesting ones
            VBox.setVgrow(entries, Priority.ALWAYS);
            VBox box = new VBox(2, title, entries);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setPrefWidth(10); // equal shares of the width, whatever the commands' lengths
            logs.getChildren().add(box);
        }
    }
}
