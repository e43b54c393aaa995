package clusterlab.lab.export;

import clusterlab.kernel.trace.TraceRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads a trace written by {@code JsonLinesTraceSink} (one canonical record per line,
 * {@code {"t":..,"m":..,"c":..,"k":..,"f":{..}}}) back into {@link TraceRecord}s.
 *
 * <p>Bounded and strict: a line longer than {@link #MAX_LINE_BYTES} is refused without being held
 * in memory, and anything that is not a record (bad JSON, bad UTF-8, a missing or mistyped key, a
 * floating-point field, trailing text) stops the read with a one-line {@code file:line: problem}.
 * Blank lines are skipped; a final line without a newline and CRLF line ends are accepted.
 */
public final class TraceReader {
    /** The longest line accepted, in bytes (without its line end). */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build();

    private TraceReader() {}

    /** Reads every record of a file; the file's name as given is used in messages. */
    public static List<TraceRecord> read(Path file) throws TraceFormatException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new TraceFormatException(name + ": is a directory, not a trace file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(name + ": no such file");
        } catch (IOException e) {
            throw new TraceFormatException(name + ": cannot read (" + oneLine(e.getMessage()) + ")", e);
        }
    }

    /** Reads every record of a stream; {@code name} stands for it in messages. */
    public static List<TraceRecord> read(InputStream in, String name) throws TraceFormatException, IOException {
        List<TraceRecord> records = new ArrayList<>();
        byte[] chunk = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long lineNumber = 0;
        boolean tooLong = false;
        int n;
        while ((n = in.read(chunk)) != -1) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                tooLong = append(line, chunk, from, i - from, tooLong);
                from = i + 1;
                lineNumber++;
                take(records, line, tooLong, name, lineNumber);
                tooLong = false;
            }
            tooLong = append(line, chunk, from, n - from, tooLong);
        }
        if (line.size() > 0 || tooLong) {
            take(records, line, tooLong, name, lineNumber + 1);
        }
        return records;
    }

    /** Adds bytes to the current line unless that would make it too long (then only notes it). */
    private static boolean append(ByteArrayOutputStream line, byte[] bytes, int from, int length, boolean tooLong) {
        if (tooLong || line.size() + length > MAX_LINE_BYTES + 1) {
            line.reset();
            return true;
        }
        line.write(bytes, from, length);
        return false;
    }

    private static void take(List<TraceRecord> records, ByteArrayOutputStream line, boolean tooLong, String name,
            long lineNumber) throws TraceFormatException {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (tooLong || length > MAX_LINE_BYTES) {
            throw new TraceFormatException(name + ":" + lineNumber + ": line longer than " + MAX_LINE_BYTES + " bytes");
        }
        String text = decode(bytes, length, name, lineNumber);
        if (text.isBlank()) {
            return;
        }
        try {
            records.add(parse(text));
        } catch (Problem p) {
            throw new TraceFormatException(name + ":" + lineNumber + ": " + p.getMessage());
        }
    }

    /** Parses one line into a record, or explains in one line why it is not one. */
    static TraceRecord parse(String line) throws Problem {
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Problem("not a trace record (expected a JSON object)");
            }
            Long time = null;
            String machine = null;
            String component = null;
            String kind = null;
            TreeMap<String, Object> fields = null;
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken value = p.nextToken();
                switch (key) {
                    case "t" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                            throw new Problem("\"t\" (time in nanoseconds) must be an integer");
                        }
                        time = p.getLongValue();
                        if (time < 0) {
                            throw new Problem("\"t\" (time in nanoseconds) is negative");
                        }
                    }
                    case "m" -> machine = text(p, value, "m");
                    case "c" -> component = text(p, value, "c");
                    case "k" -> kind = text(p, value, "k");
                    case "f" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new Problem("\"f\" (fields) must be an object");
                        }
                        fields = new TreeMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            fields.put(name, value(p, p.nextToken(), name, true));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new Problem("not a trace record (unexpected " + token + ")");
            }
            if (p.nextToken() != null) {
                throw new Problem("text after the record");
            }
            if (time == null) {
                throw new Problem("missing \"t\" (time)");
            }
            if (kind == null || kind.isEmpty()) {
                throw new Problem("missing \"k\" (kind)");
            }
            return new TraceRecord(time, machine, component, kind, fields);
        } catch (JsonParseException e) {
            throw new Problem("not JSON (" + oneLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new Problem("cannot parse (" + oneLine(e.getMessage()) + ")");
        } catch (IllegalArgumentException e) {
            throw new Problem(oneLine(e.getMessage()));
        }
    }

    private static String text(JsonParser p, JsonToken value, String key) throws IOException, Problem {
        if (value != JsonToken.VALUE_STRING) {
            throw new Problem("\"" + key + "\" must be a string");
        }
        return p.getText();
    }

    private static Object value(JsonParser p, JsonToken t, String name, boolean listAllowed) throws IOException, Problem {
        switch (t) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new Problem("field \"" + name + "\" is an integer out of range");
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                throw new Problem("field \"" + name + "\" is a floating-point number (traces hold integers only)");
            case START_ARRAY:
                if (!listAllowed) {
                    throw new Problem("field \"" + name + "\" nests a list in a list");
                }
                List<Object> items = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(p, next, name, false));
                }
                return items;
            default:
                throw new Problem("field \"" + name + "\" has an unsupported value (" + t + ")");
        }
    }

    private static String decode(byte[] bytes, int length, String name, long lineNumber) throws TraceFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TraceFormatException(name + ":" + lineNumber + ": not valid UTF-8");
        }
    }

    static String oneLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String first = message.strip().lines().findFirst().orElse("no detail");
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    /** Why one line is not a record (becomes the {@code problem} of {@code file:line: problem}). */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
