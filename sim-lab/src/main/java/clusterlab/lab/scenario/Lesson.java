package clusterlab.lab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A lesson of the course: prose steps, each with the commands to type (scenario steps), what to
 * notice, hints and a check that the step worked; then quiz questions. Its {@link #setup()} is the
 * scenario (machines, network, seed) the steps run in; {@link #asScenario()} flattens it so
 * {@code ./lab lesson --check} and the app run exactly what the text says.
 */
public record Lesson(String id, String title, String intro, Scenario setup, List<LessonStep> steps,
                     List<Question> quiz) {

    public Lesson {
        intro = intro == null ? "" : intro;
        steps = List.copyOf(steps);
        quiz = List.copyOf(quiz);
    }

    /**
     * One step of a lesson.
     *
     * @param actions the commands, waits and faults to perform, in order
     * @param check a step whose expectation says the lesson step worked (null: none)
     * @param notice what to look at in the output
     */
    public record LessonStep(String title, String text, List<Scenario.Step> actions, Scenario.Step check,
                             String notice, List<String> hints) {
        public LessonStep {
            text = text == null ? "" : text;
            notice = notice == null ? "" : notice;
            actions = List.copyOf(actions);
            hints = List.copyOf(hints);
        }
    }

    /** A quiz question: the choices, the index of the right one and why it is right. */
    public record Question(String question, List<String> choices, int answer, String explanation) {
        public Question {
            choices = List.copyOf(choices);
        }
    }

    /** The lesson as one scenario: the setup's machines and seed, every action and check in order. */
    public Scenario asScenario() {
        List<Scenario.Step> all = new ArrayList<>(setup.steps());
        for (LessonStep s : steps) {
            all.addAll(s.actions());
            if (s.check() != null) {
                all.add(s.check());
            }
        }
        return new Scenario(setup.name(), setup.description(), setup.seed(), setup.machines(), setup.network(), all);
    }
}
