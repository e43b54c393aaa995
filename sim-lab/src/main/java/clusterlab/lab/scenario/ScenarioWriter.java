package clusterlab.lab.scenario;

import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario as the YAML {@link ScenarioLoader} reads: what {@code :save FILE} in the lab shell
 * writes, so a session can be replayed with {@code ./lab run}. Strings are always double-quoted
 * with YAML's escapes, so any command survives the round trip.
 */
public final class ScenarioWriter {
    private ScenarioWriter() {
    }

    public static String write(Scenario s) {
        StringBuilder b = new StringBuilder();
        b.append("name: ").append(quote(s.name())).append('\n');
        if (!s.description().isEmpty()) {
            b.append("description: ").append(quote(s.description())).append('\n');
        }
        b.append("seed: ").append(s.seed()).append('\n');
        b.append("machines:\n");
        for (Scenario.Machine m : s.machines()) {
            b.append("  - {name: ").append(m.name()).append(", cores: ").append(m.cores()).append(", memory: ")
                    .append(size(m.memoryBytes())).append("}\n");
        }
        Scenario.Network n = s.network();
        b.append("network: {subnet: ").append(n.subnet()).append(", latency: ").append(Time.format(n.latencyNanos()))
                .append(", jitter: ").append(Time.format(n.jitterNanos())).append(", loss: ").append(n.loss())
                .append("}\n");
        b.append("steps:\n");
        for (Scenario.Step step : s.steps()) {
            b.append("  - ").append(step(step)).append('\n');
        }
        return b.toString();
    }

    private static String step(Scenario.Step step) {
        if (step instanceof Scenario.Step.Run r) {
            List<String> parts = new ArrayList<>();
            parts.add("on: " + r.on());
            parts.add("run: " + quote(r.run()));
            if (!r.capture().isEmpty()) {
                List<String> caps = new ArrayList<>();
                for (Map.Entry<String, String> c : r.capture().entrySet()) {
                    caps.add(c.getKey() + ": " + quote(c.getValue()));
                }
                parts.add("capture: {" + String.join(", ", caps) + "}");
            }
            if (r.expect() != null && !r.expect().isEmpty()) {
                parts.add("expect: {" + expect(r.expect()) + "}");
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (step instanceof Scenario.Step.Wait w) {
            return "{wait: " + Time.format(w.nanos()) + "}";
        }
        if (step instanceof Scenario.Step.WaitUntil w) {
            return "{wait_until: {on: " + w.on() + ", run: " + quote(w.run()) + ", " + expect(w.until())
                    + ", timeout: " + Time.format(w.timeoutNanos()) + ", every: " + Time.format(w.everyNanos()) + "}}";
        }
        if (step instanceof Scenario.Step.Fault f) {
            return "{fault: " + fault(f.kind()) + "}";
        }
        return "{checkpoint: " + quote(((Scenario.Step.Checkpoint) step).name()) + "}";
    }

    private static String expect(Scenario.Expect e) {
        List<String> parts = new ArrayList<>();
        if (e.equals() != null) {
            parts.add("equals: " + quote(e.equals()));
        }
        if (e.contains() != null) {
            parts.add("contains: " + quote(e.contains()));
        }
        if (e.matches() != null) {
            parts.add("matches: " + quote(e.matches()));
        }
        if (e.notContains() != null) {
            parts.add("not_contains: " + quote(e.notContains()));
        }
        if (e.exit() != null) {
            parts.add("exit: " + e.exit());
        }
        return String.join(", ", parts);
    }

    private static String fault(Scenario.FaultKind kind) {
        if (kind instanceof Scenario.FaultKind.Crash c) {
            return "{crash: " + c.machine() + "}";
        } else if (kind instanceof Scenario.FaultKind.Restart r) {
            return "{restart: " + r.machine() + "}";
        } else if (kind instanceof Scenario.FaultKind.Leave l) {
            return "{leave: " + l.machine() + "}";
        } else if (kind instanceof Scenario.FaultKind.Partition p) {
            List<String> groups = new ArrayList<>();
            for (List<String> g : p.groups()) {
                groups.add("[" + String.join(", ", g) + "]");
            }
            return "{partition: [" + String.join(", ", groups) + "]}";
        } else if (kind instanceof Scenario.FaultKind.Block b) {
            return "{block: {from: " + b.from() + ", to: " + b.to() + "}}";
        } else if (kind instanceof Scenario.FaultKind.Loss l) {
            return "{loss: " + l.probability() + "}";
        } else if (kind instanceof Scenario.FaultKind.Latency l) {
            return "{latency: " + Time.format(l.nanos()) + "}";
        }
        return "heal";
    }

    /** {@code 4GiB}, {@code 512MiB}, or bytes. */
    static String size(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        return Long.toString(bytes);
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c < 0x20 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
