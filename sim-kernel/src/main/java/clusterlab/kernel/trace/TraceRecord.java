package clusterlab.kernel.trace;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One thing that happened: when (virtual time), where (machine), in what (component), what kind,
 * and its fields. Fields are kept sorted by name so a record has exactly one canonical form.
 *
 * <p>Field values are strings, integers (int or long), booleans, null, or lists of those.
 * Floating-point values are refused: their decimal text is not the same on every JVM version,
 * and the trace must be byte-identical everywhere. Scale them to integer units instead
 * ({@code latencyNanos}, {@code lossPerMillion}).
 */
public record TraceRecord(long time, String machine, String component, String kind, SortedMap<String, Object> fields) {

    public TraceRecord {
        if (kind == null || kind.isEmpty()) {
            throw new IllegalArgumentException("trace record kind is empty");
        }
        machine = machine == null ? "" : machine;
        component = component == null ? "" : component;
        TreeMap<String, Object> copy = new TreeMap<>();
        if (fields != null) {
            for (var entry : fields.entrySet()) {
                copy.put(entry.getKey(), checkValue(entry.getKey(), entry.getValue()));
            }
        }
        fields = Collections.unmodifiableSortedMap(copy);
    }

    /** Builds a record from alternating field names and values. */
    public static TraceRecord of(long time, String machine, String component, String kind, Object... keyValues) {
        return new TraceRecord(time, machine, component, kind, fieldsOf(keyValues));
    }

    static SortedMap<String, Object> fieldsOf(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("trace fields come in name/value pairs, got " + keyValues.length + " items");
        }
        TreeMap<String, Object> map = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (!(keyValues[i] instanceof String name)) {
                throw new IllegalArgumentException("trace field name at position " + i + " is not a string: " + keyValues[i]);
            }
            map.put(name, keyValues[i + 1]);
        }
        return map;
    }

    /** A field as a long, or the default when absent. */
    public long longField(String name, long defaultValue) {
        Object v = fields.get(name);
        return v instanceof Number n ? n.longValue() : defaultValue;
    }

    /** A field as text, or null when absent. */
    public String stringField(String name) {
        Object v = fields.get(name);
        return v == null ? null : v.toString();
    }

    private static Object checkValue(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.util.List<?> list) {
            java.util.List<Object> copy = new java.util.ArrayList<>(list.size());
            for (Object item : list) {
                if (item instanceof java.util.List<?>) {
                    throw new IllegalArgumentException("trace field " + name + ": nested lists are not supported");
                }
                copy.add(checkValue(name, item));
            }
            return java.util.List.copyOf(copy.stream().map(o -> o == null ? "" : o).toList());
        }
        throw new IllegalArgumentException("trace field " + name + " has unsupported type "
                + value.getClass().getSimpleName() + " (use strings, integers or booleans)");
    }
}
