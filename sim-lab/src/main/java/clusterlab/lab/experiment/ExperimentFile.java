package clusterlab.lab.experiment;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads experiment files:
 * <pre>
 * name: quorum            # letters, digits, . _ - (the default output directory is out/NAME)
 * kind: quorum            # quorum | raft-fig16 | scaling
 * description: ...        # optional, free text
 * seeds: {from: 1, count: 20}    # or a list: [1, 2, 3]
 * grid:                   # every parameter of the kind, each a list of values (or one value)
 *   managers: [1, 3, 5, 7]
 *   failures: [0, 1, 2, 3]
 * </pre>
 * Loading is safe: SnakeYAML's node graph only (no object construction), standard tags only (no
 * global or local tags), duplicate keys refused, at most 10 aliases, 1 MiB, nesting depth 20. Every
 * problem is an {@link ExperimentFileException} reading {@code file:line: key: problem}.
 */
public final class ExperimentFile {
    static final int MAX_CODE_POINTS = 1 << 20;
    static final int MAX_ALIASES = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,12})?");
    private static final Set<Tag> PLAIN_TAGS = new HashSet<>(
            List.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP));
    private static final List<String> TOP_KEYS = List.of("name", "kind", "description", "seeds", "grid");

    private final String file;

    private ExperimentFile(String file) {
        this.file = file;
    }

    public static ExperimentSpec load(Path path) throws ExperimentFileException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExperimentFileException(path + ": cannot read: " + e.getMessage());
        }
        return parse(path.toString(), text);
    }

    /** Parses {@code text}; {@code file} names it in messages. */
    public static ExperimentSpec parse(String file, String text) throws ExperimentFileException {
        return new ExperimentFile(file).parse(text);
    }

    private ExperimentSpec parse(String text) throws ExperimentFileException {
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new ExperimentFileException(file + ":1: file: larger than " + MAX_CODE_POINTS + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setTagInspector(tag -> false);
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(new SafeConstructor(options)).compose(r);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ExperimentFileException(file + ":" + (m == null ? 1 : m.getLine() + 1) + ": yaml: "
                    + (e.getProblem() != null ? e.getProblem() : e.getMessage()).strip());
        } catch (YAMLException | IOException e) {
            throw new ExperimentFileException(file + ":1: yaml: " + e.getMessage().strip());
        }
        if (root == null) {
            throw new ExperimentFileException(file + ":1: file: empty; expected name, kind, seeds and grid");
        }
        checkTags(root, "file");
        MappingNode top = mapping(root, "file");
        LinkedHashMap<String, NodeTuple> keys = keys(top, "file");
        for (String k : keys.keySet()) {
            if (!TOP_KEYS.contains(k)) {
                throw error(keys.get(k).getKeyNode(), k, "unknown key (expected one of " + String.join(", ", TOP_KEYS) + ")");
            }
        }
        String name = scalar(required(keys, "name", top), "name");
        if (!NAME.matcher(name).matches()) {
            throw error(keys.get("name").getValueNode(), "name",
                    "must be 1-64 letters, digits, '.', '_' or '-' (it names the output directory), got '" + name + "'");
        }
        String kindName = scalar(required(keys, "kind", top), "kind");
        ExperimentKind kind = ExperimentKinds.byName(kindName);
        if (kind == null) {
            throw error(keys.get("kind").getValueNode(), "kind",
                    "unknown kind '" + kindName + "' (expected " + ExperimentKinds.names() + ")");
        }
        if (keys.containsKey("description")) {
            scalar(keys.get("description").getValueNode(), "description");
        }
        List<Long> seeds = seeds(required(keys, "seeds", top));
        LinkedHashMap<String, List<ExperimentSpec.Value>> grid = grid(required(keys, "grid", top), kind);
        ExperimentSpec spec = new ExperimentSpec(name, kind, seeds, grid);
        long total = seeds.size();
        for (List<ExperimentSpec.Value> v : grid.values()) {
            total *= v.size();
            if (total > ExperimentSpec.MAX_RUNS) {
                break;
            }
        }
        if (total > ExperimentSpec.MAX_RUNS) {
            throw error(keys.get("grid").getKeyNode(), "grid", "more than " + ExperimentSpec.MAX_RUNS
                    + " runs (grid points x seeds)");
        }
        if (spec.points().isEmpty()) {
            throw error(keys.get("grid").getKeyNode(), "grid", "no applicable grid point");
        }
        return spec;
    }

    private List<Long> seeds(Node node) throws ExperimentFileException {
        List<Long> seeds = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                throw error(node, "seeds", "empty list");
            }
            Set<Long> seen = new HashSet<>();
            for (Node n : seq.getValue()) {
                long s = integer(n, "seeds", Long.MIN_VALUE, Long.MAX_VALUE);
                if (!seen.add(s)) {
                    throw error(n, "seeds", "seed " + s + " listed twice");
                }
                seeds.add(s);
            }
            if (seeds.size() > ExperimentSpec.MAX_RUNS) {
                throw error(node, "seeds", "too many seeds");
            }
            return seeds;
        }
        if (!(node instanceof MappingNode map)) {
            throw error(node, "seeds", "expected {from: N, count: N} or a list of seeds");
        }
        LinkedHashMap<String, NodeTuple> keys = keys(map, "seeds");
        for (String k : keys.keySet()) {
            if (!k.equals("from") && !k.equals("count")) {
                throw error(keys.get(k).getKeyNode(), "seeds." + k, "unknown key (expected from, count)");
            }
        }
        long from = integer(required(keys, "from", map, "seeds.from"), "seeds.from", 0, Long.MAX_VALUE / 2);
        long count = integer(required(keys, "count", map, "seeds.count"), "seeds.count", 1, ExperimentSpec.MAX_RUNS);
        for (long i = 0; i < count; i++) {
            seeds.add(from + i);
        }
        return seeds;
    }

    private LinkedHashMap<String, List<ExperimentSpec.Value>> grid(Node node, ExperimentKind kind)
            throws ExperimentFileException {
        MappingNode map = mapping(node, "grid");
        LinkedHashMap<String, NodeTuple> keys = keys(map, "grid");
        List<String> wanted = new ArrayList<>();
        for (ExperimentKind.Parameter p : kind.parameters()) {
            wanted.add(p.name());
        }
        for (String k : keys.keySet()) {
            if (!wanted.contains(k)) {
                throw error(keys.get(k).getKeyNode(), "grid." + k, "not a parameter of kind " + kind.name()
                        + " (its parameters: " + String.join(", ", wanted) + ")");
            }
        }
        LinkedHashMap<String, List<ExperimentSpec.Value>> grid = new LinkedHashMap<>();
        for (String k : keys.keySet()) { // file order: the first parameter varies slowest
            ExperimentKind.Parameter p = kind.parameters().get(wanted.indexOf(k));
            Node v = keys.get(k).getValueNode();
            List<Node> items = v instanceof SequenceNode seq ? seq.getValue() : List.of(v);
            if (items.isEmpty()) {
                throw error(v, "grid." + k, "empty list of values");
            }
            List<ExperimentSpec.Value> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Node item : items) {
                String text = scalar(item, "grid." + k);
                String problem = p.check().apply(text);
                if (problem != null) {
                    throw error(item, "grid." + k, problem);
                }
                if (!seen.add(text)) {
                    throw error(item, "grid." + k, "value " + text + " listed twice");
                }
                // Plain decimal numbers are JSON numbers in runs.json; anything else (1e3, 0x10) a string.
                boolean numeric = (item.getTag().equals(Tag.INT) || item.getTag().equals(Tag.FLOAT))
                        && DECIMAL.matcher(text).matches();
                values.add(new ExperimentSpec.Value(text, numeric));
            }
            grid.put(k, values);
        }
        for (String w : wanted) {
            if (!grid.containsKey(w)) {
                throw error(map, "grid", "missing parameter '" + w + "' of kind " + kind.name());
            }
        }
        // The kind's order of parameters would be surprising here: keep the file's order.
        return grid;
    }

    private void checkTags(Node node, String key) throws ExperimentFileException {
        if (!PLAIN_TAGS.contains(node.getTag())) {
            throw error(node, key, "tag " + node.getTag().getValue() + " is not allowed (plain YAML only)");
        }
        if (node instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                checkTags(n, key);
            }
        } else if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                checkTags(t.getKeyNode(), key);
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : key;
                checkTags(t.getValueNode(), key.equals("file") ? k : key + "." + k);
            }
        }
    }

    private LinkedHashMap<String, NodeTuple> keys(MappingNode map, String where) throws ExperimentFileException {
        LinkedHashMap<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw error(t.getKeyNode(), where, "keys must be plain words");
            }
            if (k.getValue().equals("<<")) {
                throw error(k, where, "merge keys (<<) are not allowed");
            }
            if (out.put(k.getValue(), t) != null) {
                throw error(k, where.equals("file") ? k.getValue() : where + "." + k.getValue(), "duplicate key");
            }
        }
        return out;
    }

    private Node required(LinkedHashMap<String, NodeTuple> keys, String key, Node parent)
            throws ExperimentFileException {
        return required(keys, key, parent, key);
    }

    private Node required(LinkedHashMap<String, NodeTuple> keys, String key, Node parent, String path)
            throws ExperimentFileException {
        NodeTuple t = keys.get(key);
        if (t == null) {
            throw error(parent, path, "missing");
        }
        return t.getValueNode();
    }

    private MappingNode mapping(Node node, String key) throws ExperimentFileException {
        if (!(node instanceof MappingNode m)) {
            throw error(node, key, "expected a mapping of keys to values");
        }
        return m;
    }

    private String scalar(Node node, String key) throws ExperimentFileException {
        if (!(node instanceof ScalarNode s) || node.getTag().equals(Tag.NULL)) {
            throw error(node, key, "expected a single value");
        }
        return s.getValue().strip();
    }

    private long integer(Node node, String key, long min, long max) throws ExperimentFileException {
        String text = scalar(node, key);
        long v;
        try {
            v = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(node, key, "expected an integer, got '" + text + "'");
        }
        if (v < min || v > max) {
            throw error(node, key, "must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    private ExperimentFileException error(Node node, String key, String problem) {
        int line = node == null || node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
        return new ExperimentFileException(file + ":" + line + ": " + key + ": " + problem);
    }
}
