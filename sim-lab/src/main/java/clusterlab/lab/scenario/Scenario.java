package clusterlab.lab.scenario;

import java.util.List;
import java.util.Map;

/**
 * A replayable lab session: the machines, the network, the seed and the steps (commands typed on
 * a machine, waits, faults, checks). Built by {@link ScenarioLoader} from a YAML file, run by
 * {@link ScenarioRunner}; the same scenario and seed always give the same transcript and trace.
 */
public record Scenario(String name, String description, long seed, List<Machine> machines, Network network,
                       List<Step> steps) {

    public Scenario {
        description = description == null ? "" : description;
        machines = List.copyOf(machines);
        steps = List.copyOf(steps);
    }

    /** One simulated machine (expanded from {@code count}/{@code from} templates). */
    public record Machine(String name, int cores, long memoryBytes) {
    }

    /** The machines' LAN: one-way latency with uniform jitter, and the packet loss probability. */
    public record Network(String subnet, long latencyNanos, long jitterNanos, double loss) {
        public static final Network DEFAULT = new Network("192.168.0.0/24", 500_000, 100_000, 0.0);
    }

    /**
     * What a command's output must satisfy. Null fields are not checked; {@code exit} is the exit
     * status.
     */
    public record Expect(String equals, String contains, String matches, String notContains, Integer exit) {
        public boolean isEmpty() {
            return equals == null && contains == null && matches == null && notContains == null && exit == null;
        }
    }

    /** One step of a scenario, with the line of the file it came from (for messages). */
    public sealed interface Step {
        int line();

        /** Types {@code run} on machine {@code on}; captures variables; checks {@code expect}. */
        record Run(int line, String on, String run, Map<String, String> capture, Expect expect) implements Step {
            public Run {
                capture = capture == null ? Map.of() : java.util.Collections.unmodifiableMap(
                        new java.util.LinkedHashMap<>(capture));
            }
        }

        /** Lets virtual time pass. */
        record Wait(int line, long nanos) implements Step {
        }

        /** Runs {@code run} on {@code on} until its output satisfies {@code until}, at most {@code timeoutNanos}. */
        record WaitUntil(int line, String on, String run, Expect until, long timeoutNanos, long everyNanos)
                implements Step {
        }

        /** Injects a fault into the simulated world. */
        record Fault(int line, FaultKind kind) implements Step {
        }

        /** Marks a moment (the app's timeline shows it; runs can be compared at it). */
        record Checkpoint(int line, String name) implements Step {
        }
    }

    /** The faults a scenario can inject. */
    public sealed interface FaultKind {
        record Crash(String machine) implements FaultKind {
        }

        record Restart(String machine) implements FaultKind {
        }

        /** {@code docker swarm leave --force} typed on the machine (a worker or a manager). */
        record Leave(String machine) implements FaultKind {
        }

        record Partition(List<List<String>> groups) implements FaultKind {
        }

        record Block(String from, String to) implements FaultKind {
        }

        record Heal() implements FaultKind {
        }

        record Loss(double probability) implements FaultKind {
        }

        record Latency(long nanos) implements FaultKind {
        }
    }
}
