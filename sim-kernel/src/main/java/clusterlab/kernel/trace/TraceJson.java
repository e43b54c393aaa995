package clusterlab.kernel.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON form of a trace record, one line, written and read with Jackson:
 * {@code {"t":1500000,"m":"node1","c":"net","k":"send","f":{"bytes":120,"to":"node2"}}}.
 * Keys appear in this fixed order and fields sorted by name, with no insignificant whitespace, so
 * the same record always yields the same bytes.
 */
public final class TraceJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private TraceJson() {}

    public static String write(TraceRecord r) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeNumberField("t", r.time());
            g.writeStringField("m", r.machine());
            g.writeStringField("c", r.component());
            g.writeStringField("k", r.kind());
            g.writeObjectFieldStart("f");
            for (Map.Entry<String, Object> field : r.fields().entrySet()) {
                g.writeFieldName(field.getKey());
                writeValue(g, field.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else {
            throw new IllegalStateException("unexpected trace value " + v.getClass());
        }
    }

    /** Parses one canonical line back into a record. */
    public static TraceRecord read(String line) {
        try (JsonParser p = FACTORY.createParser(line)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, line);
            long time = 0;
            String machine = "";
            String component = "";
            String kind = null;
            TreeMap<String, Object> fields = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "t" -> time = p.getLongValue();
                    case "m" -> machine = p.getText();
                    case "c" -> component = p.getText();
                    case "k" -> kind = p.getText();
                    case "f" -> {
                        expect(value, JsonToken.START_OBJECT, line);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            fields.put(name, readValue(p, p.nextToken(), line));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new TraceRecord(time, machine, component, kind, fields);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a trace record: " + line + " (" + e.getMessage() + ")", e);
        }
    }

    private static Object readValue(JsonParser p, JsonToken t, String line) throws IOException {
        return switch (t) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(readValue(p, next, line));
                }
                yield items;
            }
            default -> throw new IllegalArgumentException("unexpected " + t + " in trace record: " + line);
        };
    }

    private static void expect(JsonToken actual, JsonToken expected, String line) {
        if (actual != expected) {
            throw new IllegalArgumentException("not a trace record (expected " + expected + "): " + line);
        }
    }
}
