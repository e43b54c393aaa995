package clusterlab.kernel.programs.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Golden transcripts (datadriven style): a file of cases {@code $ command}, optional stdin lines
 * {@code < text}, then the expected output (stdout then stderr) and {@code [exit N]}. Run with
 * {@code -Dgolden.update=true} to rewrite the expected blocks from the actual output; review the diff.
 */
final class Golden {
    /** One case's input. */
    record Case(String command, String stdin) {}

    private static final String RESOURCES = "src/test/resources/clusterlab/kernel/programs/tools/";

    private Golden() {}

    /** Runs every case through {@code runner} (which returns output plus the exit line) and compares. */
    static void check(String fileName, Function<Case, String> runner) {
        Path file = Path.of(RESOURCES + fileName);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = List.of(text.split("\n", -1));
        StringBuilder rewritten = new StringBuilder();
        List<String> mismatches = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("$ ")) {
                if (!(i == lines.size() - 1 && line.isEmpty())) {
                    rewritten.append(line).append('\n');
                }
                i++;
                continue;
            }
            String command = line.substring(2);
            rewritten.append(line).append('\n');
            i++;
            StringBuilder stdin = null;
            while (i < lines.size() && lines.get(i).startsWith("< ")) {
                if (stdin == null) {
                    stdin = new StringBuilder();
                }
                stdin.append(lines.get(i).substring(2)).append('\n');
                rewritten.append(lines.get(i)).append('\n');
                i++;
            }
            StringBuilder expected = new StringBuilder();
            while (i < lines.size() && !lines.get(i).matches("\\[exit -?\\d+\\]")) {
                expected.append(lines.get(i)).append('\n');
                i++;
            }
            if (i < lines.size()) {
                expected.append(lines.get(i)).append('\n');
                i++;
            }
            String actual = runner.apply(new Case(command, stdin == null ? null : stdin.toString()));
            rewritten.append(actual);
            if (!actual.equals(expected.toString())) {
                mismatches.add("$ " + command + "\n--- expected\n" + expected + "--- actual\n" + actual);
            }
        }
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.writeString(file, rewritten.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(mismatches).as("golden transcript " + fileName + " (rerun with -Dgolden.update=true)").isEmpty();
    }

    /** Splits a command line on spaces, with '...' quoting. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    /** Output as a transcript shows it: stdout, stderr, a newline if missing, the exit line. */
    static String transcript(String stdout, String stderr, int status) {
        String out = stdout + stderr;
        if (!out.isEmpty() && !out.endsWith("\n")) {
            out += "\n[no newline at end]\n";
        }
        return out + "[exit " + status + "]\n";
    }
}
