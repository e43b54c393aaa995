package clusterlab.swarm.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A placement constraint as {@code --constraint} writes it: {@code node.role==manager},
 * {@code node.hostname!=node3}, {@code node.labels.zone==east}, {@code engine.labels.os==linux},
 * {@code node.id==...}, {@code node.platform.os==linux}. Parsed with SwarmKit's rules
 * ({@code manager/constraint/constraint.go}): keys are case-insensitive, values are compared
 * case-insensitively except label values.
 */
public record Constraint(String key, boolean equal, String value) {

    /**
     * Parses one constraint.
     *
     * @throws IllegalArgumentException with SwarmKit's message
     */
    public static Constraint parse(String text) {
        String t = text.strip();
        int eq = t.indexOf("==");
        int ne = t.indexOf("!=");
        int at = eq >= 0 && (ne < 0 || eq < ne) ? eq : ne;
        if (at <= 0) {
            throw new IllegalArgumentException("constraint expected one operator from ==, !=");
        }
        boolean equal = at == eq;
        String key = t.substring(0, at).strip();
        String value = t.substring(at + 2).strip();
        if (value.contains("==") || value.contains("!=")) {
            throw new IllegalArgumentException("constraint expected one operator from ==, !=");
        }
        if (!key.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("key '" + key + "' is invalid");
        }
        if (value.isEmpty() || !value.matches("[^\\s]+")) {
            throw new IllegalArgumentException("value '" + value + "' is invalid");
        }
        return new Constraint(key, equal, value);
    }

    public static List<Constraint> parseAll(List<String> texts) {
        List<Constraint> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parse(t));
        }
        return out;
    }

    /** Whether the node satisfies this constraint. Unknown keys never match (as SwarmKit). */
    public boolean matches(NodeInfo node) {
        String k = key.toLowerCase(Locale.ROOT);
        String actual;
        boolean caseSensitive = false;
        if (k.equals("node.id")) {
            actual = node.id();
        } else if (k.equals("node.hostname")) {
            actual = node.hostname();
        } else if (k.equals("node.role")) {
            actual = node.manager() ? "manager" : "worker";
        } else if (k.equals("node.platform.os")) {
            actual = "linux";
        } else if (k.equals("node.platform.arch")) {
            actual = "x86_64";
        } else if (k.startsWith("node.labels.")) {
            actual = node.labels().get(key.substring("node.labels.".length()));
            caseSensitive = true;
        } else if (k.startsWith("engine.labels.")) {
            actual = node.engineLabels().get(key.substring("engine.labels.".length()));
            caseSensitive = true;
        } else {
            return false;
        }
        boolean same = actual != null && (caseSensitive ? actual.equals(value) : actual.equalsIgnoreCase(value));
        return equal == same;
    }

    @Override
    public String toString() {
        return key + (equal ? "==" : "!=") + value;
    }
}
