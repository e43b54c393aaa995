package clusterlab.runtime.cli.args;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a student types, the parser answers with a parse or a ParseException, never a crash. */
class ParserPropertiesTest {
    private static final DockerArgs PARSER = new DockerArgs();

    @Property(tries = 400)
    void arbitraryArgvNeverThrowsAnythingElse(@ForAll("argv") List<String> argv) {
        try {
            ParsedCommand p = PARSER.parse(argv);
            assertThat(p.command()).isNotNull();
            if (p.kind() == ParsedCommand.Kind.RUN) {
                assertThat(p.command().hasSubCommands()).isFalse();
            }
        } catch (ParseException e) {
            assertThat(e.exitStatus()).isIn(1, 125);
            assertThat(e.getMessage()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<List<String>> argv() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.of("run", "ps", "container", "image", "service", "swarm", "node", "stack", "ls", "rm",
                        "create", "update", "help", "-it", "-d", "-p", "--name", "-e", "--", "-", "--help", "-h",
                        "-m", "--cpus", "--update-delay", "--replicas", "-f", "--filter", "--format", "-H", "-v",
                        "--memory=1g", "-t=5", "--time", "-itp", "---", "--=", "-=", "ubuntu", "80:80"),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(6).map(s -> "-" + s),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5).map(s -> "--" + s),
                Arbitraries.strings().numeric().ofMaxLength(40),
                Arbitraries.strings().ofMinLength(2000).ofMaxLength(5000));
        return words.list().ofMaxSize(12).map(ArrayList::new);
    }
}
