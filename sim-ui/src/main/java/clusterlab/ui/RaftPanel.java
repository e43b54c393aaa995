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
 * watched. Entries past a manager's commit index are marked with * (not committed yet).
 */
final class RaftPanel extends VBox {
    private static final double ROW_HEIGHT = 24;
    private static final double HEADER_HEIGHT = 30;
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
        // Widths are shares of the table's width (constrained policy): the 16-digit id needs the most.
        table.getColumns().add(column("Node", 55, ManagerRaft::node));
        table.getColumns().add(column("Role", 75, ManagerRaft::role));
        table.getColumns().add(column("Term", 45, m -> String.valueOf(m.term())));
        table.getColumns().add(column("Vote", 55, m -> raft.nameOf(m.vote())));
        table.getColumns().add(column("Leader", 55, m -> raft.nameOf(m.leader())));
        table.getColumns().add(column("Commit", 62, m -> String.valueOf(m.commitIndex())));
        table.getColumns().add(column("Applied", 60, m -> String.valueOf(m.appliedIndex())));
        table.getColumns().add(column("Last", 45, m -> String.valueOf(m.lastIndex())));
        table.getColumns().add(column("Raft id", 125, m -> Long.toHexString(m.id())));
        // Tall enough for every manager (up to seven, the most a swarm should have); the logs get the rest.
        table.setFixedCellSize(ROW_HEIGHT);
        Runnable fit = () -> {
            double h = HEADER_HEIGHT + Math.max(1, Math.min(7, raft.managers().size())) * ROW_HEIGHT;
            table.setMinHeight(h);
            table.setPrefHeight(h);
            table.setMaxHeight(h);
        };
        raft.managers().addListener((ListChangeListener<ManagerRaft>) c -> fit.run());
        fit.run();

        Label legend = new Label("logs: newest first, * not committed yet");
        legend.getStyleClass().add("raft-legend");
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, summary, gap, legend);
        VBox.setVgrow(logs, Priority.ALWAYS);
        getChildren().addAll(header, table, logs);
        raft.managers().addListener((ListChangeListener<ManagerRaft>) c -> drawLogs());
        drawLogs();
    }

    /** A log line cut with an ellipsis at the list's width (no sideways scrolling), whole in its tooltip. */
    private static final class EllipsisCell extends javafx.scene.control.ListCell<String> {
        EllipsisCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
        }
    }

    private static TableColumn<ManagerRaft, String> column(String title, double width,
                                                           Function<ManagerRaft, String> value) {
        TableColumn<ManagerRaft, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private void drawLogs() {
        logs.getChildren().clear();
        for (ManagerRaft m : raft.managers()) {
            Label title = new Label(m.node() + " log");
            title.getStyleClass().add("raft-log-title");
            ListView<String> entries = new ListView<>();
            entries.setId("raft-log-" + m.node());
            entries.getStyleClass().add("raft-log");
            entries.setCellFactory(list -> new EllipsisCell());
            // Newest first: what just happened is what a student watches, and it stays in view as the log grows.
            for (int i = m.log().size() - 1; i >= 0; i--) {
                ManagerRaft.LogLine e = m.log().get(i);
                entries.getItems().add((e.index() > m.commitIndex() ? "*" : " ") + e.index() + " t" + e.term() + " "
                        + e.command());
            }
            VBox.setVgrow(entries, Priority.ALWAYS);
            VBox box = new VBox(2, title, entries);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setPrefWidth(10); // equal shares of the width, whatever the commands' lengths
            logs.getChildren().add(box);
        }
    }
}
