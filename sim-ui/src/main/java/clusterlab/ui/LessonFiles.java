package clusterlab.ui;

import clusterlab.lab.scenario.Lesson;
import clusterlab.lab.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the course's lessons: {@code lessons/L1.yaml} under clusterlab.home (set by ./lab), or above the working directory. */
public final class LessonFiles {
    /** The lessons the app offers, in course order. */
    public static final List<String> IDS = List.of("L1", "L2", "L3");

    private LessonFiles() {
    }

    public static Path directory() {
        String home = System.getProperty("clusterlab.home");
        if (home != null && Files.isRegularFile(Path.of(home, "lessons", "L1.yaml"))) {
            return Path.of(home, "lessons");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("lessons").resolve("L1.yaml"))) {
                return dir.resolve("lessons");
            }
        }
        throw new IllegalStateException("cannot find lessons/L1.yaml (run from the clusterlab directory or set"
                + " -Dclusterlab.home)");
    }

    public static Lesson load(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no lesson " + id + " (lessons: " + String.join(", ", IDS) + ")");
        }
        return ScenarioLoader.loadLesson(directory().resolve(id + ".yaml"));
    }
}
