package clusterlab.runtime.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {
    private static Dockerfile parse(String text) throws DockerfileParseException {
        return DockerfileParser.parse(text, "Dockerfile");
    }

    @Test
    void courseDockerfile() throws Exception {
        Dockerfile df = parse("FROM python:3.6.1-alpine\nRUN pip install flask\nCMD [\"python\",\"app.py\"]\n"
                + "COPY app.py /app.py\n");
        assertThat(df.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "CMD", "COPY");
        assertThat(df.instructions().get(1).isJson()).isFalse();
        assertThat(df.instructions().get(1).rest()).isEqualTo("pip install flask");
        assertThat(df.instructions().get(2).json()).containsExactly("python", "app.py");
        assertThat(df.instructions().get(2).original()).isEqualTo("CMD [\"python\",\"app.py\"]");
    }

    @Test
    void continuationsCommentsAndCase() throws Exception {
        Dockerfile df = parse("# a comment\n\nfrom alpine\nrun apk add \\\n# inside\n    curl \\\n\n    wget\n");
        assertThat(df.instructions()).hasSize(2);
        Instruction run = df.instructions().get(1);
        assertThat(run.keyword()).isEqualTo("RUN");
        assertThat(run.line()).isEqualTo(4);
        assertThat(run.original()).isEqualTo("run apk add     curl     wget");
    }

    @Test
    void escapeDirective() throws Exception {
        Dockerfile df = parse("# escape=`\nFROM alpine\nRUN dir c:\\ `\n  && echo x\n");
        assertThat(df.escape()).isEqualTo('`');
        assertThat(df.instructions().get(1).rest()).isEqualTo("dir c:\\   && echo x");
        assertThatThrownBy(() -> parse("# escape=x\nFROM alpine\n"))
                .hasMessage("invalid ESCAPE 'x'. Must be ` or \\");
    }

    @Test
    void invalidJsonIsTheShellForm() throws Exception {
        Instruction cmd = parse("FROM a\nCMD [\"python\", app.py]\n").instructions().get(1);
        assertThat(cmd.isJson()).isFalse();
        assertThat(cmd.rest()).isEqualTo("[\"python\", app.py]");
    }

    @Test
    void flags() throws Exception {
        Instruction copy = parse("FROM a\nCOPY --chown=1000:1000 a /b\n").instructions().get(1);
        assertThat(copy.flags()).isEqualTo(Map.of("chown", "1000:1000"));
        assertThat(copy.rest()).isEqualTo("a /b");
    }

    @Test
    void errorsAsTheDaemonPrintsThem() {
        assertThatThrownBy(() -> parse("FROM a\nRUN x\nRUNN y\n"))
                .hasMessage("Dockerfile parse error line 3: unknown instruction: RUNN");
        assertThatThrownBy(() -> parse("FROM a b\n"))
                .hasMessage("Dockerfile parse error line 1: FROM requires either one or three arguments");
        assertThatThrownBy(() -> parse("RUN x\n")).hasMessage("No build stage in current context");
        assertThatThrownBy(() -> parse("")).hasMessage("the Dockerfile (Dockerfile) cannot be empty");
        assertThatThrownBy(() -> parse("FROM a\nWORKDIR\n"))
                .hasMessage("Dockerfile parse error line 2: WORKDIR requires exactly one argument");
        assertThatThrownBy(() -> parse("FROM a\nARG a b\n"))
                .hasMessage("Dockerfile parse error line 2: ARG requires exactly one argument");
        assertThatThrownBy(() -> parse("FROM a\nSHELL /bin/bash\n"))
                .hasMessage("Dockerfile parse error line 2: SHELL requires the arguments to be in JSON form");
        assertThatThrownBy(() -> parse("FROM a AS 1st\n")).hasMessage("Dockerfile parse error line 1: "
                + "invalid name for build stage: \"1st\", name can't start with a number or contain symbols");
    }

    @Test
    void argBeforeFromIsAllowed() throws Exception {
        assertThat(parse("ARG V=1\nFROM alpine:$V\n").instructions()).hasSize(2);
    }

    @Property(tries = 400)
    void garbageOnlyEverFailsWithTheParseException(@ForAll @StringLength(max = 200) String text) {
        try {
            parse(text);
        } catch (DockerfileParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void instructionShapedGarbageToo(@ForAll("lines") List<String> lines) {
        try {
            parse(String.join("\n", lines));
        } catch (DockerfileParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<String>> lines() {
        var keyword = net.jqwik.api.Arbitraries.of("FROM", "RUN", "CMD", "ENV", "ARG", "COPY", "ADD", "LABEL",
                "EXPOSE", "WORKDIR", "USER", "SHELL", "VOLUME", "# escape=`", "#", "\\", "ENTRYPOINT", "--chown=1",
                "from", "onbuild");
        var arg = net.jqwik.api.Arbitraries.strings().withChars("ab=\"'$[]{}:-\\` ,").ofMaxLength(12);
        return net.jqwik.api.Combinators.combine(keyword, arg).as((k, a) -> k + " " + a).list().ofMaxSize(8);
    }
}
