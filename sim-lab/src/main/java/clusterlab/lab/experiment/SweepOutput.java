package clusterlab.lab.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a sweep: {@code runs.csv} and {@code runs.json} (one row per run), {@code summary.csv}
 * (one row per grid point and metric), and the same summary as an aligned table. Everything is
 * written in run order with {@link Locale#ROOT} and fixed decimals, so equal runs give equal bytes.
 * A shard's {@code runs.json} says {@code "shard": "i/N"}; {@link #readShard} reads it back for
 * {@code sweep merge}.
 */
public final class SweepOutput {
    public static final String RUNS_CSV = "runs.csv";
    public static final String RUNS_JSON = "runs.json";
    public static final String SUMMARY_CSV = "summary.csv";
    static final int SUMMARY_DECIMALS = 4;

    /** What identifies a sweep: everything but its results. */
    public record Header(String name, ExperimentKind kind, List<String> parameters, int points, int runsTotal,
            String digest) {}

    /** The results of a sweep or of one shard of it. */
    public record Results(Header header, String shard, List<RunResult> runs) {}

    private SweepOutput() {}

    public static Header header(ExperimentSpec spec) {
        List<ExperimentSpec.Run> runs = spec.runs();
        StringBuilder canon = new StringBuilder(spec.name()).append('\n').append(spec.kind().name()).append('\n');
        spec.grid().forEach((k, v) -> {
            canon.append(k).append('=');
            v.forEach(x -> canon.append(x.text()).append(x.numeric() ? "#" : "$").append(','));
            canon.append('\n');
        });
        spec.seeds().forEach(s -> canon.append(s).append(','));
        return new Header(spec.name(), spec.kind(), spec.parameterNames(), spec.points().size(), runs.size(),
                sha256(canon.toString()));
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                hex.append(String.format(Locale.ROOT, "%02x", d[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code v} with {@code decimals} fixed decimals, or "" for NaN. */
    public static String format(double v, int decimals) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** {@code v} rounded as it is written (what a merge reads back). */
    public static double canonical(double v, int decimals) {
        return Double.isNaN(v) ? Double.NaN : Double.parseDouble(format(v, decimals));
    }

    public static void write(Path dir, Results r) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RUNS_CSV), runsCsv(r), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(RUNS_JSON), runsJson(r), StandardCharsets.UTF_8);
        if (r.shard() == null) {
            Files.writeString(dir.resolve(SUMMARY_CSV), summaryCsv(r), StandardCharsets.UTF_8);
        }
    }

    public static String runsCsv(Results r) {
        StringBuilder s = new StringBuilder("run,point,seed");
        for (String p : r.header().parameters()) {
            s.append(',').append(p);
        }
        for (ExperimentKind.Metric m : r.header().kind().metrics()) {
            s.append(',').append(m.name());
        }
        s.append('\n');
        for (RunResult run : r.runs()) {
            s.append(run.index()).append(',').append(run.point().index()).append(',').append(run.seed());
            for (ExperimentSpec.Value v : run.point().values().values()) {
                s.append(',').append(csv(v.text()));
            }
            List<ExperimentKind.Metric> metrics = r.header().kind().metrics();
            for (int i = 0; i < metrics.size(); i++) {
                s.append(',').append(format(run.metrics()[i], metrics.get(i).decimals()));
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String csv(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String json(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append('"').toString();
    }

    public static String runsJson(Results r) {
        Header h = r.header();
        StringBuilder s = new StringBuilder("{\n");
        s.append("  \"experiment\": ").append(json(h.name())).append(",\n");
        s.append("  \"kind\": ").append(json(h.kind().name())).append(",\n");
        s.append("  \"digest\": ").append(json(h.digest())).append(",\n");
        s.append("  \"parameters\": [");
        for (int i = 0; i < h.parameters().size(); i++) {
            s.append(i == 0 ? "" : ", ").append(json(h.parameters().get(i)));
        }
        s.append("],\n  \"metrics\": [");
        List<ExperimentKind.Metric> metrics = h.kind().metrics();
        for (int i = 0; i < metrics.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(json(metrics.get(i).name()));
        }
        s.append("],\n  \"points\": ").append(h.points()).append(",\n");
        s.append("  \"runs_total\": ").append(h.runsTotal()).append(",\n");
        if (r.shard() != null) {
            s.append("  \"shard\": ").append(json(r.shard())).append(",\n");
        }
        s.append("  \"runs\": [");
        for (int k = 0; k < r.runs().size(); k++) {
            RunResult run = r.runs().get(k);
            s.append(k == 0 ? "\n" : ",\n");
            s.append("    {\"run\": ").append(run.index()).append(", \"point\": ").append(run.point().index())
                    .append(", \"seed\": ").append(run.seed()).append(", \"params\": {");
            int i = 0;
            for (Map.Entry<String, ExperimentSpec.Value> e : run.point().values().entrySet()) {
                s.append(i++ == 0 ? "" : ", ").append(json(e.getKey())).append(": ")
                        .append(e.getValue().numeric() ? e.getValue().text() : json(e.getValue().text()));
            }
            s.append("}, \"metrics\": {");
            for (int m = 0; m < metrics.size(); m++) {
                String v = format(run.metrics()[m], metrics.get(m).decimals());
                s.append(m == 0 ? "" : ", ").append(json(metrics.get(m).name())).append(": ")
                        .append(v.isEmpty() ? "null" : v);
            }
            s.append("}}");
        }
        s.append(r.runs().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return s.toString();
    }

    /** One row of the summary: a grid point, a metric, its statistics. */
    public record SummaryRow(ExperimentSpec.Point point, ExperimentKind.Metric metric, Summary stats) {}

    public static List<SummaryRow> summarize(Results r) {
        TreeMap<Integer, List<RunResult>> byPoint = new TreeMap<>();
        for (RunResult run : r.runs()) {
            byPoint.computeIfAbsent(run.point().index(), k -> new ArrayList<>()).add(run);
        }
        List<SummaryRow> rows = new ArrayList<>();
        List<ExperimentKind.Metric> metrics = r.header().kind().metrics();
        for (List<RunResult> runs : byPoint.values()) {
            for (int m = 0; m < metrics.size(); m++) {
                double[] values = new double[runs.size()];
                for (int i = 0; i < runs.size(); i++) {
                    values[i] = runs.get(i).metrics()[m];
                }
                rows.add(new SummaryRow(runs.get(0).point(), metrics.get(m), Summary.of(values)));
            }
        }
        return rows;
    }

    static final List<String> STAT_COLUMNS = List.of("n", "missing", "mean", "median", "p95", "ci95_low",
            "ci95_high");

    private static List<List<String>> summaryCells(Results r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("point"));
        head.addAll(r.header().parameters());
        head.add("metric");
        head.addAll(STAT_COLUMNS);
        rows.add(head);
        for (SummaryRow row : summarize(r)) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(row.point().index()));
            for (ExperimentSpec.Value v : row.point().values().values()) {
                cells.add(v.text());
            }
            cells.add(row.metric().name());
            Summary s = row.stats();
            cells.add(Integer.toString(s.n()));
            cells.add(Integer.toString(s.missing()));
            for (double v : new double[] {s.mean(), s.median(), s.p95(), s.ciLow(), s.ciHigh()}) {
                cells.add(format(v, SUMMARY_DECIMALS));
            }
            rows.add(cells);
        }
        return rows;
    }

    public static String summaryCsv(Results r) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : summaryCells(r)) {
            for (int i = 0; i < row.size(); i++) {
                s.append(i == 0 ? "" : ",").append(csv(row.get(i)));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** The summary as an aligned table: text left-aligned, numbers right-aligned, "-" for no value. */
    public static String summaryTable(Results r) {
        List<List<String>> rows = summaryCells(r);
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], display(row.get(i)).length());
            }
        }
        int metricColumn = r.header().parameters().size() + 1;
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            List<String> row = rows.get(k);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = display(row.get(i));
                boolean left = i == metricColumn || (k == 0 && i >= 1 && i <= metricColumn);
                line.append(i == 0 ? "" : "  ");
                line.append(left ? pad(cell, width[i], true) : pad(cell, width[i], false));
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }

    private static String display(String cell) {
        return cell.isEmpty() ? "-" : cell;
    }

    private static String pad(String cell, int width, boolean left) {
        String fill = " ".repeat(width - cell.length());
        return left ? cell + fill : fill + cell;
    }

    // ---- reading shards back ----

    /** Reads a shard (or whole sweep) directory's runs.json. */
    public static Results readShard(Path dir) throws ExperimentFileException, IOException {
        Path file = dir.resolve(RUNS_JSON);
        if (!Files.isRegularFile(file)) {
            throw new ExperimentFileException(file + ":1: file: not found (is " + dir + " a sweep output?)");
        }
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new ExperimentFileException(file + ":1: json: " + e.getMessage().lines().findFirst().orElse(""));
        }
        ExperimentKind kind = ExperimentKinds.byName(text(root, "kind", file));
        if (kind == null) {
            throw new ExperimentFileException(file + ":1: kind: unknown kind " + root.get("kind"));
        }
        List<String> params = new ArrayList<>();
        root.path("parameters").forEach(p -> params.add(p.asText()));
        List<String> metricNames = new ArrayList<>();
        root.path("metrics").forEach(p -> metricNames.add(p.asText()));
        List<String> expected = new ArrayList<>();
        kind.metrics().forEach(m -> expected.add(m.name()));
        if (!metricNames.equals(expected)) {
            throw new ExperimentFileException(file + ":1: metrics: " + metricNames + " are not those of kind "
                    + kind.name() + " " + expected);
        }
        Header h = new Header(text(root, "experiment", file), kind, params, root.path("points").asInt(),
                root.path("runs_total").asInt(), text(root, "digest", file));
        String shard = root.has("shard") ? root.get("shard").asText() : null;
        List<RunResult> runs = new ArrayList<>();
        for (JsonNode run : root.path("runs")) {
            LinkedHashMap<String, ExperimentSpec.Value> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), new ExperimentSpec.Value(e.getValue().asText(), e.getValue().isNumber()));
            }
            double[] metrics = new double[expected.size()];
            for (int m = 0; m < expected.size(); m++) {
                JsonNode v = run.path("metrics").path(expected.get(m));
                metrics[m] = v.isNull() || v.isMissingNode() ? Double.NaN : v.decimalValue().doubleValue();
            }
            runs.add(new RunResult(run.path("run").asInt(), new ExperimentSpec.Point(run.path("point").asInt(),
                    values), run.path("seed").asLong(), metrics));
        }
        return new Results(h, shard, runs);
    }

    private static String text(JsonNode root, String key, Path file) throws ExperimentFileException {
        JsonNode v = root.get(key);
        if (v == null || !v.isTextual()) {
            throw new ExperimentFileException(file + ":1: " + key + ": missing");
        }
        return v.asText();
    }
}
