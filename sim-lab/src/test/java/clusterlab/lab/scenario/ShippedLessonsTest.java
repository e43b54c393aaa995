package clusterlab.lab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every lesson in lessons/ loads and passes all its checks ({@code ./lab lesson all --check}). */
class ShippedLessonsTest {
    private static final Path DIR = Path.of("..", "lessons");

    static Stream<String> lessons() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("L\\d+\\.yaml")).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void passesEveryCheck(String name) {
        Lesson lesson = ScenarioLoader.loadLesson(DIR.resolve(name));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LessonRunner.Result r = LessonRunner.run(lesson, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        String transcript = bytes.toString(StandardCharsets.UTF_8);
        assertThat(r.passed()).as(transcript).isTrue();
        assertThat(lesson.quiz()).as("a lesson has a quiz").isNotEmpty();
        assertThat(lesson.steps()).allSatisfy(s -> assertThat(s.text()).as(s.title()).isNotBlank());
    }
}
