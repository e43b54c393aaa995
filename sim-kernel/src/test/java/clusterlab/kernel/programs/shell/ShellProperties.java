package clusterlab.kernel.programs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The parser never throws but its own error; the shell always ends random command lines with a status. */
class ShellProperties {

    private static void parsesOrReportsSyntaxError(String text) {
        for (boolean finalInput : new boolean[] {true, false}) {
            try {
                Parser.parse(text, finalInput, 1, new ArrayList<>());
            } catch (ShellSyntaxException expected) {
                assertThat(expected.line()).isPositive();
            }
        }
    }

    @Property(tries = 300)
    void arbitraryUnicodeNeverBreaksTheParser(@ForAll @StringLength(max = 200) String text) {
        parsesOrReportsSyntaxError(text);
    }

    @Property(tries = 500)
    void shellLookingGarbageNeverBreaksTheParser(@ForAll("garbage") String text) {
        parsesOrReportsSyntaxError(text);
    }

    @Property(tries = 20)
    void deepNestingIsASyntaxErrorNotAStackOverflow(@ForAll @IntRange(min = 1, max = 20_000) int depth,
            @ForAll("openers") String opener) {
        parsesOrReportsSyntaxError(opener.repeat(depth) + "echo" + ")".repeat(depth));
    }

    @Property(tries = 3)
    void hugeInputIsRefusedCleanly(@ForAll @IntRange(min = 1, max = 3) int megabytes) {
        parsesOrReportsSyntaxError("echo ".repeat(megabytes * 220_000));
    }

    @Property(tries = 60)
    void randomCommandLinesAlwaysEndWithAStatus(@ForAll("commandLines") String line) {
        ShellFixture f = new ShellFixture();
        ShellFixture.Result r = f.run(List.of("bash", "-c", line), null);
        assertThat(r.status()).as("status of %s", line).isBetween(0, 255);
        ShellFixture.Result sh = f.run(List.of("sh", "-c", line), "some input\n");
        assertThat(sh.status()).as("sh status of %s", line).isBetween(0, 255);
    }

    @Provide
    Arbitrary<String> openers() {
        return Arbitraries.of("(", "$(", "{ ", "\"$(", "${X:-", "`");
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.of("'", "\"", "`", "\\", "$", "${", "}", "$(", ")", "(", "{", "<<", "<<-", "EOF", "\n",
                "\t", " ", ";", ";;", "&", "&&", "|", "||", ">", ">>", "2>&1", "&>", "<", "#", "=", "X=", "if",
                "then", "fi", "while", "do", "done", "for", "in", "!", "é", "\u0000", "\uD83D\uDE00", "a", "echo")
                .list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> commandLines() {
        return Arbitraries.of("echo a", "true", "false", "exitwith 3", "cat", "upper", "nope", "./x", "/tmp",
                "cd /tmp", "cd /nope", "read x", "X=1", "$X", "\"$(echo a)\"", "`echo b`", "${Y:-d}", ";", "&&",
                "||", "|", ">", "/tmp/f", ">>", "<", "/nope/f", "2>&1", "<<EOF", "\n", "EOF", "'", "\"", "(", ")",
                "{", "}", "if", "then", "else", "fi", "for", "i", "in", "do", "done", "&", "!", "#", "exit",
                "exit 4", "type", "command -v", "export Z=2", "unset X", "set -e", "test -f", "[", "]", "-z", "x", "*",
                "source", "exec", "/" + "long".repeat(1500), "cd " + "d/".repeat(3000), ". /tmp/f", "wait", "shift")
                .list().ofMaxSize(14).map(parts -> String.join(" ", parts));
    }

    @Property(tries = 5)
    void aShellInAnInfiniteLoopStillStopsWhenKilled(@ForAll @IntRange(min = 1, max = 5) int seconds) {
        ShellFixture f = new ShellFixture();
        ShellFixture.Session s = f.new Session("bash", "-c", "while true; do :; done");
        s.pause(seconds * Time.SECOND);
        assertThat(s.shell.isAlive()).isTrue();
        f.host.os().signal(null, s.shell, clusterlab.kernel.os.Signal.SIGTERM);
        s.settle();
        assertThat(s.shell.exitStatus()).isEqualTo(143);
    }
}
