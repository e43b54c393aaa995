package clusterlab.lab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** A line that fails never ends the lab shell, and the shell always gets its prompt back. */
class LabShellProperties {

    @Provide
    Arbitrary<List<String>> sessions() {
        Arbitrary<String> lab = Arbitraries.of(":node", ":node nosuch", ":node node1/2", ":node node1", ":advance",
                ":advance 1x", ":advance 2s", ":crash", ":loss 2", ":loss abc", ":latency -1s", ":partition a",
                ":partition node1 | node2", ":block x", ":heal", ":capture", ":capture 1bad", ":capture X (", ":time",
                ":seed", ":help", ":bogus", "^C");
        Arbitrary<String> commands = Arbitraries.of("echo hi", "docker ps", "docker run --foo x", "cat <<EOF",
                "EOF", "'unbalanced", "ls /nope", "exit 3", "docker version", "true && false || echo x", "sleep 1");
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(60).withChars("ab $'\"`|&;<>(){}\\:é中\t");
        return Arbitraries.frequencyOf(Tuple.of(3, lab), Tuple.of(3, commands), Tuple.of(2, garbage))
                .list().ofMinSize(1).ofMaxSize(10);
    }

    @Property(tries = 40, seed = "7")
    void noLineEndsTheShell(@ForAll("sessions") List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        LabSession session = new LabSession(3, 2, out::print);
        LabShell shell = new LabShell(session, 3, out);
        for (String line : lines) {
            shell.line(line);
            assertThat(shell.wantsToQuit()).isFalse();
        }
        // Whatever happened, the keyboard comes back: an empty line gets a prompt or reaches a program.
        session.switchTo("node1");
        shell.line("echo still-here");
        shell.line("^C");
        shell.line("echo still-here");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("still-here");
    }
}
