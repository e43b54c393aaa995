package clusterlab.lab.export;

import java.util.Locale;

/** The formats {@code lab export} writes. */
public enum ExportFormat {
    /** The canonical trace again, one record a line (normalizes and validates a trace). */
    JSONL,
    /** Chrome / Perfetto trace-event JSON. */
    CHROME,
    /** A ShiViz log: events with vector clocks. */
    SHIVIZ,
    /** Graphviz DOT: who talked to whom. */
    DOT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code text} (any case), or null when there is none. */
    public static ExportFormat parse(String text) {
        for (ExportFormat f : values()) {
            if (f.label().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return f;
            }
        }
        return null;
    }

    /** The names, for messages: {@code jsonl|chrome|shiviz|dot}. */
    public static String choices() {
        StringBuilder b = new StringBuilder();
        for (ExportFormat f : values()) {
            b.append(b.length() == 0 ? "" : "|").append(f.label());
        }
        return b.toString();
    }
}
