package clusterlab.ui;

import clusterlab.kernel.Time;
import clusterlab.lab.scenario.Lesson;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The main window: a toolbar (lesson, virtual time, faults, save), the lesson pane, a terminal tab
 * per machine and the cluster's cards. Choosing another lesson builds a new lab (each lesson has
 * its own seed and machines) and replaces the window's content.
 */
public final class LabWindow {
    /** What the app opens: a lesson (null: a free lab), the number of machines and the seed of a free lab. */
    public record Config(String lesson, int nodes, long seed) {
    }

    private static final String NO_LESSON = "Free lab";

    private final Stage stage;
    private LabViewModel lab;
    private LessonViewModel lesson;
    private TimeControlViewModel timeControl;
    private TabPane tabs;

    private LabWindow(Stage stage) {
        this.stage = stage;
    }

    /** Opens the window on {@code stage} with a lab for {@code config}. */
    public static LabWindow open(Stage stage, Config config) {
        LabWindow w = new LabWindow(stage);
        stage.setTitle("clusterlab");
        Scene scene = new Scene(new Label("starting the lab..."), 1280, 800);
        scene.getStylesheets().add(LabWindow.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnHidden(e -> w.closeLab());
        w.load(config);
        stage.show();
        return w;
    }

    public LabViewModel lab() {
        return lab;
    }

    public LessonViewModel lesson() {
        return lesson;
    }

    public TimeControlViewModel timeControl() {
        return timeControl;
    }

    private void load(Config config) {
        closeLab();
        Lesson l = config.lesson() == null ? null : LessonFiles.load(config.lesson());
        lab = l == null ? new LabViewModel(config.seed(), config.nodes(), Platform::runLater)
                : LabViewModel.forLesson(l, Platform::runLater);
        lesson = l == null ? null : new LessonViewModel(l, lab, ProgressStore.standard());
        timeControl = new TimeControlViewModel(lab::advance, new FxTicker());
        stage.getScene().setRoot(content(config));
        lab.start();
        if (lesson != null) {
            lesson.setUp();
        }
        stage.setTitle("clusterlab" + (l == null ? " — " + config.nodes() + " machines, seed " + config.seed()
                : " — " + l.id() + ": " + l.title()));
    }

    private void closeLab() {
        if (timeControl != null) {
            timeControl.pause(); // no more ticks for a lab that is going away
        }
        if (lab != null) {
            lab.close();
            lab = null;
        }
    }

    private Parent content(Config config) {
        tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        List<TerminalView> views = new ArrayList<>();
        for (TerminalViewModel t : lab.terminals()) {
            TerminalView view = new TerminalView(t, lab);
            views.add(view);
            Tab tab = new Tab(t.node(), view);
            tab.setId("tab-" + t.node());
            tabs.getTabs().add(tab);
        }
        // The tab in front is the machine the fault buttons act on, and a card click brings its tab.
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, i) -> {
            lab.selectedMachineProperty().set(lab.terminals().get(i.intValue()).node());
            views.get(i.intValue()).focusInput();
        });
        lab.selectedMachineProperty().addListener((obs, old, node) -> showMachine(node));

        ScrollPane cards = new ScrollPane(new ClusterView(lab));
        cards.setFitToWidth(true);
        ScrollPane faults = new ScrollPane(new FaultsPanel(new FaultsViewModel(lab), lab));
        faults.setFitToWidth(true);
        SplitPane cluster = new SplitPane(cards, faults);
        cluster.setOrientation(Orientation.VERTICAL);
        cluster.setDividerPositions(0.55);
        // Under the terminals: panels that look inside the cluster (the Raft state of the managers).
        TabPane inside = new TabPane();
        inside.setId("inside-tabs");
        inside.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab raftTab = new Tab("Raft", new RaftPanel(new RaftPanelViewModel(lab)));
        raftTab.setId("tab-raft");
        inside.getTabs().add(raftTab);
        SplitPane middle = new SplitPane(tabs, inside);
        middle.setOrientation(Orientation.VERTICAL);
        middle.setDividerPositions(0.55);
        SplitPane center = new SplitPane();
        center.setOrientation(Orientation.HORIZONTAL);
        if (lesson != null) {
            center.getItems().add(new LessonView(lesson, this::showMachine));
            center.getItems().addAll(middle, cluster);
            center.setDividerPositions(0.27, 0.78);
        } else {
            center.getItems().addAll(middle, cluster);
            center.setDividerPositions(0.74);
        }
        BorderPane root = new BorderPane(center);
        root.setTop(toolbar(config));
        Label status = new Label();
        status.textProperty().bind(lab.statusProperty());
        status.setPadding(new Insets(2, 8, 2, 8));
        root.setBottom(status);
        return root;
    }

    private void showMachine(String node) {
        for (Tab t : tabs.getTabs()) {
            if (t.getText().equals(node)) {
                tabs.getSelectionModel().select(t);
            }
        }
    }

    private ToolBar toolbar(Config config) {
        ComboBox<String> lessons = new ComboBox<>();
        lessons.setId("lesson-choice");
        lessons.getItems().add(NO_LESSON);
        lessons.getItems().addAll(LessonFiles.IDS);
        lessons.setValue(config.lesson() == null ? NO_LESSON : config.lesson());
        lessons.setOnAction(e -> {
            String chosen = lessons.getValue();
            String current = config.lesson() == null ? NO_LESSON : config.lesson();
            if (!chosen.equals(current)) {
                Platform.runLater(() -> load(new Config(NO_LESSON.equals(chosen) ? null : chosen, config.nodes(),
                        config.seed())));
            }
        });

        Label time = new Label();
        time.setId("virtual-time");
        time.getStyleClass().add("virtual-time");
        time.textProperty().bind(lab.timeProperty().map(t -> "virtual time " + t));
        Button s1 = timeButton("+1 s", Time.SECOND);
        Button s10 = timeButton("+10 s", 10 * Time.SECOND);
        Button m1 = timeButton("+1 min", Time.MINUTE);
        Button play = new Button();
        play.setId("play");
        play.textProperty().bind(timeControl.playingProperty().map(p -> p ? "❚❚ Pause" : "▶ Play"));
        play.setOnAction(e -> timeControl.toggle());
        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speed");
        speed.getItems().addAll(TimeControlViewModel.SPEEDS);
        speed.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : TimeControlViewModel.label(v);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("×", ""));
            }
        });
        speed.setValue(timeControl.speedProperty().get());
        speed.setOnAction(e -> timeControl.speedProperty().set(speed.getValue()));
        speed.setTooltip(new javafx.scene.control.Tooltip("virtual seconds per wall second while playing"));

        Label selected = new Label();
        selected.textProperty().bind(lab.selectedMachineProperty());
        selected.getStyleClass().add("selected-machine");
        Button crash = new Button("Crash");
        crash.setId("crash");
        crash.setOnAction(e -> lab.crash(lab.selectedMachineProperty().get()));
        Button restart = new Button("Restart");
        restart.setId("restart");
        restart.setOnAction(e -> lab.restart(lab.selectedMachineProperty().get()));

        Button save = new Button("Save as scenario…");
        save.setId("save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the session as a scenario");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario (YAML)", "*.yaml", "*.yml"));
            chooser.setInitialFileName("my-session.yaml");
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                lab.save(file.toPath());
            }
        });
        return new ToolBar(new Label("Lesson"), lessons, new Separator(), time, play, speed, s1, s10, m1,
                new Separator(),
                selected, crash, restart, new Separator(), save);
    }

    private Button timeButton(String text, long nanos) {
        Button b = new Button(text);
        b.setId("advance-" + text.replaceAll("[^0-9a-z]", ""));
        b.setOnAction(e -> lab.advance(nanos));
        return b;
    }
}
