package clusterlab.lab.scenario;

import java.io.PrintStream;

/**
 * Runs a lesson headless: its setup, then each step's commands with the step's title and text in
 * the transcript, and a tick for each check that holds. The quiz is printed with its answers.
 */
public final class LessonRunner {
    /** How a lesson run ended. */
    public record Result(boolean passed, int checks, int checksPassed, String failure) {
    }

    private LessonRunner() {
    }

    public static Result run(Lesson lesson, PrintStream out, boolean quiet) {
        Scenario setup = lesson.setup();
        ScenarioRunner runner = new ScenarioRunner(setup, setup.seed(), out, quiet, Long.MAX_VALUE);
        runner.say("=== " + lesson.id() + ": " + lesson.title() + " ===");
        if (!lesson.intro().isBlank()) {
            runner.say(lesson.intro().strip());
        }
        for (Scenario.Step s : setup.steps()) {
            String failure = runner.perform(s);
            if (failure != null) {
                return fail(out, lesson, "setup", failure, 0, runner);
            }
        }
        int checks = 0;
        for (int i = 0; i < lesson.steps().size(); i++) {
            Lesson.LessonStep step = lesson.steps().get(i);
            runner.say("");
            runner.say("--- Step " + (i + 1) + "/" + lesson.steps().size() + ": " + step.title());
            if (!step.text().isBlank()) {
                runner.say(step.text().strip());
            }
            for (Scenario.Step action : step.actions()) {
                String failure = runner.perform(action);
                if (failure != null) {
                    return fail(out, lesson, "step " + (i + 1) + " (" + step.title() + ")", failure, checks, runner);
                }
            }
            if (step.check() != null) {
                checks++;
                String failure = runner.perform(step.check());
                if (failure != null) {
                    return fail(out, lesson, "the check of step " + (i + 1) + " (" + step.title() + ")", failure,
                            checks, runner);
                }
            }
            if (!step.notice().isBlank()) {
                runner.say("Notice: " + step.notice().strip());
            }
        }
        if (!quiet && !lesson.quiz().isEmpty()) {
            out.println();
            out.println("Quiz:");
            for (int q = 0; q < lesson.quiz().size(); q++) {
                Lesson.Question question = lesson.quiz().get(q);
                out.println((q + 1) + ". " + question.question());
                for (int c = 0; c < question.choices().size(); c++) {
                    out.println("   " + (char) ('a' + c) + ") " + question.choices().get(c)
                            + (c == question.answer() ? "   <- answer" : ""));
                }
                if (!question.explanation().isEmpty()) {
                    out.println("   " + question.explanation().strip().replace("\n", "\n   "));
                }
            }
        }
        out.println("lesson " + lesson.id() + ": " + lesson.steps().size() + " steps, " + checks + " checks, all passed");
        return new Result(true, checks, checks, null);
    }

    private static Result fail(PrintStream out, Lesson lesson, String where, String failure, int checks,
                               ScenarioRunner runner) {
        out.println("FAILED " + lesson.id() + " at " + where + ": " + failure);
        out.println("reproduce: ./lab lesson " + lesson.id() + " --check (seed " + lesson.setup().seed() + ")");
        return new Result(false, checks, checks - 1, failure);
    }
}
