package clusterlab.runtime.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TemplatePropertiesTest {

    /** Fragments that make the lexer and parser take many different paths. */
    private static final List<String> PIECES = List.of(
            "{{", "}}", "{{- ", " -}}", "{{/*", "*/}}", ".", ".ID", ".Names", ".State.Pid", ".Mounts", "$", "$x",
            ":=", "=", ",", "|", "(", ")", "\"", "\"a\\n\"", "`raw`", "'c'", " ", "\n", "\t", "-", "3", "1.5",
            "0x1F", "1e3", "if", "else", "end", "range", "with", "break", "continue", "nil", "true", "define",
            "json", "split", "join", "title", "lower", "upper", "pad", "truncate", "len", "index", "eq", "lt",
            "print", "printf", "\"%d\"", "and", "or", "not", "foo", "日本", "é", "\uD83D\uDE00", "\u0000", "}", "{", "\\");

    @Provide
    Arbitrary<String> formats() {
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(3);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(8, piece),
                        net.jqwik.api.Tuple.of(1, noise))
                .list().ofMaxSize(14)
                .map(parts -> String.join("", parts));
    }

    private static Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ID", "a87ecb4f327c");
        c.put("Names", "web");
        c.put("Mounts", List.of("v1", "v2"));
        c.put("State", Map.of("Pid", 42L));
        c.put("Nil", null);
        return c;
    }

    @Property(tries = 600)
    void anyFormatEitherRendersOrFailsWithATemplateException(@ForAll("formats") String format) {
        try {
            String out = Template.parse(format).render(context());
            assertThat(out).isNotNull();
        } catch (TemplateException e) {
            assertThat(e.getMessage()).startsWith("template: ");
        }
        try {
            Formatter.render("table " + format, Map.of("ID", "CONTAINER ID"), List.of(context()));
        } catch (TemplateException e) {
            assertThat(e.getMessage()).startsWith("template parsing error: template: ");
        }
    }

    @Property(tries = 200)
    void arbitraryUnicodeNeverEscapesAsAnotherException(@ForAll String format) {
        try {
            Template.parse(format).render(context());
        } catch (TemplateException e) {
            assertThat(e.getMessage()).startsWith("template: ");
        }
    }

    @Property(tries = 200)
    void tabWriterKeepsEveryNonTabCharacterInOrder(@ForAll("formats") String text) {
        String out = TabWriter.format(text);
        String expected = text.replace("\t", "").replace("\u000b", "").replace('\f', '\n');
        assertThat(out.replace(" ", "")).isEqualTo(expected.replace(" ", ""));
    }
}
