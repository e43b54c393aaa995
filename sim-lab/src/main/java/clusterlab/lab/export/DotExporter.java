package clusterlab.lab.export;

import clusterlab.kernel.trace.TraceRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultUndirectedGraph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/**
 * Who talked to whom, as Graphviz DOT (written by jgrapht's {@link DOTExporter}).
 *
 * <p>Vertices are the machines named in the trace, in name order, plus any destination address no
 * machine in the trace owns. There is one undirected edge per pair that exchanged packets (a
 * self-loop for loopback), in order of the pair's names, labelled with the packets sent between the
 * two (both directions together) counted by kind, {@code <proto>/<service port>} — the destination
 * port, or the source port for replies to an ephemeral port (32768 and up) — and, when some never
 * arrived, {@code undelivered: N}.
 *
 * <p>The receiver of a packet is the machine its {@code net deliver} happened on; for packets never
 * delivered, the machine that owns the destination address, learnt from {@code net attach} records,
 * the source addresses of sends and the destination addresses of delivered packets (else the bare
 * address becomes a vertex of its own).
 */
public final class DotExporter {
    private static final int EPHEMERAL_PORTS = 32768;

    private DotExporter() {}

    /** An unordered pair of endpoints, {@code a <= b}; the edge type of the graph. */
    record Pair(String a, String b) implements Comparable<Pair> {
        static Pair of(String x, String y) {
            return x.compareTo(y) <= 0 ? new Pair(x, y) : new Pair(y, x);
        }

        @Override
        public int compareTo(Pair o) {
            int c = a.compareTo(o.a);
            return c != 0 ? c : b.compareTo(o.b);
        }
    }

    public static void write(List<TraceRecord> records, Writer out) throws IOException {
        // Lookups only; the output is built from the sorted maps below.
        Map<String, String> machineAt = new HashMap<>();
        Map<Long, String> deliveredOn = new HashMap<>();
        Map<Long, String> sentTo = new HashMap<>();
        TreeSet<String> vertices = new TreeSet<>();
        for (TraceRecord r : records) {
            if (!r.machine().isEmpty()) {
                vertices.add(r.machine());
            }
            if (r.component().equals("net") && r.kind().equals("attach") && r.stringField("address") != null) {
                machineAt.put(r.stringField("address"), r.machine());
            } else if (TraceKinds.isSend(r) && r.stringField("src") != null) {
                machineAt.putIfAbsent(host(r.stringField("src")), r.machine());
                if (r.stringField("dst") != null) {
                    sentTo.put(TraceKinds.packetId(r), host(r.stringField("dst")));
                }
            } else if (TraceKinds.isDeliver(r)) {
                deliveredOn.putIfAbsent(TraceKinds.packetId(r), r.machine());
                String address = sentTo.get(TraceKinds.packetId(r));
                if (address != null && !r.machine().isEmpty()) {
                    machineAt.putIfAbsent(address, r.machine());
                }
            }
        }
        TreeMap<Pair, TreeMap<String, Long>> counts = new TreeMap<>();
        for (TraceRecord r : records) {
            if (!TraceKinds.isSend(r) || r.machine().isEmpty()) {
                continue;
            }
            String dst = r.stringField("dst") == null ? "?" : r.stringField("dst");
            String to = deliveredOn.get(TraceKinds.packetId(r));
            boolean delivered = to != null;
            if (to == null) {
                to = machineAt.getOrDefault(host(dst), host(dst));
            }
            vertices.add(to);
            TreeMap<String, Long> byKind = counts.computeIfAbsent(Pair.of(r.machine(), to), p -> new TreeMap<>());
            byKind.merge(kind(r), 1L, Long::sum);
            if (!delivered) {
                byKind.merge("~undelivered", 1L, Long::sum);
            }
        }

        Graph<String, Pair> graph = new DefaultUndirectedGraph<>(Pair.class);
        for (String v : vertices) {
            graph.addVertex(v);
        }
        for (Pair p : counts.keySet()) {
            graph.addEdge(p.a(), p.b(), p);
        }
        DOTExporter<String, Pair> exporter = new DOTExporter<>(DotExporter::quote);
        exporter.setGraphIdProvider(() -> "trace");
        exporter.setVertexAttributeProvider(v -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(v));
            return a;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(label(counts.get(e))));
            return a;
        });
        StringWriter text = new StringWriter();
        exporter.exportGraph(graph, text);
        // The exporter ends lines with the platform's separator; the output must be the same everywhere.
        out.write(text.toString().replace("\r\n", "\n"));
    }

    private static String label(TreeMap<String, Long> byKind) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : byKind.entrySet()) {
            String kind = e.getKey().equals("~undelivered") ? "undelivered" : e.getKey();
            b.append(b.length() == 0 ? "" : "\\n").append(kind).append(": ").append(e.getValue());
        }
        return b.toString();
    }

    /** {@code tcp/2377}: the protocol and the port of the service the packet went to or came from. */
    static String kind(TraceRecord r) {
        String proto = r.stringField("proto") == null ? "packet" : r.stringField("proto");
        int dst = port(r.stringField("dst"));
        int src = port(r.stringField("src"));
        int service = dst >= EPHEMERAL_PORTS && src >= 0 && src < EPHEMERAL_PORTS ? src : dst;
        return service < 0 ? proto : proto + "/" + service;
    }

    private static String host(String address) {
        int colon = address.lastIndexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }

    private static int port(String address) {
        if (address == null) {
            return -1;
        }
        int colon = address.lastIndexOf(':');
        try {
            return colon < 0 ? -1 : Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String quote(String id) {
        return "\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
