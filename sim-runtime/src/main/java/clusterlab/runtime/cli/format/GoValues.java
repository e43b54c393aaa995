package clusterlab.runtime.cli.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How Java values stand in for Go values inside templates: their Go type names (for
 * error messages), how fmt prints them, and how text/template judges their truth.
 */
final class GoValues {

    /** An invalid reflect.Value: what a missing map key yields; prints as "<no value>". */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    /** A nil interface stored in a map (Java null), where null itself cannot be stored. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "<nil>";
        }
    };

    private GoValues() {
    }

    static boolean isInteger(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
    }

    /** The Go type a value stands for. */
    static String typeName(Object v) {
        if (v == null) {
            return "interface {}";
        } else if (v instanceof String) {
            return "string";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (isInteger(v)) {
            return "int";
        } else if (isFloat(v)) {
            return "float64";
        } else if (v instanceof GoStruct s) {
            return s.typeName();
        } else if (v instanceof Map<?, ?>) {
            return "map[string]interface {}";
        } else if (v instanceof List<?> list) {
            return allStrings(list) ? "[]string" : "[]interface {}";
        } else if (v instanceof TemplateMethod) {
            return "func(...interface {}) interface {}";
        }
        return "string";
    }

    /** A list of strings stands for Go's []string (what join takes and split returns). */
    static boolean allStrings(List<?> list) {
        for (Object o : list) {
            if (!(o instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** fmt.Sprint of a value, as a template action prints it. */
    static String print(Object v) {
        if (v == MISSING) {
            return "<no value>";
        }
        StringBuilder out = new StringBuilder();
        printTo(out, v, 0);
        return out.toString();
    }

    private static void printTo(StringBuilder out, Object v, int depth) {
        if (depth > 100) {
            out.append("...");
            return;
        }
        if (v == null || v == NULL || v == MISSING) {
            out.append("<nil>");
        } else if (v instanceof String s) {
            out.append(s);
        } else if (v instanceof Double || v instanceof Float) {
            out.append(GoFloat.formatG(((Number) v).doubleValue(), -1));
        } else if (v instanceof BigDecimal d) {
            out.append(GoFloat.formatG(d.doubleValue(), -1));
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                printTo(out, list.get(i), depth + 1);
            }
            out.append(']');
        } else if (v instanceof GoStruct s) {
            out.append('{');
            int i = 0;
            for (Object field : s.fields().values()) {
                if (i++ > 0) {
                    out.append(' ');
                }
                printTo(out, field, depth + 1);
            }
            out.append('}');
        } else if (v instanceof Map<?, ?> m) {
            out.append("map[");
            int i = 0;
            for (String key : sortedKeys(m)) {
                if (i++ > 0) {
                    out.append(' ');
                }
                out.append(key).append(':');
                printTo(out, m.get(key), depth + 1);
            }
            out.append(']');
        } else {
            out.append(v);
        }
    }

    /** Map keys in Go's order (byte-wise UTF-8 = code point order). */
    static List<String> sortedKeys(Map<?, ?> m) {
        List<String> keys = new ArrayList<>();
        for (Object k : m.keySet()) {
            keys.add(String.valueOf(k));
        }
        keys.sort(GoValues::compareStrings);
        return keys;
    }

    /** Go's string comparison: by UTF-8 bytes, i.e. by code points. */
    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** text/template's isTrue; null means "not a truth value". */
    static Boolean truth(Object v) {
        if (v == null || v == MISSING || v == NULL) {
            return false;
        } else if (v instanceof String s) {
            return !s.isEmpty();
        } else if (v instanceof Boolean b) {
            return b;
        } else if (isInteger(v)) {
            return ((Number) v).longValue() != 0 || (v instanceof BigInteger bi && bi.signum() != 0);
        } else if (isFloat(v)) {
            return ((Number) v).doubleValue() != 0;
        } else if (v instanceof List<?> list) {
            return !list.isEmpty();
        } else if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        } else if (v instanceof GoStruct) {
            return true;
        }
        return true;
    }
}
