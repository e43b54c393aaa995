package clusterlab.lab.cli;

import clusterlab.lab.scenario.Lesson;
import clusterlab.lab.scenario.LessonRunner;
import clusterlab.lab.scenario.ScenarioException;
import clusterlab.lab.scenario.ScenarioLoader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab lesson L1|L2|L3|all [--check]}: runs a lesson's steps headless, printing the
 * transcript and a tick per passing check. With {@code --check} a failing check exits 1.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true,
        description = "Run lessons L1, L2, L3 (or all) headless, with their checks.")
final class LessonCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LESSON", description = "L1, L2, L3 or all.")
    String which;

    @Option(names = "--check", description = "Exit 1 when a check fails.")
    boolean check;

    @Option(names = "--quiet", description = "Print only the summary and failures.")
    boolean quiet;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the lessons are (default: lessons/).")
    Path dir;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        var err = spec.commandLine().getErr();
        Path lessons = dir != null ? dir : defaultDir();
        List<String> ids = which.equalsIgnoreCase("all") ? List.of("L1", "L2", "L3") : List.of(which.toUpperCase(java.util.Locale.ROOT));
        List<Lesson> loaded = new ArrayList<>();
        for (String id : ids) {
            Path file = lessons.resolve(id + ".yaml");
            if (!Files.isRegularFile(file)) {
                err.println("lab lesson: no lesson " + id + " (" + file + "); lessons are L1, L2, L3 or all");
                return 2;
            }
            try {
                loaded.add(ScenarioLoader.loadLesson(file));
            } catch (ScenarioException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        boolean allPassed = true;
        for (Lesson l : loaded) {
            allPassed &= LessonRunner.run(l, out, quiet).passed();
        }
        return allPassed || !check ? 0 : 1;
    }

    /** lessons/ here, or beside the lab (./lab passes its home). */
    private static Path defaultDir() {
        Path here = Path.of("lessons");
        String home = System.getProperty("clusterlab.home");
        if (!Files.isDirectory(here) && home != null) {
            return Path.of(home, "lessons");
        }
        return here;
    }
}
