package clusterlab.lab.export;

import clusterlab.kernel.trace.TraceRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Chrome / Perfetto trace-event JSON ({@code {"traceEvents":[...],"displayTimeUnit":"ns"}}), for
 * chrome://tracing or ui.perfetto.dev.
 *
 * <ul>
 *   <li>one process per machine (pids 1.. in machine-name order, with {@code process_name} and
 *       {@code process_sort_index} metadata); records without a machine (network-wide faults) go to
 *       pid 0, named {@value #CLUSTER};
 *   <li>one thread per component (tids 1.. in component-name order, the same tid for a component in
 *       every process), with {@code thread_name} metadata;
 *   <li>every record is an event named by its kind, its category the component, its fields as
 *       {@code args}: faults (crash, restart, power-off, partition, block, unblock, heal, link
 *       up/down, loss/duplication/latency/bandwidth changes) are global instants ({@code "ph":"i",
 *       "s":"g"}); the rest are zero-length slices ({@code "ph":"X","dur":0}), because Perfetto and
 *       chrome://tracing attach flow arrows to slices, not to instants;
 *   <li>a packet's {@code net send} and its first {@code net deliver} are joined by a flow: a
 *       {@code "ph":"s"} event at the send and a {@code "ph":"f","bp":"e"} event at the delivery,
 *       sharing the packet's id. Dropped packets, the second copy of a duplicated packet and
 *       deliveries whose send is not in the trace get no flow. Should a packet id repeat (two runs in
 *       one file), its later flows get the string id {@code "<id>#<n>"} so ids stay unique.
 * </ul>
 *
 * <p>Timestamps are microseconds ({@code ts} = nanoseconds / 1000), written as exact decimals. Each
 * event is one line, so the output diffs well; the same records always give the same bytes.
 */
public final class ChromeTraceExporter {
    /** The process name of records that belong to no machine. */
    public static final String CLUSTER = "(cluster)";
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    /** Integers beyond this lose digits in JavaScript: they are written as strings. */
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private ChromeTraceExporter() {}

    public static void write(List<TraceRecord> records, Writer out) throws IOException {
        TreeSet<String> machines = new TreeSet<>();
        TreeSet<String> components = new TreeSet<>();
        TreeMap<String, TreeSet<String>> threads = new TreeMap<>();
        for (TraceRecord r : records) {
            machines.add(r.machine());
            components.add(r.component());
            threads.computeIfAbsent(r.machine(), m -> new TreeSet<>()).add(r.component());
        }
        TreeMap<String, Integer> pids = new TreeMap<>();
        int next = 1;
        for (String m : machines) {
            pids.put(m, m.isEmpty() ? 0 : next++);
        }
        TreeMap<String, Integer> tids = new TreeMap<>();
        next = 1;
        for (String c : components) {
            tids.put(c, next++);
        }
        Flows flows = Flows.of(records);

        out.write("{\"traceEvents\":[\n");
        boolean first = true;
        for (Map.Entry<String, Integer> p : pids.entrySet()) {
            String name = p.getKey().isEmpty() ? CLUSTER : p.getKey();
            first = line(out, first, metadata("process_name", p.getValue(), 0, "name", name));
            first = line(out, first, metadata("process_sort_index", p.getValue(), 0, "sort_index", p.getValue()));
            for (String c : threads.get(p.getKey())) {
                first = line(out, first, metadata("thread_name", p.getValue(), tids.get(c), "name",
                        c.isEmpty() ? "(none)" : c));
                first = line(out, first, metadata("thread_sort_index", p.getValue(), tids.get(c), "sort_index",
                        tids.get(c)));
            }
        }
        for (int i = 0; i < records.size(); i++) {
            TraceRecord r = records.get(i);
            int pid = pids.get(r.machine());
            int tid = tids.get(r.component());
            first = line(out, first, instant(r, pid, tid));
            if (flows.flowId[i] != null) {
                first = line(out, first, flow(flows.isStart[i], flows.flowId[i], r.time(), pid, tid));
            }
        }
        out.write("\n],\"displayTimeUnit\":\"ns\"}\n");
    }

    private static boolean line(Writer out, boolean first, String event) throws IOException {
        if (!first) {
            out.write(",\n");
        }
        out.write(event);
        return false;
    }

    private static String metadata(String name, int pid, int tid, String argName, Object argValue) throws IOException {
        StringWriter text = new StringWriter(96);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("ph", "M");
            g.writeNumberField("pid", pid);
            g.writeNumberField("tid", tid);
            g.writeObjectFieldStart("args");
            g.writeFieldName(argName);
            if (argValue instanceof Integer n) {
                g.writeNumber(n);
            } else {
                g.writeString(argValue.toString());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return text.toString();
    }

    private static String instant(TraceRecord r, int pid, int tid) throws IOException {
        StringWriter text = new StringWriter(160);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("name", r.kind());
            g.writeStringField("cat", r.component().isEmpty() ? "trace" : r.component());
            boolean fault = TraceKinds.isFault(r);
            g.writeStringField("ph", fault ? "i" : "X");
            g.writeFieldName("ts");
            g.writeNumber(micros(r.time()));
            if (!fault) {
                g.writeNumberField("dur", 0);
            }
            g.writeNumberField("pid", pid);
            g.writeNumberField("tid", tid);
            if (fault) {
                g.writeStringField("s", "g");
            }
            g.writeObjectFieldStart("args");
            for (Map.Entry<String, Object> f : r.fields().entrySet()) {
                g.writeFieldName(f.getKey());
                value(g, f.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return text.toString();
    }

    private static String flow(boolean start, Object id, long time, int pid, int tid) throws IOException {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            g.writeStringField("name", "packet");
            g.writeStringField("cat", "net");
            g.writeStringField("ph", start ? "s" : "f");
            if (!start) {
                g.writeStringField("bp", "e");
            }
            g.writeFieldName("id");
            if (id instanceof Long n) {
                g.writeNumber(n);
            } else {
                g.writeString(id.toString());
            }
            g.writeFieldName("ts");
            g.writeNumber(micros(time));
            g.writeNumberField("pid", pid);
            g.writeNumberField("tid", tid);
            g.writeEndObject();
        }
        return text.toString();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Long n) {
            if (n > MAX_SAFE_INTEGER || n < -MAX_SAFE_INTEGER) {
                g.writeString(n.toString());
            } else {
                g.writeNumber(n);
            }
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /** Nanoseconds as microseconds, exactly: 1051675 gives {@code 1051.675}, 2000 gives {@code 2}. */
    static String micros(long nanos) {
        return BigDecimal.valueOf(nanos, 3).stripTrailingZeros().toPlainString();
    }

    /** Which records start or finish a flow, and its id. */
    private static final class Flows {
        final Object[] flowId;
        final boolean[] isStart;

        private Flows(int n) {
            flowId = new Object[n];
            isStart = new boolean[n];
        }

        static Flows of(List<TraceRecord> records) {
            Flows flows = new Flows(records.size());
            // Lookups only: nothing below iterates these maps, so their order cannot reach the output.
            HashMap<Long, Integer> openSend = new HashMap<>();
            HashMap<Long, Integer> used = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                TraceRecord r = records.get(i);
                if (TraceKinds.isSend(r)) {
                    openSend.put(TraceKinds.packetId(r), i);
                } else if (TraceKinds.isDeliver(r)) {
                    Integer send = openSend.remove(TraceKinds.packetId(r));
                    if (send != null) {
                        long packet = TraceKinds.packetId(r);
                        int n = used.merge(packet, 1, Integer::sum) - 1;
                        Object id = n == 0 ? (Object) packet : packet + "#" + n;
                        flows.flowId[send] = id;
                        flows.isStart[send] = true;
                        flows.flowId[i] = id;
                    }
                }
            }
            return flows;
        }
    }
}
