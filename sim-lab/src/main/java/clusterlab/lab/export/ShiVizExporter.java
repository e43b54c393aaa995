package clusterlab.lab.export;

import clusterlab.kernel.trace.TraceRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ShiViz log (https://bestchai.bitbucket.io/shiviz/): the parser regular expression on the first
 * line, an empty multiple-executions delimiter on the second, then for every record an event line
 * followed by {@code host {"host":clock,...}}.
 *
 * <p>Hosts are machines (records without one belong to the pseudo-host {@value #CLUSTER}). Each
 * record is a local event that advances its host's own entry by one, so the first event of a host
 * has 1 and each next one exactly one more, as ShiViz requires. A {@code net deliver} first merges
 * (entry-wise maximum) the clock its packet's {@code net send} had, which is what draws the message
 * arrows; a delivery whose send is not in the trace merges nothing. Clocks list only the hosts known
 * to the event, sorted by name.
 *
 * <p>Event lines read {@code <seconds> <component> <kind> <field>=<value> ...}, with virtual time
 * in seconds to the nanosecond; line breaks inside values are written as {@code \n}.
 */
public final class ShiVizExporter {
    /** The parser expression ShiViz is given on the first line. */
    public static final String REGEX = "(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})";
    /** The host of records that belong to no machine. */
    public static final String CLUSTER = "(cluster)";
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ShiVizExporter() {}

    public static void write(List<TraceRecord> records, Writer out) throws IOException {
        out.write(REGEX);
        out.write("\n\n");
        Map<String, TreeMap<String, Long>> clocks = new HashMap<>(); // looked up only, never iterated
        Map<Long, TreeMap<String, Long>> sentWith = new HashMap<>(); // packet id -> sender's clock at send
        for (TraceRecord r : records) {
            String host = host(r.machine());
            TreeMap<String, Long> clock = clocks.computeIfAbsent(host, h -> new TreeMap<>());
            if (TraceKinds.isDeliver(r)) {
                TreeMap<String, Long> sender = sentWith.get(TraceKinds.packetId(r));
                if (sender != null) {
                    for (Map.Entry<String, Long> e : sender.entrySet()) {
                        clock.merge(e.getKey(), e.getValue(), Math::max);
                    }
                }
            }
            clock.merge(host, 1L, Long::sum);
            if (TraceKinds.isSend(r)) {
                sentWith.put(TraceKinds.packetId(r), new TreeMap<>(clock));
            }
            out.write(event(r));
            out.write('\n');
            out.write(host);
            out.write(' ');
            out.write(clockJson(clock));
            out.write('\n');
        }
    }

    static String host(String machine) {
        if (machine.isEmpty()) {
            return CLUSTER;
        }
        StringBuilder b = new StringBuilder(machine.length());
        machine.codePoints().forEach(c -> b.appendCodePoint(Character.isWhitespace(c) ? '_' : c));
        return b.toString();
    }

    private static String event(TraceRecord r) {
        StringBuilder b = new StringBuilder(96);
        b.append(seconds(r.time())).append(' ').append(r.component().isEmpty() ? "-" : r.component())
                .append(' ').append(r.kind());
        for (Map.Entry<String, Object> f : r.fields().entrySet()) {
            b.append(' ').append(f.getKey()).append('=').append(f.getValue() == null ? "null" : f.getValue());
        }
        return b.toString().replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Nanoseconds as seconds with nine decimals: {@code 13.213259981}. */
    static String seconds(long nanos) {
        return Long.toString(nanos / 1_000_000_000L) + "." + String.format(java.util.Locale.ROOT, "%09d", nanos % 1_000_000_000L);
    }

    private static String clockJson(TreeMap<String, Long> clock) throws IOException {
        StringWriter text = new StringWriter(64);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            for (Map.Entry<String, Long> e : clock.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        return text.toString();
    }
}
