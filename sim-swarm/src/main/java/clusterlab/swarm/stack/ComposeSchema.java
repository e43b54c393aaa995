package clusterlab.swarm.stack;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * docker/cli's Compose JSON schemas (config_schema_v3.0 … v3.7, the ones docker 18.09 ships) as a
 * small tree, and a validator that reports the one error docker prints. docker validates with
 * gojsonschema and keeps the "most specific" error (the one whose field has the most dot-separated
 * parts; on a tie an invalid-type error beats the others), printed as {@code FIELD DESCRIPTION}.
 * With the gojsonschema docker 18.09 vendored, the field of an additional-property or required
 * error is the property's own name, hence {@code foo Additional property foo is not allowed}.
 */
final class ComposeSchema {
    private ComposeSchema() {
    }

    /** The schema versions docker 18.09 knows (3.0 to 3.7), as minor numbers of major 3. */
    static final int MIN_MINOR = 0, MAX_MINOR = 7;

    /** A schema node; {@code since} is the 3.x minor version that introduced the property. */
    sealed interface Node permits Leaf, Obj, Arr, OneOf {
    }

    /** A value of one of {@code types} (JSON type names), with an optional format or enum. */
    record Leaf(List<String> types, String format, List<String> allowed) implements Node {
    }

    /** A mapping: known properties, and (when {@code patternValue} is set) any key matching it. */
    record Obj(List<String> types, Map<String, Prop> props, Pattern keyPattern, Node patternValue, boolean closed,
            boolean extensions, List<String> required) implements Node {
    }

    record Prop(Node node, int since) {
    }

    record Arr(Node items) implements Node {
    }

    record OneOf(List<Node> alternatives) implements Node {
    }

    /** One schema error: gojsonschema's field, error type and description. */
    record Error(String field, String type, String description) {
        String message() {
            return field + " " + description;
        }

        int specificity() {
            return field.split("\\.", -1).length;
        }
    }

    // ---- the schema --------------------------------------------------------------------------

    private static Leaf leaf(String... types) {
        return new Leaf(List.of(types), null, List.of());
    }

    private static final Leaf STRING = leaf("string"), INTEGER = leaf("integer"), NUMBER = leaf("number"),
            BOOLEAN = leaf("boolean"), ANY_OBJECT = leaf("object");
    private static final Leaf DURATION = new Leaf(List.of("string"), "duration", List.of());
    private static final Arr LIST_OF_STRINGS = new Arr(STRING);
    private static final OneOf STRING_OR_LIST = new OneOf(List.of(STRING, LIST_OF_STRINGS));
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9._-]+$");
    private static final OneOf LIST_OR_DICT = new OneOf(List.of(
            new Obj(List.of("object"), Map.of(), Pattern.compile(".+"), leaf("string", "number", "null"), true, false,
                    List.of()),
            LIST_OF_STRINGS));

    private static final class ObjBuilder {
        final Map<String, Prop> props = new LinkedHashMap<>();
        List<String> types = List.of("object");
        boolean extensions;
        List<String> required = List.of();

        ObjBuilder p(String name, Node node) {
            return p(name, node, 0);
        }

        ObjBuilder p(String name, Node node, int since) {
            props.put(name, new Prop(node, since));
            return this;
        }

        Obj closed() {
            return new Obj(types, props, null, null, true, extensions, required);
        }

        Obj open() {
            return new Obj(types, props, null, null, false, extensions, required);
        }
    }

    private static ObjBuilder obj() {
        return new ObjBuilder();
    }

    private static Obj namedMap(Node value) {
        return new Obj(List.of("object"), Map.of(), NAME, value, true, false, List.of());
    }

    private static Obj updateConfig() {
        return obj().p("parallelism", INTEGER).p("delay", DURATION).p("failure_action", STRING)
                .p("monitor", DURATION).p("max_failure_ratio", NUMBER)
                .p("order", new Leaf(List.of("string"), null, List.of("start-first", "stop-first")), 4).closed();
    }

    private static Obj deployment() {
        ObjBuilder limits = obj().p("cpus", STRING).p("memory", STRING);
        ObjBuilder reservations = obj().p("cpus", STRING).p("memory", STRING)
                .p("generic_resources", new Arr(ANY_OBJECT), 5);
        ObjBuilder d = obj().p("mode", STRING).p("endpoint_mode", STRING, 2).p("replicas", INTEGER)
                .p("labels", LIST_OR_DICT).p("rollback_config", updateConfig(), 7).p("update_config", updateConfig())
                .p("resources", obj().p("limits", limits.closed()).p("reservations", reservations.closed()).closed())
                .p("restart_policy", obj().p("condition", STRING).p("delay", DURATION).p("max_attempts", INTEGER)
                        .p("window", DURATION).closed())
                .p("placement", obj().p("constraints", LIST_OF_STRINGS)
                        .p("preferences", new Arr(obj().p("spread", STRING).closed()), 3).closed());
        d.types = List.of("object", "null");
        return d.closed();
    }

    /** Ports and volumes got their long (mapping) syntax in 3.2. */
    private static Node ports(int minor) {
        if (minor < 2) {
            return new Arr(leaf("string", "number"));
        }
        Obj longForm = obj().p("mode", STRING).p("target", INTEGER).p("published", INTEGER).p("protocol", STRING)
                .closed();
        return new Arr(new OneOf(List.of(NUMBER, STRING, longForm)));
    }

    private static Node volumes(int minor) {
        if (minor < 2) {
            return new Arr(STRING);
        }
        ObjBuilder longForm = obj().p("type", STRING).p("source", STRING).p("target", STRING).p("read_only", BOOLEAN)
                .p("consistency", STRING).p("bind", ANY_OBJECT).p("volume", ANY_OBJECT).p("tmpfs", ANY_OBJECT, 6);
        longForm.required = List.of("type");
        return new Arr(new OneOf(List.of(STRING, longForm.closed())));
    }

    private static Obj service(int minor) {
        OneOf shellCommand = new OneOf(List.of(STRING, LIST_OF_STRINGS));
        OneOf fileRefs = new OneOf(List.of(STRING, obj().p("source", STRING).p("target", STRING).p("uid", STRING)
                .p("gid", STRING).p("mode", NUMBER).open()));
        ObjBuilder s = obj().p("deploy", deployment()).p("build", new OneOf(List.of(STRING, ANY_OBJECT)))
                .p("cap_add", LIST_OF_STRINGS).p("cap_drop", LIST_OF_STRINGS).p("cgroup_parent", STRING)
                .p("command", shellCommand).p("configs", new Arr(fileRefs), 3).p("container_name", STRING)
                .p("credential_spec", ANY_OBJECT, 3).p("depends_on", LIST_OF_STRINGS).p("devices", LIST_OF_STRINGS)
                .p("dns", STRING_OR_LIST).p("dns_search", STRING_OR_LIST).p("domainname", STRING)
                .p("entrypoint", shellCommand).p("env_file", STRING_OR_LIST).p("environment", LIST_OR_DICT)
                .p("expose", new Arr(leaf("string", "number"))).p("external_links", LIST_OF_STRINGS)
                .p("extra_hosts", LIST_OR_DICT).p("healthcheck", ANY_OBJECT).p("hostname", STRING).p("image", STRING)
                .p("init", BOOLEAN, 7).p("ipc", STRING).p("isolation", STRING, 5).p("labels", LIST_OR_DICT)
                .p("links", LIST_OF_STRINGS).p("logging", ANY_OBJECT).p("mac_address", STRING)
                .p("network_mode", STRING).p("networks", new OneOf(List.of(LIST_OF_STRINGS, ANY_OBJECT)))
                .p("pid", leaf("string", "null")).p("ports", ports(minor)).p("privileged", BOOLEAN)
                .p("read_only", BOOLEAN).p("restart", STRING).p("security_opt", LIST_OF_STRINGS)
                .p("shm_size", leaf("number", "string")).p("secrets", new Arr(fileRefs), 1)
                .p("sysctls", LIST_OR_DICT).p("stdin_open", BOOLEAN).p("stop_grace_period", DURATION)
                .p("stop_signal", STRING).p("tmpfs", STRING_OR_LIST).p("tty", BOOLEAN).p("ulimits", ANY_OBJECT)
                .p("user", STRING).p("userns_mode", STRING).p("volumes", volumes(minor)).p("working_dir", STRING);
        s.extensions = minor >= 4;
        return s.closed();
    }

    /** The whole-file schema of version 3.{@code minor}. */
    static Obj file(int minor) {
        ObjBuilder top = obj().p("version", STRING).p("services", namedMap(service(minor)))
                .p("networks", new Obj(List.of("object"), Map.of(), NAME, leaf("object", "null"), false, false,
                        List.of()))
                .p("volumes", namedMap(leaf("object", "null")))
                .p("secrets", namedMap(ANY_OBJECT), 1).p("configs", namedMap(ANY_OBJECT), 3);
        top.extensions = minor >= 4;
        return top.closed();
    }

    // ---- validation -------------------------------------------------------------------------

    /** The error docker prints for {@code document} against version 3.{@code minor}, or null. */
    static String validate(Map<String, Object> document, int minor) {
        List<Error> errors = new ArrayList<>();
        check(document, file(minor), "(root)", minor, errors);
        if (errors.isEmpty()) {
            return null;
        }
        Error best = errors.get(0);
        for (Error e : errors) {
            if (e.specificity() > best.specificity()
                    || e.specificity() == best.specificity() && e.type().equals("invalid_type")
                            && !best.type().equals("invalid_type")) {
                best = e;
            }
        }
        return best.message();
    }

    private static String field(String context) {
        return context.startsWith("(root).") ? context.substring("(root).".length()) : context;
    }

    static void check(Object value, Node node, String context, int minor, List<Error> out) {
        if (node instanceof Leaf leaf) {
            checkLeaf(value, leaf, context, out);
        } else if (node instanceof Arr arr) {
            if (!(value instanceof List<?> list)) {
                out.add(typeError(context, List.of("array")));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), arr.items(), context + "." + i, minor, out);
            }
        } else if (node instanceof Obj obj) {
            checkObj(value, obj, context, minor, out);
        } else {
            checkOneOf(value, (OneOf) node, context, minor, out);
        }
    }

    private static void checkLeaf(Object value, Leaf leaf, String context, List<Error> out) {
        if (!matchesType(value, leaf.types())) {
            out.add(typeError(context, leaf.types()));
            return;
        }
        if ("duration".equals(leaf.format()) && value instanceof String s && !isDuration(s)) {
            out.add(new Error(field(context), "format", "Does not match format 'duration'"));
        }
        if (!leaf.allowed().isEmpty() && !leaf.allowed().contains(String.valueOf(value))) {
            List<String> quoted = leaf.allowed().stream().map(a -> "\"" + a + "\"").toList();
            out.add(new Error(field(context), "enum", "must be one of the following: " + String.join(", ", quoted)));
        }
    }

    private static void checkObj(Object value, Obj obj, String context, int minor, List<Error> out) {
        if (!(value instanceof Map<?, ?> map)) {
            if (!(value == null && obj.types().contains("null"))) {
                out.add(typeError(context, obj.types()));
            }
            return;
        }
        for (String req : obj.required()) {
            if (!map.containsKey(req)) {
                out.add(new Error(req, "required", req + " is required"));
            }
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Prop prop = obj.props().get(key);
            if (prop != null && prop.since() <= minor) {
                check(entry.getValue(), prop.node(), context + "." + key, minor, out);
            } else if (obj.keyPattern() != null && obj.keyPattern().matcher(key).find()) {
                check(entry.getValue(), obj.patternValue(), context + "." + key, minor, out);
            } else if (obj.extensions() && key.startsWith("x-")) {
                continue; // extension fields ("x-…") are free-form from 3.4 on
            } else if (obj.closed()) {
                out.add(new Error(key, "additional_property_not_allowed", "Additional property " + key
                        + " is not allowed"));
            }
        }
    }

    /**
     * gojsonschema reports a failed oneOf at the value's own field, followed by the errors of the
     * closest alternative (here: the first one of the value's type, else the first one); docker
     * then prints the oneOf's field with that first child's description unless a child is more
     * specific (or ties as a type error).
     */
    private static void checkOneOf(Object value, OneOf oneOf, String context, int minor, List<Error> out) {
        List<Error> closest = null;
        boolean closestOfValueType = false;
        int valid = 0;
        for (Node alternative : oneOf.alternatives()) {
            List<Error> errs = new ArrayList<>();
            check(value, alternative, context, minor, errs);
            boolean ofValueType = typeMatches(value, alternative);
            if (errs.isEmpty()) {
                valid++;
            } else if (closest == null || ofValueType && !closestOfValueType) {
                closest = errs;
                closestOfValueType = ofValueType;
            }
        }
        if (valid == 1) {
            return;
        }
        if (valid > 1 || closest == null) {
            out.add(new Error(field(context), "number_one_of", "Must validate one and only one schema (oneOf)"));
            return;
        }
        out.add(new Error(field(context), "number_one_of", closest.get(0).description()));
        out.addAll(closest);
    }

    private static boolean typeMatches(Object value, Node node) {
        if (node instanceof Leaf leaf) {
            return matchesType(value, leaf.types());
        } else if (node instanceof Obj obj) {
            return value instanceof Map || value == null && obj.types().contains("null");
        } else if (node instanceof Arr) {
            return value instanceof List;
        }
        return ((OneOf) node).alternatives().stream().anyMatch(a -> typeMatches(value, a));
    }

    private static Error typeError(String context, List<String> expected) {
        return new Error(field(context), "invalid_type", "must be a " + humanReadable(expected));
    }

    /** docker's humanReadableType: object is a mapping, array a list; "a, b or c". */
    static String humanReadable(List<String> types) {
        List<String> names = types.stream().map(t -> switch (t) {
            case "object" -> "mapping";
            case "array" -> "list";
            default -> t;
        }).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The JSON type of a value SnakeYAML's SafeConstructor built. */
    static String jsonType(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "integer";
        } else if (value instanceof Number) {
            return "number";
        } else if (value instanceof Map) {
            return "object";
        } else if (value instanceof List) {
            return "array";
        }
        return "string";
    }

    private static boolean matchesType(Object value, List<String> types) {
        String actual = jsonType(value);
        if (types.contains(actual)) {
            return true;
        }
        if (actual.equals("integer") && types.contains("number")) {
            return true;
        }
        // JSON schema integers are numbers without a fractional part.
        return actual.equals("number") && types.contains("integer") && value instanceof Double d
                && d == Math.rint(d) && !d.isInfinite();
    }

    private static boolean isDuration(String text) {
        try {
            clusterlab.runtime.cli.args.GoValues.parseDuration(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
