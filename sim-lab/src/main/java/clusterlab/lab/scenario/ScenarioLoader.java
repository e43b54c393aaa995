package clusterlab.lab.scenario;

import clusterlab.lab.scenario.NodeReader.Fields;
import clusterlab.lab.scenario.Scenario.Expect;
import clusterlab.lab.scenario.Scenario.FaultKind;
import clusterlab.lab.scenario.Scenario.Machine;
import clusterlab.lab.scenario.Scenario.Network;
import clusterlab.lab.scenario.Scenario.Step;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a scenario file into a {@link Scenario}, checking everything that can be checked before
 * the run: the shape, the types, durations and sizes, regexes, machine names and which variables
 * exist when a command uses them. The first problem found ends the load with a one-line
 * {@link ScenarioException} naming the file, line, column and key path.
 */
public final class ScenarioLoader {
    private static final List<String> TOP_KEYS = List.of("name", "description", "seed", "machines", "network", "steps");
    private static final List<String> MACHINE_KEYS = List.of("name", "cores", "memory", "count", "from");
    private static final List<String> NETWORK_KEYS = List.of("subnet", "latency", "jitter", "loss");
    private static final List<String> STEP_KEYS =
            List.of("on", "run", "capture", "expect", "wait", "wait_until", "fault", "checkpoint");
    private static final List<String> CONDITION_KEYS = List.of("equals", "contains", "matches", "not_contains", "exit");
    private static final List<String> WAIT_UNTIL_KEYS =
            List.of("on", "run", "timeout", "every", "equals", "contains", "matches", "not_contains", "exit");
    private static final List<String> FAULT_KEYS =
            List.of("crash", "restart", "leave", "partition", "block", "heal", "loss", "latency");
    private static final List<String> BLOCK_KEYS = List.of("from", "to");
    private static final String STEP_FORMS = "on/run, wait, wait_until, fault, checkpoint";

    static final int MAX_MACHINES = 64;
    private static final int MAX_CORES = 256;
    private static final long DEFAULT_MEMORY = clusterlab.kernel.machine.Machine.STANDARD_MEMORY_BYTES;
    private static final long DEFAULT_TIMEOUT = 60_000_000_000L;
    private static final long DEFAULT_EVERY = 1_000_000_000L;

    private static final Pattern MACHINE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern SUBNET =
            Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private final NodeReader in;
    /** Machine names in file order, for "unknown machine" messages. */
    private final List<String> machineNames = new ArrayList<>();
    /** Variables captured so far, in name order, with the step that captured each. */
    private final Map<String, String> captured = new TreeMap<>();
    /** Checkpoint names already used, with their step. */
    private final Map<String, String> checkpoints = new LinkedHashMap<>();

    private ScenarioLoader(String file) {
        this.in = new NodeReader(file);
    }

    /**
     * Loads the scenario in {@code file} (UTF-8). Messages name the file as given.
     *
     * @throws ScenarioException when the file cannot be read or is not a valid scenario
     */
    public static Scenario load(Path file) {
        String name = file.toString();
        String text;
        try {
            // Refuse before reading what cannot be within the limit even at 4 bytes a code point.
            long bytes = Files.size(file);
            if (bytes > 4L * SafeYaml.MAX_CODE_POINTS) {
                throw new ScenarioException(name, 1, 1, "", "the file is too large: " + bytes
                        + " bytes (a scenario may have at most " + SafeYaml.MAX_CODE_POINTS + " characters)");
            }
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(name, 0, 0, "", "cannot read it: not UTF-8 text", e);
        } catch (IOException e) {
            throw new ScenarioException(name, 0, 0, "", "cannot read it: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        return parse(text, name);
    }

    /**
     * Reads a scenario from {@code text}; {@code fileName} is only used in messages.
     *
     * @throws ScenarioException when the text is not a valid scenario
     */
    public static Scenario parse(String text, String fileName) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Node root = SafeYaml.compose(body, fileName);
        if (root == null) {
            throw new ScenarioException(fileName, 1, 1, "", "the file is empty (a scenario needs name:, machines: and steps:)");
        }
        return new ScenarioLoader(fileName).scenario(root);
    }

    private static final List<String> LESSON_KEYS = List.of("lesson", "title", "intro", "setup", "steps", "quiz");
    private static final List<String> LESSON_STEP_KEYS = List.of("title", "text", "do", "check", "notice", "hints");
    private static final List<String> QUESTION_KEYS = List.of("question", "choices", "answer", "explanation");

    /**
     * Reads a lesson: {@code lesson}, {@code title}, {@code intro}, {@code setup} (a scenario's
     * name, seed, machines and network, and steps run before the lesson starts), {@code steps}
     * (each with {@code title}, {@code text}, {@code do}: scenario steps, {@code check}: one
     * scenario step, {@code notice}, {@code hints}) and {@code quiz}. Errors as for scenarios.
     */
    public static Lesson parseLesson(String text, String fileName) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Node root = SafeYaml.compose(body, fileName);
        if (root == null) {
            throw new ScenarioException(fileName, 1, 1, "", "the file is empty (a lesson needs lesson:, setup: and steps:)");
        }
        return new ScenarioLoader(fileName).lesson(root);
    }

    /** Loads a lesson file (UTF-8). */
    public static Lesson loadLesson(Path file) {
        try {
            return parseLesson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, 0, "", "cannot read it: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    private Lesson lesson(Node root) {
        if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            throw in.error(root, "", "a lesson must be a mapping with lesson:, setup: and steps:, was "
                    + NodeReader.describe(root));
        }
        Fields top = in.mapping(root, "", LESSON_KEYS);
        String id = in.string(top.require("lesson"), "lesson");
        String title = top.has("title") ? in.string(top.get("title"), "title") : id;
        String intro = top.has("intro") ? in.string(top.get("intro"), "intro") : "";
        Scenario setup = scenario(top.require("setup"));
        List<Lesson.LessonStep> steps = new ArrayList<>();
        List<Node> items = in.sequence(top.require("steps"), "steps");
        for (int i = 0; i < items.size(); i++) {
            String path = NodeReader.item("steps", i);
            Fields f = in.mapping(items.get(i), path, LESSON_STEP_KEYS);
            List<Step> actions = new ArrayList<>();
            if (f.has("do")) {
                List<Node> todo = in.sequence(f.get("do"), f.path("do"));
                for (int j = 0; j < todo.size(); j++) {
                    actions.add(step(todo.get(j), NodeReader.item(f.path("do"), j)));
                }
            }
            Step check = f.has("check") ? step(f.get("check"), f.path("check")) : null;
            List<String> hints = new ArrayList<>();
            if (f.has("hints")) {
                List<Node> h = in.sequence(f.get("hints"), f.path("hints"));
                for (int j = 0; j < h.size(); j++) {
                    hints.add(in.string(h.get(j), NodeReader.item(f.path("hints"), j)));
                }
            }
            steps.add(new Lesson.LessonStep(in.string(f.require("title"), f.path("title")),
                    f.has("text") ? in.string(f.get("text"), f.path("text")) : "", actions, check,
                    f.has("notice") ? in.string(f.get("notice"), f.path("notice")) : "", hints));
        }
        List<Lesson.Question> quiz = new ArrayList<>();
        if (top.has("quiz")) {
            List<Node> qs = in.sequence(top.get("quiz"), "quiz");
            for (int i = 0; i < qs.size(); i++) {
                String path = NodeReader.item("quiz", i);
                Fields q = in.mapping(qs.get(i), path, QUESTION_KEYS);
                List<String> choices = new ArrayList<>();
                List<Node> cs = in.sequence(q.require("choices"), q.path("choices"));
                for (int j = 0; j < cs.size(); j++) {
                    choices.add(in.string(cs.get(j), NodeReader.item(q.path("choices"), j)));
                }
                if (choices.size() < 2) {
                    throw in.error(q.get("choices"), q.path("choices"), "a question needs at least two choices");
                }
                int answer = (int) bounded(q.require("answer"), q.path("answer"), 0, choices.size() - 1);
                quiz.add(new Lesson.Question(in.string(q.require("question"), q.path("question")), choices, answer,
                        q.has("explanation") ? in.string(q.get("explanation"), q.path("explanation")) : ""));
            }
        }
        return new Lesson(id, title, intro, setup, steps, quiz);
    }

    private Scenario scenario(Node root) {
        if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            throw in.error(root, "", "a scenario must be a mapping with name:, machines: and steps:, was "
                    + NodeReader.describe(root));
        }
        Fields top = in.mapping(root, "", TOP_KEYS);
        String name = in.string(top.require("name"), "name");
        if (name.isBlank()) {
            throw in.error(top.get("name"), "name", "must not be empty");
        }
        String description = top.has("description") ? in.string(top.get("description"), "description") : "";
        long seed = top.has("seed") ? in.integer(top.get("seed"), "seed") : 1;
        List<Machine> machines = machines(top.require("machines"), "machines");
        Network network = top.has("network") ? network(top.get("network"), "network") : Network.DEFAULT;
        List<Step> steps = new ArrayList<>();
        if (top.has("steps")) {
            List<Node> items = in.sequence(top.get("steps"), "steps");
            for (int i = 0; i < items.size(); i++) {
                steps.add(step(items.get(i), NodeReader.item("steps", i)));
            }
        }
        return new Scenario(name, description, seed, machines, network, steps);
    }

    // ---- machines and network ----

    private List<Machine> machines(Node node, String path) {
        List<Node> items = in.sequence(node, path);
        if (items.isEmpty()) {
            throw in.error(node, path, "must list at least one machine");
        }
        List<Machine> machines = new ArrayList<>();
        Map<String, String> definedAt = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = NodeReader.item(path, i);
            Fields f = in.mapping(items.get(i), itemPath, MACHINE_KEYS);
            Node nameNode = f.require("name");
            String template = in.string(nameNode, f.path("name"));
            int cores = f.has("cores") ? (int) bounded(f.get("cores"), f.path("cores"), 1, MAX_CORES)
                    : clusterlab.kernel.machine.Machine.STANDARD_CORES;
            long memory = f.has("memory") ? in.size(f.get("memory"), f.path("memory")) : DEFAULT_MEMORY;
            long count = 1;
            long from = 1;
            if (f.has("count")) {
                // Checked before expanding, so count: 1000000000 costs nothing.
                count = bounded(f.get("count"), f.path("count"), 1, MAX_MACHINES);
                from = f.has("from") ? bounded(f.get("from"), f.path("from"), 0, 1_000_000) : 1;
                if (!template.contains("{i}")) {
                    throw in.error(nameNode, f.path("name"), "must contain {i} when count is given (e.g. \"node{i}\")");
                }
            } else if (f.has("from")) {
                throw in.error(f.get("from"), f.path("from"), "only makes sense with count");
            }
            if (machines.size() + count > MAX_MACHINES) {
                throw in.error(items.get(i), itemPath, "too many machines: a scenario may have at most " + MAX_MACHINES
                        + ", this entry brings it to " + (machines.size() + count));
            }
            for (long k = from; k < from + count; k++) {
                String name = template.replace("{i}", Long.toString(k));
                if (!MACHINE_NAME.matcher(name).matches() || name.length() > 63) {
                    throw in.error(nameNode, f.path("name"), "invalid machine name \"" + NodeReader.clip(name)
                            + "\" (lower-case letters, digits and -, starting with a letter, at most 63)");
                }
                String earlier = definedAt.putIfAbsent(name, itemPath);
                if (earlier != null) {
                    throw in.error(nameNode, f.path("name"), "duplicate machine name \"" + name + "\" (also "
                            + earlier + ")");
                }
                machineNames.add(name);
                machines.add(new Machine(name, cores, memory));
            }
        }
        return machines;
    }

    private Network network(Node node, String path) {
        Fields f = in.mapping(node, path, NETWORK_KEYS);
        Network d = Network.DEFAULT;
        String subnet = d.subnet();
        if (f.has("subnet")) {
            subnet = in.string(f.get("subnet"), f.path("subnet"));
            if (!validSubnet(subnet)) {
                throw in.error(f.get("subnet"), f.path("subnet"), "invalid subnet \"" + NodeReader.clip(subnet)
                        + "\" (write an IPv4 CIDR like 192.168.0.0/24)");
            }
        }
        long latency = f.has("latency") ? in.duration(f.get("latency"), f.path("latency")) : d.latencyNanos();
        long jitter = f.has("jitter") ? in.duration(f.get("jitter"), f.path("jitter")) : d.jitterNanos();
        double loss = f.has("loss") ? probability(f.get("loss"), f.path("loss")) : d.loss();
        return new Network(subnet, latency, jitter, loss);
    }

    private static boolean validSubnet(String text) {
        Matcher m = SUBNET.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return false;
            }
        }
        return Integer.parseInt(m.group(5)) <= 32;
    }

    // ---- steps ----

    private Step step(Node node, String path) {
        Fields f = in.mapping(node, path, STEP_KEYS);
        int line = node.getStartMark().getLine() + 1;
        boolean run = f.has("on") || f.has("run") || f.has("capture") || f.has("expect");
        int forms = (run ? 1 : 0) + (f.has("wait") ? 1 : 0) + (f.has("wait_until") ? 1 : 0)
                + (f.has("fault") ? 1 : 0) + (f.has("checkpoint") ? 1 : 0);
        if (forms != 1) {
            throw in.error(node, path, "a step needs exactly one of " + STEP_FORMS);
        }
        if (run) {
            return runStep(f, line);
        }
        if (f.has("wait")) {
            return new Step.Wait(line, in.duration(f.get("wait"), f.path("wait")));
        }
        if (f.has("wait_until")) {
            return waitUntil(f.get("wait_until"), f.path("wait_until"), line);
        }
        if (f.has("fault")) {
            return new Step.Fault(line, fault(f.get("fault"), f.path("fault")));
        }
        Node nameNode = f.get("checkpoint");
        String name = in.string(nameNode, f.path("checkpoint"));
        if (name.isBlank()) {
            throw in.error(nameNode, f.path("checkpoint"), "must not be empty");
        }
        String earlier = checkpoints.putIfAbsent(name, path);
        if (earlier != null) {
            throw in.error(nameNode, f.path("checkpoint"), "duplicate checkpoint \"" + NodeReader.clip(name)
                    + "\" (also " + earlier + ")");
        }
        return new Step.Checkpoint(line, name);
    }

    private Step runStep(Fields f, int line) {
        String on = machine(f.require("on"), f.path("on"));
        String command = command(f.require("run"), f.path("run"));
        Expect expect = f.has("expect") ? expect(in.mapping(f.get("expect"), f.path("expect"), CONDITION_KEYS), true)
                : new Expect(null, null, null, null, null);
        Map<String, String> capture = new LinkedHashMap<>();
        if (f.has("capture")) {
            // Recorded only after the command is checked: a step cannot use what it captures itself.
            Node captureNode = f.get("capture");
            Fields c = in.mapping(captureNode, f.path("capture"), null);
            for (String variable : c.keys()) {
                String varPath = c.path(variable);
                if (!VARIABLE.matcher(variable).matches()) {
                    throw in.error(c.keyNode(variable), varPath, "invalid variable name (letters, digits and _, not starting with a digit)");
                }
                capture.put(variable, regex(c.get(variable), varPath));
                captured.putIfAbsent(variable, f.path());
            }
        }
        return new Step.Run(line, on, command, capture, expect);
    }

    private Step waitUntil(Node node, String path, int line) {
        Fields f = in.mapping(node, path, WAIT_UNTIL_KEYS);
        String on = machine(f.require("on"), f.path("on"));
        String command = command(f.require("run"), f.path("run"));
        Expect until = expect(f, false);
        if (until.isEmpty()) {
            throw in.error(node, path, "needs a condition: one of " + String.join(", ", CONDITION_KEYS));
        }
        long timeout = f.has("timeout") ? positiveDuration(f.get("timeout"), f.path("timeout")) : DEFAULT_TIMEOUT;
        long every = f.has("every") ? positiveDuration(f.get("every"), f.path("every")) : DEFAULT_EVERY;
        if (every > timeout) {
            throw in.error(f.has("every") ? f.get("every") : node, f.path("every"),
                    "must not be longer than the timeout (" + clusterlab.kernel.Time.format(timeout) + ")");
        }
        return new Step.WaitUntil(line, on, command, until, timeout, every);
    }

    /** The condition keys of {@code f} (an {@code expect:} mapping or a {@code wait_until:} one). */
    private Expect expect(Fields f, boolean needsOne) {
        String equals = f.has("equals") ? in.string(f.get("equals"), f.path("equals")) : null;
        String contains = f.has("contains") ? in.string(f.get("contains"), f.path("contains")) : null;
        String matches = f.has("matches") ? regex(f.get("matches"), f.path("matches")) : null;
        String notContains = f.has("not_contains") ? in.string(f.get("not_contains"), f.path("not_contains")) : null;
        Integer exit = f.has("exit") ? (int) bounded(f.get("exit"), f.path("exit"), 0, 255) : null;
        Expect expect = new Expect(equals, contains, matches, notContains, exit);
        if (expect.isEmpty() && needsOne) {
            throw in.error(f.node(), f.path(), "needs at least one of " + String.join(", ", CONDITION_KEYS));
        }
        return expect;
    }

    // ---- faults ----

    private FaultKind fault(Node node, String path) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL)) {
            String word = scalar.getValue();
            if (word.equals("heal")) {
                return new FaultKind.Heal();
            }
            throw in.error(node, path, "must be heal or a mapping such as {crash: node2} ("
                    + NodeReader.suggest(word, FAULT_KEYS) + ")");
        }
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            throw in.error(node, path, "must be heal or a mapping such as {crash: node2}, was " + NodeReader.describe(node));
        }
        Fields f = in.mapping(node, path, FAULT_KEYS);
        if (f.keys().size() != 1) {
            throw in.error(node, path, "a fault needs exactly one of " + String.join(", ", FAULT_KEYS));
        }
        String kind = f.keys().get(0);
        Node value = f.get(kind);
        String valuePath = f.path(kind);
        return switch (kind) {
            case "crash" -> new FaultKind.Crash(machine(value, valuePath));
            case "restart" -> new FaultKind.Restart(machine(value, valuePath));
            case "leave" -> new FaultKind.Leave(machine(value, valuePath));
            case "partition" -> partition(value, valuePath);
            case "block" -> block(value, valuePath);
            case "heal" -> {
                if (!in.bool(value, valuePath)) {
                    throw in.error(value, valuePath, "must be true (or write fault: heal)");
                }
                yield new FaultKind.Heal();
            }
            case "loss" -> new FaultKind.Loss(probability(value, valuePath));
            case "latency" -> new FaultKind.Latency(in.duration(value, valuePath));
            default -> throw new IllegalStateException("fault key list and switch disagree: " + kind);
        };
    }

    private FaultKind partition(Node node, String path) {
        List<Node> groupNodes = in.sequence(node, path);
        if (groupNodes.size() < 2) {
            throw in.error(node, path, "needs at least two groups, e.g. [[node1], [node2, node3]]");
        }
        List<List<String>> groups = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (int g = 0; g < groupNodes.size(); g++) {
            String groupPath = NodeReader.item(path, g);
            List<Node> members = in.sequence(groupNodes.get(g), groupPath);
            if (members.isEmpty()) {
                throw in.error(groupNodes.get(g), groupPath, "a group needs at least one machine");
            }
            List<String> group = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                String memberPath = NodeReader.item(groupPath, m);
                String name = machine(members.get(m), memberPath);
                String earlier = seen.putIfAbsent(name, memberPath);
                if (earlier != null) {
                    throw in.error(members.get(m), memberPath, "\"" + name + "\" is already in " + earlier);
                }
                group.add(name);
            }
            groups.add(List.copyOf(group));
        }
        return new FaultKind.Partition(List.copyOf(groups));
    }

    private FaultKind block(Node node, String path) {
        Fields f = in.mapping(node, path, BLOCK_KEYS);
        String from = machine(f.require("from"), f.path("from"));
        String to = machine(f.require("to"), f.path("to"));
        if (from.equals(to)) {
            throw in.error(f.get("to"), f.path("to"), "must differ from from (" + from + ")");
        }
        return new FaultKind.Block(from, to);
    }

    // ---- values ----

    /** A machine this scenario defines. */
    private String machine(Node node, String path) {
        String name = in.string(node, path);
        if (!machineNames.contains(name)) {
            List<String> shown = machineNames.size() <= 10 ? machineNames : machineNames.subList(0, 10);
            String more = machineNames.size() <= 10 ? "" : ", ... " + machineNames.size() + " in all";
            throw in.error(node, path, "unknown machine \"" + NodeReader.clip(name) + "\" (machines: "
                    + String.join(", ", shown) + more + ")");
        }
        return name;
    }

    /** A command line whose {@code ${VAR}} references all name variables captured by earlier steps. */
    private String command(Node node, String path) {
        String command = in.string(node, path);
        if (command.isBlank()) {
            throw in.error(node, path, "must not be empty");
        }
        Matcher m = REFERENCE.matcher(command);
        while (m.find()) {
            String variable = m.group(1);
            if (!VARIABLE.matcher(variable).matches()) {
                throw in.error(node, path, "invalid variable reference \"${" + NodeReader.clip(variable) + "}\"");
            }
            if (!captured.containsKey(variable)) {
                throw in.error(node, path, "${" + variable + "} is not captured by an earlier step ("
                        + (captured.isEmpty() ? "no step captures anything before this one"
                        : "captured so far: " + String.join(", ", captured.keySet())) + ")");
            }
        }
        if (REFERENCE.matcher(command).replaceAll("").contains("${")) {
            throw in.error(node, path, "unclosed \"${\" (write ${NAME})");
        }
        return command;
    }

    /** A Java regex, compiled now so that a bad one is reported before the run. */
    private String regex(Node node, String path) {
        String regex = in.string(node, path);
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw in.error(node, path, "invalid regex: " + e.getDescription() + " near index " + e.getIndex()
                    + " of \"" + NodeReader.clip(regex) + "\"");
        }
        return regex;
    }

    private double probability(Node node, String path) {
        double p = in.number(node, path);
        if (!(p >= 0 && p <= 1)) {
            throw in.error(node, path, "must be between 0 and 1, was " + ((ScalarNode) node).getValue());
        }
        return p;
    }

    private long bounded(Node node, String path, long min, long max) {
        long value = in.integer(node, path);
        if (value < min || value > max) {
            throw in.error(node, path, "must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private long positiveDuration(Node node, String path) {
        long nanos = in.duration(node, path);
        if (nanos <= 0) {
            throw in.error(node, path, "must be longer than 0");
        }
        return nanos;
    }
}
