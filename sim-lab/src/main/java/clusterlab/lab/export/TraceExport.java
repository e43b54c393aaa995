package clusterlab.lab.export;

import clusterlab.kernel.trace.TraceJson;
import clusterlab.kernel.trace.TraceRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns trace records into one of the {@link ExportFormat}s. Every format is deterministic: the
 * same records give the same bytes, with {@code \n} line ends on every platform.
 */
public final class TraceExport {
    private TraceExport() {}

    public static void write(List<TraceRecord> records, ExportFormat format, Writer out) throws IOException {
        switch (format) {
            case JSONL -> writeJsonLines(records, out);
            case CHROME -> ChromeTraceExporter.write(records, out);
            case SHIVIZ -> ShiVizExporter.write(records, out);
            case DOT -> DotExporter.write(records, out);
        }
    }

    /** The canonical form again: each record as {@link TraceJson#write} gives it, one a line. */
    public static void writeJsonLines(List<TraceRecord> records, Writer out) throws IOException {
        for (TraceRecord r : records) {
            out.write(TraceJson.write(r));
            out.write('\n');
        }
    }

    /**
     * The records on the given machines and of the given components, in trace order; an empty
     * collection means no restriction. Records that belong to no machine (network-wide faults) are
     * kept whatever the machines asked for.
     */
    public static List<TraceRecord> filter(List<TraceRecord> records, Collection<String> machines,
            Collection<String> components) {
        TreeSet<String> m = new TreeSet<>(machines);
        TreeSet<String> c = new TreeSet<>(components);
        List<TraceRecord> kept = new ArrayList<>();
        for (TraceRecord r : records) {
            boolean machineOk = m.isEmpty() || r.machine().isEmpty() || m.contains(r.machine());
            boolean componentOk = c.isEmpty() || c.contains(r.component());
            if (machineOk && componentOk) {
                kept.add(r);
            }
        }
        return kept;
    }
}
