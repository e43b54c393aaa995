package clusterlab.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One machine's terminal: its screen, an input line (Enter, Up/Down history, Ctrl-C) and a Ctrl-C button. */
final class TerminalView extends VBox {
    private final TextField input = new TextField();

    TerminalView(TerminalViewModel terminal, LabViewModel lab) {
        String node = terminal.node();
        TextArea output = new TextArea();
        output.setId("output-" + node);
        output.setEditable(false);
        output.setWrapText(true); // a terminal wraps long lines (join tokens) rather than scrolling sideways
        output.getStyleClass().add("terminal-output");
        output.setText(terminal.screen());
        terminal.screenProperty().addListener((obs, old, text) -> {
            output.setText(text);
            output.positionCaret(text.length()); // follow the output, as a terminal scrolls
            output.setScrollTop(Double.MAX_VALUE);
        });
        VBox.setVgrow(output, Priority.ALWAYS);

        input.setId("input-" + node);
        input.getStyleClass().add("terminal-input");
        input.setPromptText("type a command for " + node + " and press Enter");
        input.setOnAction(e -> {
            String line = input.getText();
            input.clear();
            lab.type(node, line);
        });
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.UP) {
                input.setText(terminal.historyUp());
                input.end();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                input.setText(terminal.historyDown());
                input.end();
                e.consume();
            } else if (e.getCode() == KeyCode.C && e.isControlDown() && input.getSelectedText().isEmpty()) {
                // Ctrl-C with nothing selected interrupts, as in a terminal; with a selection it copies.
                input.clear();
                lab.interrupt(node);
                e.consume();
            }
        });
        HBox.setHgrow(input, Priority.ALWAYS);
        Button ctrlC = new Button("Ctrl-C");
        ctrlC.setId("interrupt-" + node);
        ctrlC.setOnAction(e -> lab.interrupt(node));
        Label dollar = new Label("$");
        dollar.getStyleClass().add("terminal-dollar");
        HBox line = new HBox(6, dollar, input, ctrlC);
        line.setPadding(new Insets(4, 0, 0, 0));
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(output, line);
        setPadding(new Insets(6));
    }

    void focusInput() {
        input.requestFocus();
    }
}
