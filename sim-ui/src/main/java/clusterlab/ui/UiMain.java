package clusterlab.ui;

import javafx.application.Application;

/**
 * {@code ui [--lesson L1|L2|L3] [--nodes N] [--seed S]}: opens the clusterlab desktop app, on a
 * lesson or on a free lab of N machines (default 2, seed 1).
 */
public final class UiMain {
    static final String USAGE = "usage: ui [--lesson L1|L2|L3] [--nodes N] [--seed S]";

    private UiMain() {
    }

    public static void main(String[] args) {
        LabWindow.Config config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ui: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.println(USAGE);
            return;
        }
        LabApp.config = config;
        try {
            Application.launch(LabApp.class);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // Glass throws "Unable to open DISPLAY" on a machine without a screen (ssh, CI).
            System.err.println("ui: cannot open a window (" + e.getMessage() + "); on a machine without a display"
                    + " use ./lab shell or ./lab lesson instead");
            System.exit(1);
        }
    }

    /** The app's configuration, or null for --help. */
    static LabWindow.Config parse(String[] args) {
        String lesson = null;
        int nodes = 2;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--lesson" -> lesson = value(args, ++i, a).toUpperCase(java.util.Locale.ROOT);
                case "--nodes" -> nodes = Integer.parseInt(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (lesson != null && !LessonFiles.IDS.contains(lesson)) {
            throw new IllegalArgumentException("no lesson " + lesson + " (lessons: " + String.join(", ", LessonFiles.IDS) + ")");
        }
        if (nodes < 1 || nodes > 64) {
            throw new IllegalArgumentException("--nodes must be between 1 and 64, was " + nodes);
        }
        return new LabWindow.Config(lesson, nodes, seed);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
