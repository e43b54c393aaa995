package clusterlab.ui;

import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Faults panel: swarm leave on the selected machine, partition/heal, loss and latency sliders. */
final class FaultsPanel extends VBox {
    FaultsPanel(FaultsViewModel faults, LabViewModel lab) {
        super(6);
        setId("faults-panel");
        setPadding(new Insets(8));
        getStyleClass().add("faults-panel");
        Label title = new Label("Faults");
        title.getStyleClass().add("pane-title");

        Button leave = new Button();
        leave.setId("swarm-leave");
        leave.textProperty().bind(lab.selectedMachineProperty().map(n -> "Leave swarm (" + n + ")"));
        leave.setOnAction(e -> faults.leaveSwarm());

        TextField groups = new TextField();
        groups.setId("partition-groups");
        groups.setPromptText("node1 | node2,node3");
        groups.textProperty().bindBidirectional(faults.partitionTextProperty());
        groups.setOnAction(e -> faults.applyPartition());
        HBox.setHgrow(groups, Priority.ALWAYS);
        Button partition = new Button("Partition");
        partition.setId("partition");
        partition.setOnAction(e -> faults.applyPartition());
        Button heal = new Button("Heal");
        heal.setId("heal");
        heal.setOnAction(e -> faults.heal());

        Slider loss = slider("loss-slider", FaultsViewModel.MAX_LOSS_PERCENT, faults.lossPercentProperty(), faults::applyLoss);
        Label lossValue = new Label();
        lossValue.textProperty().bind(faults.lossPercentProperty().map(v -> "loss " + Math.round(v.doubleValue()) + " %"));
        Slider latency = slider("latency-slider", FaultsViewModel.MAX_LATENCY_MILLIS, faults.latencyMillisProperty(),
                faults::applyLatency);
        Label latencyValue = new Label();
        latencyValue.textProperty().bind(faults.latencyMillisProperty()
                .map(v -> "latency " + Math.round(v.doubleValue()) + " ms"));

        Label network = new Label();
        network.setId("network-summary");
        network.setWrapText(true);
        network.getStyleClass().add("network-summary");
        network.textProperty().bind(faults.networkSummaryProperty());
        Label message = new Label();
        message.setId("faults-message");
        message.setWrapText(true);
        message.textProperty().bind(faults.messageProperty());

        getChildren().addAll(title, leave, new HBox(6, groups, partition), heal, lossValue, loss, latencyValue,
                latency, network, message);
    }

    /** A slider bound to a view-model value; the fault is applied when the drag ends (not at every pixel). */
    private static Slider slider(String id, double max, DoubleProperty value, Runnable apply) {
        Slider s = new Slider(0, max, value.get());
        s.setId(id);
        s.setShowTickMarks(true);
        s.setMajorTickUnit(max / 5);
        s.setBlockIncrement(max / 50);
        s.valueProperty().bindBidirectional(value);
        s.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                apply.run();
            }
        });
        // A click on the track or a key press changes the value without a drag.
        s.valueProperty().addListener((obs, old, now) -> {
            if (!s.isValueChanging()) {
                apply.run();
            }
        });
        return s;
    }
}
