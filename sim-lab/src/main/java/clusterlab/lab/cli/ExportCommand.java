package clusterlab.lab.cli;

import clusterlab.kernel.trace.TraceRecord;
import clusterlab.lab.export.ExportFormat;
import clusterlab.lab.export.TraceExport;
import clusterlab.lab.export.TraceFormatException;
import clusterlab.lab.export.TraceReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab export TRACE --format jsonl|chrome|shiviz|dot [--out FILE]}: turns a JSON Lines trace
 * into a file other tools show — Perfetto / chrome://tracing, ShiViz, Graphviz — or rewrites it in
 * canonical form. Writes to standard output without {@code --out}. Exit 0 on success; 2 with one
 * line on standard error for a missing or malformed trace, an unknown format or an unwritable output.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Convert a trace (JSON Lines) to jsonl, chrome (Perfetto), shiviz or dot (Graphviz).")
public final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE", description = "The trace file (JSON Lines, as written by --trace).")
    Path trace;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "jsonl, chrome, shiviz or dot.")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--machine", paramLabel = "NAME",
            description = "Keep only records of this machine (repeatable; network-wide records stay).")
    List<String> machines = new ArrayList<>();

    @Option(names = "--component", paramLabel = "NAME",
            description = "Keep only records of this component, e.g. net, raft, tcp (repeatable).")
    List<String> components = new ArrayList<>();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        ExportFormat f = ExportFormat.parse(format);
        if (f == null) {
            err.println("lab export: unknown format '" + format + "' (try: " + ExportFormat.choices() + ")");
            err.flush();
            return 2;
        }
        List<TraceRecord> records;
        try {
            records = TraceReader.read(trace);
        } catch (TraceFormatException e) {
            err.println("lab export: " + e.getMessage());
            err.flush();
            return 2;
        }
        records = TraceExport.filter(records, machines, components);
        StringWriter text = new StringWriter();
        try {
            TraceExport.write(records, f, text);
        } catch (IOException e) {
            err.println("lab export: cannot write " + f.label() + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        if (out == null) {
            var stdout = spec.commandLine().getOut();
            stdout.print(text);
            stdout.flush();
            return 0;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write(text.toString());
            }
        } catch (IOException e) {
            err.println("lab export: cannot write " + out + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        return 0;
    }
}
