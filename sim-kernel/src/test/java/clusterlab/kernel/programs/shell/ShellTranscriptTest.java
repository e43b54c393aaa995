package clusterlab.kernel.programs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden transcripts of the shells (datadriven style). Each case in
 * {@code src/test/resources/clusterlab/kernel/programs/shell/*.txt} is
 *
 * <pre>
 * === name
 * $ bash -c            (the body is the -c string, then optionally "--- stdin" and its input;
 *                       "$ stdin bash" feeds the body on stdin;
 * body lines            "$ terminal bash" types it at a terminal: ^C, ^D and "@wait 5s" are keys/pauses)
 * ----
 * expected output
 * </pre>
 *
 * Run with {@code -Dgolden.update=true} to rewrite the expected blocks, then review the diff.
 */
class ShellTranscriptTest {
    private static final Path DIR = Path.of("src/test/resources/clusterlab/kernel/programs/shell");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @Test
    void basics() throws IOException {
        check("basics.txt");
    }

    @Test
    void redirectionsAndPipes() throws IOException {
        check("redirections.txt");
    }

    @Test
    void interactive() throws IOException {
        check("interactive.txt");
    }

    @Test
    void errors() throws IOException {
        check("errors.txt");
    }

    private record Case(String name, String command, List<String> body, String expected) {}

    private void check(String file) throws IOException {
        Path path = DIR.resolve(file);
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        List<Case> cases = parse(lines);
        StringBuilder rewritten = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String actual = execute(c);
            rewritten.append("=== ").append(c.name()).append('\n').append("$ ").append(c.command()).append('\n');
            for (String l : c.body()) {
                rewritten.append(l).append('\n');
            }
            rewritten.append("----\n").append(actual).append('\n');
            if (!actual.equals(c.expected())) {
                failures.add("case '" + c.name() + "':\n--- expected\n" + c.expected() + "\n--- actual\n" + actual);
            }
        }
        if (UPDATE) {
            Files.writeString(path, rewritten.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(failures).as("golden transcript " + file + " (rerun with -Dgolden.update=true)").isEmpty();
    }

    private static List<Case> parse(List<String> lines) {
        List<Case> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith("=== ")) {
                i++;
                continue;
            }
            String name = lines.get(i++).substring(4);
            String command = lines.get(i++).substring(2);
            List<String> body = new ArrayList<>();
            while (!lines.get(i).equals("----")) {
                body.add(lines.get(i++));
            }
            i++;
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).startsWith("=== ")) {
                expected.add(lines.get(i++));
            }
            while (!expected.isEmpty() && expected.get(expected.size() - 1).isEmpty()) {
                expected.remove(expected.size() - 1);
            }
            cases.add(new Case(name, command, body, String.join("\n", expected)));
        }
        return cases;
    }

    private static String execute(Case c) {
        ShellFixture f = new ShellFixture();
        List<String> words = Arrays.asList(c.command().split(" "));
        String text = String.join("\n", c.body());
        if (words.get(0).equals("terminal")) {
            ShellFixture.Session s = f.new Session(words.subList(1, words.size()).toArray(String[]::new));
            for (String line : c.body()) {
                if (line.equals("^C")) {
                    s.ctrlC();
                } else if (line.equals("^D")) {
                    s.ctrlD();
                } else if (line.startsWith("@wait ")) {
                    s.pause(Time.parseDuration(line.substring(6)));
                } else {
                    s.type(line);
                }
            }
            String status = s.shell.isAlive() ? "running" : String.valueOf(s.shell.exitStatus());
            return s.screen + "\n[status: " + status + "]";
        }
        ShellFixture.Result r;
        if (words.get(0).equals("stdin")) {
            r = f.run(words.subList(1, words.size()), text + "\n");
        } else {
            // "--- stdin" in the body: what follows is the command's standard input
            int split = c.body().indexOf("--- stdin");
            String script = split < 0 ? text : String.join("\n", c.body().subList(0, split));
            String stdin = split < 0 ? null : String.join("\n", c.body().subList(split + 1, c.body().size())) + "\n";
            List<String> argv = new ArrayList<>(words);
            int dashC = argv.indexOf("-c");
            argv.add(dashC + 1, script);
            r = f.run(argv, stdin);
        }
        StringBuilder sb = new StringBuilder();
        if (!r.stdout().isEmpty()) {
            sb.append("stdout:\n").append(block(r.stdout()));
        }
        if (!r.stderr().isEmpty()) {
            sb.append("stderr:\n").append(block(r.stderr()));
        }
        sb.append("status: ").append(r.status());
        return sb.toString();
    }

    private static String block(String text) {
        return text.endsWith("\n") ? text : text + "\n(no newline at end)\n";
    }
}
