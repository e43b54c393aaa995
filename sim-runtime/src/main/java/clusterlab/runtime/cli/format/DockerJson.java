package clusterlab.runtime.cli.format;

import java.util.List;

/**
 * JSON the way docker prints it. {@code inspect} re-indents the daemon's JSON, which Go
 * encoded with HTML escaping on ({@code <} is {@code \u003c}), by 4 spaces; the
 * {@code json} template function and {@code --format json} use an encoder with HTML
 * escaping off. Keys keep the caller's order (use LinkedHashMap), as Go keeps a
 * struct's field order.
 *
 * <p>Trailing newlines: {@link #indent} and {@link #compact} return none;
 * {@link #inspect} returns the whole command output, which ends with one.
 */
public final class DockerJson {

    private DockerJson() {
    }

    /** json.MarshalIndent(v, "", "    "), HTML-escaped, no trailing newline. */
    public static String indent(Object value) {
        return GoJson.encode(value, true, false, "    ");
    }

    /** json.Marshal(v), HTML-escaped, no trailing newline. */
    public static String compact(Object value) {
        return GoJson.encode(value, true, false, null);
    }

    /** The output of {@code docker inspect} without --format: "[]\n" when nothing matched. */
    public static String inspect(List<?> elements) {
        return indent(elements) + "\n";
    }
}
