package clusterlab.runtime.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WordExpanderTest {
    private final WordExpander x = new WordExpander('\\');
    private final Function<String, String> env = Map.of("HOME", "/root", "EMPTY", "", "TWO", "a b")::get;

    @Test
    void variables() {
        assertThat(x.expand("$HOME/x", env)).isEqualTo("/root/x");
        assertThat(x.expand("${HOME}x", env)).isEqualTo("/rootx");
        assertThat(x.expand("${NOPE:-dflt}", env)).isEqualTo("dflt");
        assertThat(x.expand("${EMPTY:-dflt}", env)).isEqualTo("dflt");
        assertThat(x.expand("${HOME:+set}", env)).isEqualTo("set");
        assertThat(x.expand("${NOPE:+set}", env)).isEqualTo("");
        assertThat(x.expand("$NOPE", env)).isEqualTo("");
        assertThat(x.expand("cost $5", env)).isEqualTo("cost ");
        assertThat(x.expand("a$", env)).isEqualTo("a$");
    }

    @Test
    void quotesAndEscapes() {
        assertThat(x.expand("'$HOME'", env)).isEqualTo("$HOME");
        assertThat(x.expand("\"$HOME x\"", env)).isEqualTo("/root x");
        assertThat(x.expand("\\$HOME", env)).isEqualTo("$HOME");
        assertThat(x.expand("\"a \\\"q\\\"\"", env)).isEqualTo("a \"q\"");
        assertThatThrownBy(() -> x.expand("\"open", env)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> x.expand("${HOME", env)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wordsSplitUnquotedExpansions() {
        assertThat(x.expandWords("80 $TWO \"c d\"", env)).containsExactly("80", "a", "b", "c d");
        assertThat(x.rawWords("A=\"x y\" B='z w'")).containsExactly("A=\"x y\"", "B='z w'");
    }

    @Property(tries = 500)
    void anyTextExpandsOrFailsWithIllegalArgument(@ForAll String text) {
        try {
            x.expand(text, env);
            x.expandWords(text, env);
            x.rawWords(text);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
