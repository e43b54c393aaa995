package clusterlab.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A card per machine: name, address, swarm role, Raft role and term, Ready/Down, running containers. */
final class ClusterView extends VBox {
    private final LabViewModel lab;

    ClusterView(LabViewModel lab) {
        super(8);
        this.lab = lab;
        setPadding(new Insets(8));
        getStyleClass().add("cluster-view");
        lab.cards().addListener((ListChangeListener<MachineCard>) c -> redraw());
        lab.selectedMachineProperty().addListener((obs, old, now) -> redraw());
        redraw();
    }

    private void redraw() {
        getChildren().clear();
        Label title = new Label("Cluster");
        title.getStyleClass().add("pane-title");
        getChildren().add(title);
        for (MachineCard card : lab.cards()) {
            getChildren().add(card(card));
        }
    }

    private VBox card(MachineCard m) {
        Label name = new Label(m.name());
        name.getStyleClass().add("card-name");
        Label status = new Label(m.status());
        status.getStyleClass().add(m.isDown() ? "status-down" : "status-ready");
        javafx.scene.layout.HBox header = new javafx.scene.layout.HBox(8, name, status);
        Label address = new Label(m.address());
        String roleText = m.swarmRole().isEmpty() ? "not in a swarm"
                : m.isManager() ? "manager" + (m.raftRole().isEmpty() ? "" : " · " + m.raftRole() + " · term " + m.term())
                : "worker";
        Label role = new Label(roleText);
        role.getStyleClass().add(m.isManager() ? "role-manager" : "role-other");
        Label containers = new Label(m.containers().isEmpty() ? "no running containers"
                : "containers: " + String.join(", ", m.containers()));
        containers.setWrapText(true);
        VBox box = new VBox(2, header, address, role, containers);
        box.setId("card-" + m.name());
        box.getStyleClass().add("machine-card");
        if (m.name().equals(lab.selectedMachineProperty().get())) {
            box.getStyleClass().add("selected");
        }
        box.setOnMouseClicked(e -> lab.selectedMachineProperty().set(m.name()));
        return box;
    }
}
