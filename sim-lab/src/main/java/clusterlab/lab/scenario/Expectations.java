package clusterlab.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What an {@code expect:} (or a {@code wait_until:} condition) demands of a command's output and
 * exit status, checked the same way by the scenario runner, lessons and the desktop app.
 */
public final class Expectations {
    private Expectations() {
    }

    /** The expectation with {@code ${VAR}}s expanded in its texts (not in its regex). */
    public static Scenario.Expect expanded(Scenario.Expect e, UnaryOperator<String> expand) {
        return new Scenario.Expect(orNull(e.equals(), expand), orNull(e.contains(), expand), e.matches(),
                orNull(e.notContains(), expand), e.exit());
    }

    private static String orNull(String s, UnaryOperator<String> expand) {
        return s == null ? null : expand.apply(s);
    }

    /**
     * What does not hold, each as "expected …"; empty when everything does.
     *
     * @param shown what the terminal showed (output, then errors)
     * @param exitStatus the command's exit status, or null when it is not known (then exit is not checked)
     */
    public static List<String> failures(Scenario.Expect e, String shown, Integer exitStatus) {
        List<String> failures = new ArrayList<>();
        if (e == null) {
            return failures;
        }
        if (e.equals() != null && !shown.strip().equals(e.equals().strip())) {
            failures.add("expected output to equal:\n" + e.equals());
        }
        if (e.contains() != null && !shown.contains(e.contains())) {
            failures.add("expected output to contain \"" + e.contains() + "\"");
        }
        if (e.notContains() != null && shown.contains(e.notContains())) {
            failures.add("expected output not to contain \"" + e.notContains() + "\"");
        }
        if (e.matches() != null && !Pattern.compile(e.matches(), Pattern.MULTILINE).matcher(shown).find()) {
            failures.add("expected output to match /" + e.matches() + "/");
        }
        if (e.exit() != null && exitStatus != null && !exitStatus.equals(e.exit())) {
            failures.add("expected exit status " + e.exit() + ", was " + exitStatus);
        }
        return failures;
    }

    /** {@code contains "5/5", exit 0}: the expectation in words, for transcripts. */
    public static String describe(Scenario.Expect e) {
        List<String> parts = new ArrayList<>();
        if (e.equals() != null) {
            parts.add("equals \"" + e.equals().strip() + "\"");
        }
        if (e.contains() != null) {
            parts.add("contains \"" + e.contains() + "\"");
        }
        if (e.notContains() != null) {
            parts.add("does not contain \"" + e.notContains() + "\"");
        }
        if (e.matches() != null) {
            parts.add("matches /" + e.matches() + "/");
        }
        if (e.exit() != null) {
            parts.add("exit " + e.exit());
        }
        return String.join(", ", parts);
    }
}
