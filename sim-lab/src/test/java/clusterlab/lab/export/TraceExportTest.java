package clusterlab.lab.export;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.trace.TraceRecord;
import clusterlab.lab.cli.ExportCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The exports of a real small swarm's trace: init, two joins, a one-way block, a heal, a crash and a restart. */
class TraceExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MACHINES = List.of("node1", "node2", "node3");

    @TempDir
    static Path dir;
    static Path trace;
    static List<TraceRecord> records;

    @BeforeAll
    static void writeTrace() throws Exception {
        trace = dir.resolve("swarm.jsonl");
        ExportFixture.writeSwarmTrace(trace, 7);
        records = TraceReader.read(trace);
    }

    /** Runs {@code export ARGS} and returns exit status, stdout, stderr. */
    private static Result export(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new ExportCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    record Result(int status, String out, String err) {}

    private static String exportOk(String format) {
        Result r = export(trace.toString(), "--format", format);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        return r.out();
    }

    @Test
    void theTraceHasWhatTheExportsAreAbout() {
        assertThat(records).anyMatch(r -> r.component().equals("net") && r.kind().equals("send"));
        assertThat(records).anyMatch(r -> r.component().equals("net") && r.kind().equals("deliver"));
        assertThat(records).anyMatch(r -> r.component().equals("machine") && r.kind().equals("crash"));
        assertThat(records).anyMatch(r -> r.component().equals("raft"));
    }

    @Test
    void jsonlIsTheCanonicalTraceAgain() throws Exception {
        String original = Files.readString(trace, StandardCharsets.UTF_8);
        assertThat(exportOk("jsonl")).isEqualTo(original);
    }

    @Test
    void chromeExportIsJsonWithAProcessPerMachineAndPairedFlows() throws Exception {
        JsonNode root = JSON.readTree(exportOk("chrome"));
        assertThat(root.get("displayTimeUnit").asText()).isEqualTo("ns");
        JsonNode events = root.get("traceEvents");
        assertThat(events.isArray()).isTrue();

        TreeMap<String, Integer> pidOf = new TreeMap<>();
        TreeMap<String, JsonNode> starts = new TreeMap<>();
        TreeMap<String, JsonNode> finishes = new TreeMap<>();
        List<JsonNode> instants = new ArrayList<>();
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            assertThat(e.has("pid")).isTrue();
            assertThat(e.has("tid")).isTrue();
            switch (ph) {
                case "M" -> {
                    if (e.get("name").asText().equals("process_name")) {
                        assertThat(pidOf.put(e.get("args").get("name").asText(), e.get("pid").asInt())).isNull();
                    }
                }
                case "i" -> {
                    assertThat(e.get("s").asText()).as("only faults are instants, global ones").isEqualTo("g");
                    instants.add(e);
                }
                case "X" -> {
                    assertThat(e.get("dur").asInt()).isZero();
                    instants.add(e);
                }
                case "s" -> assertThat(starts.put(e.get("id").asText(), e)).as("flow start %s", e).isNull();
                case "f" -> {
                    assertThat(e.get("bp").asText()).isEqualTo("e");
                    assertThat(finishes.put(e.get("id").asText(), e)).as("flow finish %s", e).isNull();
                }
                default -> throw new AssertionError("unexpected phase " + e);
            }
        }
        assertThat(pidOf.keySet()).containsAll(MACHINES);
        assertThat(new TreeSet<>(pidOf.values())).hasSize(pidOf.size());
        assertThat(instants).hasSize(records.size());

        // Every flow start has exactly one finish with its id and the reverse; the finish is not earlier.
        assertThat(starts).isNotEmpty();
        assertThat(finishes.keySet()).isEqualTo(starts.keySet());
        for (Map.Entry<String, JsonNode> s : starts.entrySet()) {
            JsonNode f = finishes.get(s.getKey());
            assertThat(f.get("ts").decimalValue()).isGreaterThanOrEqualTo(s.getValue().get("ts").decimalValue());
            assertThat(s.getValue().get("cat").asText()).isEqualTo(f.get("cat").asText());
            assertThat(s.getValue().get("name").asText()).isEqualTo(f.get("name").asText());
        }
        // Flows start on the sending machine's process and end on the receiving one's.
        long sendsDelivered = records.stream().filter(r -> r.kind().equals("deliver")).map(r -> r.fields().get("id"))
                .distinct().count();
        assertThat(starts).hasSize((int) sendsDelivered);

        // Faults are global instants on the machine they happened to; the rest are zero-length slices.
        JsonNode crash = instants.stream().filter(e -> e.get("name").asText().equals("crash")).findFirst().orElseThrow();
        assertThat(crash.get("s").asText()).isEqualTo("g");
        assertThat(crash.get("pid").asInt()).isEqualTo(pidOf.get("node3"));
        assertThat(instants).filteredOn(e -> e.get("name").asText().equals("heal"))
                .allMatch(e -> e.get("s").asText().equals("g")).isNotEmpty();
        assertThat(instants).filteredOn(e -> e.get("name").asText().equals("send"))
                .allMatch(e -> e.get("ph").asText().equals("X") && e.get("dur").asInt() == 0).isNotEmpty();

        // Timestamps are microseconds.
        TraceRecord last = records.get(records.size() - 1);
        JsonNode lastInstant = instants.get(instants.size() - 1);
        assertThat(lastInstant.get("ts").decimalValue().movePointRight(3).longValueExact()).isEqualTo(last.time());
    }

    @Test
    void microsecondsAreExactDecimals() {
        assertThat(ChromeTraceExporter.micros(0)).isEqualTo("0");
        assertThat(ChromeTraceExporter.micros(2000)).isEqualTo("2");
        assertThat(ChromeTraceExporter.micros(1_051_675)).isEqualTo("1051.675");
        assertThat(ChromeTraceExporter.micros(13_213_259_980L)).isEqualTo("13213259.98");
    }

    @Test
    void shivizHasTheHeaderAndAValidClockAfterEveryEvent() throws Exception {
        String text = exportOk("shiviz");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})");
        assertThat(lines.get(1)).isEmpty();
        assertThat((lines.size() - 2) % 2).isZero();
        assertThat((lines.size() - 2) / 2).isEqualTo(records.size());

        // The header is the regex ShiViz applies to the rest: it must match every event pair.
        Pattern shiviz = Pattern.compile("(?<event>.*)\\n(?<host>\\S*) (?<clock>\\{.*\\})");
        Matcher m = shiviz.matcher(text.substring(text.indexOf("\n\n") + 2));
        int matched = 0;
        while (m.find()) {
            matched++;
        }
        assertThat(matched).isEqualTo(records.size());

        TreeMap<String, Long> own = new TreeMap<>();
        TreeMap<String, Long> mergedSomething = new TreeMap<>();
        for (int i = 2; i < lines.size(); i += 2) {
            String event = lines.get(i);
            String clockLine = lines.get(i + 1);
            assertThat(event).doesNotStartWith("{");
            int space = clockLine.indexOf(' ');
            String host = clockLine.substring(0, space);
            JsonNode clock = JSON.readTree(clockLine.substring(space + 1));
            assertThat(clock.isObject()).isTrue();
            assertThat(clock.has(host)).as(clockLine).isTrue();
            long mine = clock.get(host).asLong();
            assertThat(mine).as("%s's own entry advances by one: %s", host, clockLine)
                    .isEqualTo(own.getOrDefault(host, 0L) + 1);
            own.put(host, mine);
            for (Iterator<Map.Entry<String, JsonNode>> it = clock.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(e.getValue().asLong()).isPositive();
                if (!e.getKey().equals(host)) {
                    mergedSomething.merge(host, 1L, Long::sum);
                    // Nobody knows more of a host than the host itself has done.
                    assertThat(e.getValue().asLong()).isLessThanOrEqualTo(own.getOrDefault(e.getKey(), 0L));
                }
            }
        }
        assertThat(own.keySet()).containsAll(MACHINES);
        assertThat(mergedSomething.keySet()).containsAll(MACHINES);
    }

    @Test
    void dotNamesEveryMachineAndTheirConversations() {
        String dot = exportOk("dot");
        assertThat(dot).startsWith("strict graph trace {");
        for (String m : MACHINES) {
            assertThat(dot).contains("\"" + m + "\"");
        }
        assertThat(dot).contains("\"node1\" -- \"node2\"").contains("\"node1\" -- \"node3\"");
        assertThat(dot).contains("tcp/2377: ");
        assertThat(dot).doesNotContain("\r");
    }

    @Test
    void everyFormatIsByteIdenticalTwice() throws Exception {
        for (ExportFormat f : ExportFormat.values()) {
            Path a = dir.resolve("a." + f.label());
            Path b = dir.resolve("b." + f.label());
            assertThat(export(trace.toString(), "--format", f.label(), "--out", a.toString()).status()).isZero();
            assertThat(export(trace.toString(), "--format", f.label(), "--out", b.toString()).status()).isZero();
            assertThat(Files.readAllBytes(a)).as(f.label()).isEqualTo(Files.readAllBytes(b)).isNotEmpty();
            assertThat(new String(Files.readAllBytes(a), StandardCharsets.UTF_8)).isEqualTo(exportOk(f.label()));
        }
        // The same run twice gives the same trace, hence the same exports.
        Path again = dir.resolve("again.jsonl");
        ExportFixture.writeSwarmTrace(again, 7);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(trace));
    }

    @Test
    void filtersKeepTheAskedMachinesAndComponents() {
        String raftOnly = export(trace.toString(), "--format", "jsonl", "--component", "raft").out();
        assertThat(raftOnly.lines()).isNotEmpty().allMatch(l -> l.contains("\"c\":\"raft\""));
        String node2 = export(trace.toString(), "--format", "jsonl", "--machine", "node2").out();
        assertThat(node2.lines()).isNotEmpty()
                .allMatch(l -> l.contains("\"m\":\"node2\"") || l.contains("\"m\":\"\""));
    }

    @Test
    void malformedInputIsExitTwoWithFileAndLine() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(trace, StandardCharsets.UTF_8).subList(0, 3));
        lines.add("{\"t\":5,\"m\":\"node1\",\"c\":\"net\",\"k\":\"send\",\"f\":{");
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        Result r = export(bad.toString(), "--format", "chrome");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("lab export: " + bad + ":4: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);

        assertProblem("not json at all", ":1: not JSON");
        assertProblem("[1,2]", ":1: not a trace record");
        assertProblem("{\"t\":1.5,\"k\":\"x\",\"f\":{}}", ":1: \"t\"");
        assertProblem("{\"t\":1,\"m\":\"a\",\"c\":\"b\",\"f\":{}}", ":1: missing \"k\"");
        assertProblem("{\"t\":1,\"k\":\"x\",\"f\":{\"load\":0.5}}", ":1: field \"load\" is a floating-point");
        assertProblem("{\"t\":1,\"k\":\"x\",\"f\":{}} trailing", ":1: ");
        assertProblem("\n\n{\"t\":1,\"k\":\"x\",\"f\":[]}", ":3: \"f\" (fields) must be an object");
    }

    private static void assertProblem(String content, String expected) throws Exception {
        Path bad = dir.resolve("problem.jsonl");
        Files.writeString(bad, content + "\n", StandardCharsets.UTF_8);
        Result r = export(bad.toString(), "--format", "jsonl");
        assertThat(r.status()).as(content).isEqualTo(2);
        assertThat(r.err()).as(content).startsWith("lab export: " + bad + expected);
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void overLongLinesAndBadBytesAreRefusedByLine() throws Exception {
        Path big = dir.resolve("big.jsonl");
        String first = Files.readAllLines(trace, StandardCharsets.UTF_8).get(0);
        String huge = "{\"t\":1,\"k\":\"x\",\"f\":{\"s\":\"" + "a".repeat(TraceReader.MAX_LINE_BYTES) + "\"}}";
        Files.writeString(big, first + "\n" + huge + "\n", StandardCharsets.UTF_8);
        Result r = export(big.toString(), "--format", "jsonl");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lab export: " + big + ":2: line longer than 1048576 bytes\n");

        Path binary = dir.resolve("binary.jsonl");
        Files.write(binary, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}', '\n'});
        r = export(binary.toString(), "--format", "jsonl");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lab export: " + binary + ":1: not valid UTF-8\n");
    }

    @Test
    void missingFilesAndUnknownFormatsAreExitTwoWithOneLine() {
        Path missing = dir.resolve("nope.jsonl");
        Result r = export(missing.toString(), "--format", "dot");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lab export: " + missing + ": no such file\n");

        r = export(trace.toString(), "--format", "svg");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lab export: unknown format 'svg' (try: jsonl|chrome|shiviz|dot)\n");

        r = export(dir.toString(), "--format", "dot");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("lab export: " + dir + ": is a directory, not a trace file\n");
    }

    @Test
    void readerAcceptsCrlfBlankLinesAndAMissingFinalNewline() throws Exception {
        Path crlf = dir.resolve("crlf.jsonl");
        Files.writeString(crlf, "{\"t\":1,\"m\":\"a\",\"c\":\"net\",\"k\":\"heal\",\"f\":{}}\r\n\r\n"
                + "{\"t\":2,\"m\":\"a\",\"c\":\"x\",\"k\":\"y\",\"f\":{\"l\":[1,\"s\",true,null]}}", StandardCharsets.UTF_8);
        List<TraceRecord> read = TraceReader.read(crlf);
        assertThat(read).hasSize(2);
        assertThat(read.get(1).fields().get("l")).isEqualTo(List.of(1L, "s", true, ""));
    }

    @Test
    void duplicatesDropsAndRepeatedIdsStillPairFlowsOneToOne() throws Exception {
        List<TraceRecord> synthetic = List.of(
                TraceRecord.of(0, "a", "net", "send", "id", 1L, "proto", "udp", "src", "10.0.0.1:1", "dst", "10.0.0.2:7"),
                TraceRecord.of(5, "b", "net", "deliver", "id", 1L),
                TraceRecord.of(6, "b", "net", "deliver", "id", 1L), // the duplicate copy: no second finish
                TraceRecord.of(7, "a", "net", "send", "id", 2L, "proto", "udp", "src", "10.0.0.1:1", "dst", "10.0.0.2:7"),
                TraceRecord.of(8, "a", "net", "drop", "id", 2L, "reason", "loss"),
                TraceRecord.of(9, "c", "net", "deliver", "id", 3L), // its send is not in the trace
                TraceRecord.of(10, "a", "net", "send", "id", 1L, "proto", "udp", "src", "10.0.0.1:1", "dst", "10.0.0.2:7"),
                TraceRecord.of(12, "b", "net", "deliver", "id", 1L));
        StringWriter text = new StringWriter();
        TraceExport.write(synthetic, ExportFormat.CHROME, text);
        JsonNode events = JSON.readTree(text.toString()).get("traceEvents");
        List<String> starts = new ArrayList<>();
        List<String> finishes = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.get("ph").asText().equals("s")) {
                starts.add(e.get("id").asText() + "@" + e.get("ts").asText());
            } else if (e.get("ph").asText().equals("f")) {
                finishes.add(e.get("id").asText() + "@" + e.get("ts").asText());
            }
        }
        assertThat(starts).containsExactly("1@0", "1#1@0.01");
        assertThat(finishes).containsExactly("1@0.005", "1#1@0.012");

        StringWriter dot = new StringWriter();
        TraceExport.write(synthetic, ExportFormat.DOT, dot);
        assertThat(dot.toString()).contains("\"a\" -- \"b\" [ label=\"udp/7: 3\\nundelivered: 1\" ]");
    }
}
