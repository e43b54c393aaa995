package clusterlab.kernel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.host.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Golden transcripts (cockroachdb/datadriven style) shared by the modules' tests: a case is one or
 * more command lines, a {@code ----} line, the expected output and a {@code ----} line. Blank lines
 * and {@code #} comments pass through; lines starting with {@code @} are actions on the world
 * between cases (when the test handles them). With {@code -Dgolden.update=true} the file is
 * rewritten with what the commands print now, to be reviewed as a diff.
 */
public final class GoldenFile {
    private GoldenFile() {
    }

    /**
     * Checks (or rewrites) {@code file}. {@code run} gets a case's command lines joined by
     * newlines and returns its output; {@code action} gets each {@code @} line (null: none are used).
     */
    public static void check(Path file, Function<String, String> run, Consumer<String> action) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder rewritten = new StringBuilder();
        List<String> mismatches = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || action != null && line.startsWith("@")) {
                if (action != null && line.startsWith("@")) {
                    action.accept(line.substring(1));
                }
                rewritten.append(line).append('\n');
                i++;
                continue;
            }
            List<String> command = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).equals("----")) {
                command.add(lines.get(i++));
            }
            if (i >= lines.size()) {
                throw new IllegalStateException(file.getFileName() + ": a command without ----: " + command);
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals("----")) {
                end++;
            }
            String expected = String.join("\n", lines.subList(i + 1, Math.min(end, lines.size())));
            String script = String.join("\n", command);
            String actual = run.apply(script);
            if (!actual.equals(expected)) {
                mismatches.add(script + "\n--- expected\n" + expected + "\n--- actual\n" + actual);
            }
            rewritten.append(script).append("\n----\n").append(actual).append(actual.isEmpty() ? "" : "\n")
                    .append("----\n");
            i = end + 1;
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(mismatches).as("run with -Dgolden.update=true to regenerate").isEmpty();
    }

    /**
     * Runs {@code script} with {@code bash -c} on {@code host} (at most 10 virtual minutes) and
     * shows what a terminal would: the output, then {@code [stderr]} and the errors, then
     * {@code [exit N]} for a non-zero status; without the final newline.
     */
    public static String bash(Host host, String script) {
        CommandResult r = host.run(List.of("bash", "-c", script), null, 600 * Time.SECOND);
        StringBuilder out = new StringBuilder(r.stdout());
        if (!r.stderr().isEmpty()) {
            out.append("[stderr]\n").append(r.stderr());
        }
        if (r.exitStatus() != 0) {
            out.append("[exit ").append(r.exitStatus()).append("]\n");
        }
        String s = out.toString();
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
