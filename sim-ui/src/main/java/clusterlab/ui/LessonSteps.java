package clusterlab.ui;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.lab.scenario.Expectations;
import clusterlab.lab.scenario.Scenario;
import clusterlab.lab.shell.LabSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a lesson's scenario steps in the app's own session (not in a fresh world as
 * ScenarioRunner does), so what the lesson types appears in the terminals and the checks look at
 * the cluster the person sees. Checks mirror ScenarioRunner's expectations (equals, contains,
 * matches, not_contains, exit). Call on the simulation thread only.
 */
final class LessonSteps {
    /** How long a check command may run (ScenarioRunner's limit). */
    static final long CHECK_LIMIT_NANOS = 10 * Time.MINUTE;

    /** The outcome of a check: passed, and the failure (expected and actual) when not. */
    record CheckResult(boolean passed, String message) {
    }

    private LessonSteps() {
    }

    /** A short label for an action button: {@code node1$ docker ps}, {@code wait 30s}, {@code crash node2}. */
    static String label(Scenario.Step step) {
        if (step instanceof Scenario.Step.Run r) {
            return r.on() + "$ " + r.run();
        } else if (step instanceof Scenario.Step.Wait w) {
            return "wait " + Time.format(w.nanos());
        } else if (step instanceof Scenario.Step.WaitUntil w) {
            return w.on() + "$ " + w.run() + "  (repeat until it holds)";
        } else if (step instanceof Scenario.Step.Fault f) {
            return "fault: " + f.kind().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + " " + faultTarget(f.kind());
        }
        return "checkpoint " + ((Scenario.Step.Checkpoint) step).name();
    }

    /** The machine whose terminal an action types into, or null. */
    static String node(Scenario.Step step) {
        if (step instanceof Scenario.Step.Run r) {
            return r.on();
        }
        return step instanceof Scenario.Step.WaitUntil w ? w.on() : null;
    }

    private static String faultTarget(Scenario.FaultKind kind) {
        if (kind instanceof Scenario.FaultKind.Crash c) {
            return c.machine();
        } else if (kind instanceof Scenario.FaultKind.Restart r) {
            return r.machine();
        } else if (kind instanceof Scenario.FaultKind.Leave l) {
            return l.machine();
        } else if (kind instanceof Scenario.FaultKind.Partition p) {
            return p.groups().toString();
        } else if (kind instanceof Scenario.FaultKind.Block b) {
            return b.from() + " -> " + b.to();
        } else if (kind instanceof Scenario.FaultKind.Loss l) {
            return String.valueOf(l.probability());
        } else if (kind instanceof Scenario.FaultKind.Latency l) {
            return Time.format(l.nanos());
        }
        return "";
    }

    /**
     * Performs an action through the session. A typed command's captures become lab variables
     * (later steps use them as ${ID}); {@code typeOn} types a line on a machine's terminal the way
     * the person would, so it shows in that tab.
     */
    static void perform(LabSession session, Scenario.Step step, TypeOn typeOn) {
        if (step instanceof Scenario.Step.Run r) {
            typeOn.type(r.on(), r.run());
            capture(session, r.capture(), TerminalViewModel.plain(session.lastOutput()));
        } else if (step instanceof Scenario.Step.Wait w) {
            session.advance(w.nanos());
        } else if (step instanceof Scenario.Step.WaitUntil w) {
            long deadline = session.simulation().now() + w.timeoutNanos();
            while (!check(session, w.on(), w.run(), w.until()).passed()
                    && session.simulation().now() + w.everyNanos() <= deadline) {
                session.advance(w.everyNanos());
            }
            typeOn.type(w.on(), w.run()); // show the final state in the terminal
        } else if (step instanceof Scenario.Step.Fault f) {
            fault(session, f.kind(), typeOn);
        }
    }

    /** Types a command line on one machine's terminal (switching to it first). */
    interface TypeOn {
        void type(String node, String line);
    }

    private static void fault(LabSession session, Scenario.FaultKind kind, TypeOn typeOn) {
        if (kind instanceof Scenario.FaultKind.Crash c) {
            session.crash(c.machine());
        } else if (kind instanceof Scenario.FaultKind.Restart r) {
            session.restart(r.machine());
        } else if (kind instanceof Scenario.FaultKind.Leave l) {
            typeOn.type(l.machine(), "docker swarm leave --force");
        } else if (kind instanceof Scenario.FaultKind.Partition p) {
            List<Set<String>> groups = new ArrayList<>();
            for (List<String> g : p.groups()) {
                groups.add(new LinkedHashSet<>(g));
            }
            session.partition(groups);
        } else if (kind instanceof Scenario.FaultKind.Block b) {
            session.block(b.from(), b.to());
        } else if (kind instanceof Scenario.FaultKind.Heal) {
            session.heal();
        } else if (kind instanceof Scenario.FaultKind.Loss l) {
            session.setLoss(l.probability());
        } else if (kind instanceof Scenario.FaultKind.Latency l) {
            session.setLatency(l.nanos());
        }
    }

    /**
     * Judges a typed check command by what its terminal showed (the person may have typed it
     * already: a check like {@code docker swarm init} cannot run twice). Exit statuses are not
     * visible on a terminal; {@link #needsHiddenRun} sends such checks to {@link #check} instead.
     */
    static CheckResult judge(LabSession session, Scenario.Step.Run check, String shown) {
        CheckResult c = expect(session, check.expect(), new CommandResult(shown, "", 0), false);
        if (c.passed()) {
            capture(session, check.capture(), shown);
        }
        return c;
    }

    /** Checks that cannot be judged from a terminal's text: waits, and expectations on the exit status. */
    static boolean needsHiddenRun(Scenario.Step check) {
        return !(check instanceof Scenario.Step.Run r) || (r.expect() != null && r.expect().exit() != null);
    }

    /** Runs a step's check as a separate command on its machine (not in the terminal), keeping its captures. */
    static CheckResult runHidden(LabSession session, Scenario.Step check) {
        if (check instanceof Scenario.Step.Run r) {
            CommandResult result = execute(session, r.on(), r.run());
            CheckResult c = expect(session, r.expect(), result, true);
            if (c.passed()) {
                capture(session, r.capture(), shown(result));
            }
            return c;
        }
        if (check instanceof Scenario.Step.WaitUntil w) {
            long deadline = session.simulation().now() + w.timeoutNanos();
            CheckResult c = check(session, w.on(), w.run(), w.until());
            while (!c.passed() && session.simulation().now() + w.everyNanos() <= deadline) {
                // Waiting is part of this check; advance() records it so a saved session replays it.
                session.advance(w.everyNanos());
                c = check(session, w.on(), w.run(), w.until());
            }
            return c;
        }
        return new CheckResult(true, "");
    }

    private static CheckResult check(LabSession session, String on, String run, Scenario.Expect expect) {
        return expect(session, expect, execute(session, on, run), true);
    }

    private static CommandResult execute(LabSession session, String on, String command) {
        return session.docker().cluster().host(on).run(List.of("bash", "-c", session.expand(command)), null,
                CHECK_LIMIT_NANOS);
    }

    private static String shown(CommandResult r) {
        String s = r.stdout() + r.stderr();
        return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }

    private static void capture(LabSession session, Map<String, String> captures, String text) {
        for (Map.Entry<String, String> c : captures.entrySet()) {
            Matcher m = Pattern.compile(c.getValue(), Pattern.MULTILINE).matcher(text);
            if (m.find()) {
                session.setVariable(c.getKey(), m.groupCount() > 0 ? m.group(1) : m.group());
            }
        }
    }

    private static CheckResult expect(LabSession session, Scenario.Expect e, CommandResult result, boolean exitKnown) {
        String shown = shown(result);
        if (e == null || e.isEmpty()) {
            return new CheckResult(true, "");
        }
        List<String> failures = Expectations.failures(Expectations.expanded(e, session::expand), shown,
                exitKnown ? result.exitStatus() : null);
        return failures.isEmpty() ? new CheckResult(true, "")
                : new CheckResult(false, String.join("; ", failures) + "\n--- actual output\n" + shown);
    }
}
