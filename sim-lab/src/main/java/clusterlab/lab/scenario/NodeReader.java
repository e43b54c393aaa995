package clusterlab.lab.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads typed values out of composed YAML nodes. Every read names the node's key path, so every
 * complaint can say where it is: {@code bad.yaml:7:5: steps[2].wait: invalid duration "3x" ...}.
 */
final class NodeReader {
    private final String file;

    NodeReader(String file) {
        this.file = file;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    ScenarioException error(Node node, String path, String problem) {
        Mark mark = node == null ? null : node.getStartMark();
        return new ScenarioException(file, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1,
                path, problem);
    }

    /** The keys of a mapping, in file order, refusing repeated keys and keys not in {@code allowed} (null: any key). */
    Fields mapping(Node node, String path, List<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, path, "must be a mapping (key: value), was " + describe(node));
        }
        Fields fields = new Fields(node, path);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw error(keyNode, path, "keys must be plain names, found " + describe(keyNode));
            }
            // The key's text, not its YAML 1.1 type: "on" reads as a boolean, but it is the key on.
            String key = scalarKey.getValue();
            Node first = fields.keys.get(key);
            if (first != null) {
                throw error(keyNode, child(path, key), "duplicate key (first set at line "
                        + (first.getStartMark().getLine() + 1) + ")");
            }
            if (allowed != null && !allowed.contains(key)) {
                throw error(keyNode, child(path, key), "unknown key (" + suggest(key, allowed) + ")");
            }
            fields.keys.put(key, keyNode);
            fields.values.put(key, tuple.getValueNode());
        }
        return fields;
    }

    List<Node> sequence(Node node, String path) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, path, "must be a list, was " + describe(node));
        }
        return sequence.getValue();
    }

    /** Any scalar but null, as written: {@code equals: 42} means the text 42. */
    String string(Node node, String path) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            throw error(node, path, "must be a string, was " + describe(node));
        }
        return scalar.getValue();
    }

    long integer(Node node, String path) {
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.INT)) {
            throw error(node, path, "must be an integer, was " + describe(node));
        }
        String text = scalar.getValue().replace("_", "");
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw error(node, path, "must be a decimal integer that fits in 64 bits, was \"" + clip(scalar.getValue()) + "\"");
        }
    }

    /** An integer or a finite decimal number. */
    double number(Node node, String path) {
        if (!(node instanceof ScalarNode scalar)
                || !(scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT))) {
            throw error(node, path, "must be a number, was " + describe(node));
        }
        try {
            return new BigDecimal(scalar.getValue().replace("_", "")).doubleValue();
        } catch (NumberFormatException e) {
            throw error(node, path, "must be a finite decimal number, was \"" + clip(scalar.getValue()) + "\"");
        }
    }

    boolean bool(Node node, String path) {
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.BOOL)) {
            throw error(node, path, "must be true or false, was " + describe(node));
        }
        String text = scalar.getValue().toLowerCase(java.util.Locale.ROOT);
        return text.equals("true") || text.equals("yes") || text.equals("on") || text.equals("y");
    }

    /** A duration in Go's style: 500ms, 30s, 1m30s, 2h; a bare 0 is zero. */
    long duration(Node node, String path) {
        String text = string(node, path);
        try {
            return clusterlab.kernel.Time.parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw error(node, path, "invalid duration \"" + clip(text) + "\" (write it like 500ms, 30s, 1m30s or 2h)");
        }
    }

    /** A byte count: plain bytes or a number with a unit (4GiB, 512MiB, 1G). */
    long size(Node node, String path) {
        String text = string(node, path);
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(node, path, e.getMessage());
        }
    }

    /** How a value looks, for "must be X, was Y" messages. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (!(node instanceof ScalarNode scalar)) {
            return "nothing";
        }
        Tag tag = scalar.getTag();
        String value = clip(scalar.getValue());
        if (tag.equals(Tag.NULL)) {
            return "empty";
        }
        if (tag.equals(Tag.INT)) {
            return "an integer " + value;
        }
        if (tag.equals(Tag.FLOAT)) {
            return "a number " + value;
        }
        if (tag.equals(Tag.BOOL)) {
            return "a boolean " + value;
        }
        return "a string \"" + value + "\"";
    }

    /** Long values are cut in messages: a message is one readable line. */
    static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** {@code did you mean "expect"?} for a near miss, else the keys allowed here. */
    static String suggest(String key, List<String> allowed) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int d = levenshtein(key, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // A one-letter key is two edits from every two-letter one: only suggest what resembles the key.
        if (best != null && bestDistance <= 2 && bestDistance < key.length()) {
            return "did you mean \"" + best + "\"?";
        }
        return "allowed here: " + String.join(", ", allowed);
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A mapping's entries by key, in file order, with the nodes kept for positions. */
    final class Fields {
        private final Node node;
        private final String path;
        private final Map<String, Node> keys = new LinkedHashMap<>();
        private final Map<String, Node> values = new LinkedHashMap<>();

        private Fields(Node node, String path) {
            this.node = node;
            this.path = path;
        }

        Node node() {
            return node;
        }

        String path() {
            return path;
        }

        String path(String key) {
            return child(path, key);
        }

        boolean has(String key) {
            return values.containsKey(key);
        }

        Node get(String key) {
            return values.get(key);
        }

        /** The node of the key itself (where a complaint about the key points). */
        Node keyNode(String key) {
            return keys.get(key);
        }

        List<String> keys() {
            return new ArrayList<>(values.keySet());
        }

        /** The value of a key that must be there. */
        Node require(String key) {
            Node value = values.get(key);
            if (value == null) {
                throw error(node, path(key), "required key is missing");
            }
            return value;
        }
    }
}
