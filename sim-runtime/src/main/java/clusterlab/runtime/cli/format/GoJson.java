package clusterlab.runtime.cli.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's encoding/json output for the value shapes the simulator uses: null, String,
 * Boolean, integers, doubles, BigDecimal/BigInteger (as json.Number), List, arrays,
 * Map and {@link GoStruct}. Anything else is written as its toString() string.
 *
 * <p>Go sorts the keys of a map but keeps a struct's field order, so plain maps are
 * written sorted (by UTF-8 bytes) only when {@code sortMaps} is set; docker's inspect
 * data are structs, so {@link DockerJson} keeps the caller's order.
 */
final class GoJson {

    private static final String HEX = "0123456789abcdef";
    /** Nesting limit: deeper values are almost certainly cyclic. */
    private static final int MAX_DEPTH = 1000;

    private final boolean escapeHtml;
    private final boolean sortMaps;
    private final String indent;
    private final StringBuilder out = new StringBuilder();

    private GoJson(boolean escapeHtml, boolean sortMaps, String indent) {
        this.escapeHtml = escapeHtml;
        this.sortMaps = sortMaps;
        this.indent = indent;
    }

    /** json.Marshal (indent null) or json.MarshalIndent(v, "", indent). */
    static String encode(Object value, boolean escapeHtml, boolean sortMaps, String indent) {
        GoJson json = new GoJson(escapeHtml, sortMaps, indent);
        json.value(value, 0);
        return json.out.toString();
    }

    private void value(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("json: unsupported value: nesting deeper than " + MAX_DEPTH);
        }
        if (v == null || v == GoValues.MISSING) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v instanceof Double || v instanceof Float) {
            out.append(GoFloat.formatJson(((Number) v).doubleValue()));
        } else if (v instanceof BigDecimal d) {
            out.append(d.toString());
        } else if (v instanceof Number n && (n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte || n instanceof BigInteger)) {
            out.append(n.toString());
        } else if (v instanceof GoStruct s) {
            object(new ArrayList<>(s.fields().entrySet()), depth);
        } else if (v instanceof Map<?, ?> m) {
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entries.add(Map.entry(String.valueOf(e.getKey()), e.getValue() == null ? GoValues.NULL : e.getValue()));
            }
            if (sortMaps) {
                entries.sort((a, b) -> GoValues.compareStrings(a.getKey(), b.getKey()));
            }
            object(entries, depth);
        } else if (v instanceof List<?> list) {
            array(list, depth);
        } else if (v instanceof Object[] array) {
            array(List.of(array), depth);
        } else {
            string(v.toString());
        }
    }

    private void object(List<? extends Map.Entry<String, ?>> entries, int depth) {
        if (entries.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            string(entries.get(i).getKey());
            out.append(indent == null ? ":" : ": ");
            Object value = entries.get(i).getValue();
            value(value == GoValues.NULL ? null : value, depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            value(list.get(i), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        if (indent == null) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append(indent);
        }
    }

    /** encoding/json's string escaping (Go 1.22+: \b and \f have short forms). */
    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&' -> {
                    if (escapeHtml) {
                        unicodeEscape(c);
                    } else {
                        out.append(c);
                    }
                }
                case '\u2028', '\u2029' -> unicodeEscape(c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(i + 1));
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        // Invalid UTF-8 in Go becomes the replacement character.
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(HEX.charAt((c >> shift) & 0xF));
        }
    }
}
