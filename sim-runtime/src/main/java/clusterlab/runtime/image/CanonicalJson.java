package clusterlab.runtime.image;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for content-addressed documents (image configs, manifests): the caller
 * fixes the key order, so the same content always serializes to the same bytes.
 * Values: String, Long/Integer, Boolean, null, List, and Map (iterated in its own order, so
 * callers pass LinkedHashMap or TreeMap).
 */
public final class CanonicalJson {
    private CanonicalJson() {}

    /** Compact form, no whitespace. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, null, 0);
        return sb.toString();
    }

    /** Indented like Go's {@code json.MarshalIndent(v, "", indent)}. */
    public static String writeIndented(Object value, String indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, String indent, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, indent, depth + 1);
                write(sb, list.get(i), indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent, depth + 1);
                quote(sb, String.valueOf(e.getKey()));
                sb.append(indent == null ? ":" : ": ");
                write(sb, e.getValue(), indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
        }
    }

    private static void newline(StringBuilder sb, String indent, int depth) {
        if (indent != null) {
            sb.append('\n');
            sb.append(indent.repeat(depth));
        }
    }

    /** Go's encoding/json escaping, including its HTML-safe escapes of {@code < > &}. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
