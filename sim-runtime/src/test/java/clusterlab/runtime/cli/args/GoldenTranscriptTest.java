package clusterlab.runtime.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden transcripts: each case is "### <command line after docker>" followed by the
 * expected rendering of the parse (or of docker's error). Run with -Dgolden.update=true
 * to rewrite the expected blocks, then review the diff.
 */
class GoldenTranscriptTest {
    private static final Path FILE = Path.of("src/test/resources/clusterlab/runtime/cli/args/transcripts.txt");

    @Test
    void transcriptsMatch() throws IOException {
        List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        DockerArgs parser = new DockerArgs();
        StringBuilder rewritten = new StringBuilder();
        List<String> failures = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("### ")) {
                rewritten.append(line).append('\n');
                i++;
                continue;
            }
            String cmdLine = line.substring(4);
            int j = i + 1;
            StringBuilder expected = new StringBuilder();
            while (j < lines.size() && !lines.get(j).startsWith("### ")) {
                expected.append(lines.get(j)).append('\n');
                j++;
            }
            String actual = render(parser, Shell.split(cmdLine));
            String exp = expected.toString().replaceAll("\n+$", "");
            if (!exp.equals(actual)) {
                failures.add("### " + cmdLine + "\n--- expected\n" + exp + "\n--- actual\n" + actual);
            }
            rewritten.append(line).append('\n').append(actual).append("\n\n");
            i = j;
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(FILE, rewritten.toString().replaceAll("\n+$", "\n"), StandardCharsets.UTF_8);
            return;
        }
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
    }

    static String render(DockerArgs parser, List<String> argv) {
        StringBuilder b = new StringBuilder();
        try {
            ParsedCommand p = parser.parse(argv);
            for (String w : p.warnings()) {
                b.append("warning: ").append(w).append('\n');
            }
            switch (p.kind()) {
                case RUN -> {
                    b.append("RUN ").append(String.join(" ", p.path()))
                            .append(" (").append(p.command().commandPath()).append(")\n");
                    b.append("flags: ").append(p.flags().describeChanged()).append('\n');
                    if (!p.globals().changedNames().isEmpty()) {
                        b.append("globals: ").append(p.globals().describeChanged()).append('\n');
                    }
                    b.append("args: ").append(p.args());
                }
                case VERSION -> b.append("VERSION");
                case HELP -> b.append("HELP ").append(p.outputToStderr() ? "stderr" : "stdout")
                        .append(" (").append(p.command().commandPath()).append(")\n").append(p.output());
            }
        } catch (ParseException e) {
            b.append("ERROR ").append(e.exitStatus()).append('\n').append(e.getMessage());
        }
        return b.toString().replaceAll("\n+$", "");
    }
}
