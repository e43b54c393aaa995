package clusterlab.runtime.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    private static Map<String, Object> container() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("ID", "a87ecb4f327c");
        c.put("Command", "\"/bin/sh -c 'nginx…\"");
        c.put("Names", "web");
        c.put("Labels", "com.docker.swarm.node=ubuntu,com.docker.swarm.storage=ssd");
        c.put("Mounts", List.of("vol1", "vol2"));
        c.put("Size", 3L);
        c.put("Ratio", 0.5);
        c.put("Nil", null);
        c.put("State", Map.of("Running", true, "Pid", 42L));
        return c;
    }

    private static String render(String template) {
        return Template.parse(template).render(container());
    }

    @Test
    void fieldsNestedFieldsDotAndLiterals() {
        assertThat(render("{{.ID}}: {{.Command}}")).isEqualTo("a87ecb4f327c: \"/bin/sh -c 'nginx…\"");
        assertThat(render("{{.State.Pid}} {{.State.Running}}")).isEqualTo("42 true");
        assertThat(render("{{.Mounts}} {{.Ratio}} {{3}} {{1.0}} {{\"a\\tb\"}} {{`raw`}}"))
                .isEqualTo("[vol1 vol2] 0.5 3 1 a\tb raw");
        assertThat(Template.parse("{{.}}").render("plain")).isEqualTo("plain");
        assertThat(render("{{.State}}")).isEqualTo("map[Pid:42 Running:true]");
    }

    @Test
    void missingAndNilValuesOfAMapPrintNoValue() {
        assertThat(render("{{.Missing}}|{{.Missing.Deeper}}|{{.Nil}}")).isEqualTo("<no value>|<no value>|<no value>");
        assertThatThrownBy(() -> render("{{.Nil.X}}"))
                .hasMessage("template: :1:2: executing \"\" at <.Nil.X>: nil pointer evaluating interface {}.X");
    }

    @Test
    void missingFieldOfAStructIsAnError() {
        GoStruct ctx = new GoStruct("*formatter.ContainerContext", Map.of("ID", "abc"));
        assertThat(Template.parse("{{.ID}}").render(ctx)).isEqualTo("abc");
        assertThatThrownBy(() -> Template.parse("{{.Foo}}").render(ctx)).isInstanceOf(TemplateException.class)
                .hasMessage("template: :1:2: executing \"\" at <.Foo>: can't evaluate field Foo in type "
                        + "*formatter.ContainerContext");
        assertThatThrownBy(() -> render("{{.ID.Foo}}")).hasMessage(
                "template: :1:2: executing \"\" at <.ID.Foo>: can't evaluate field Foo in type string");
    }

    @Test
    void methodFieldsTakeArguments() {
        TemplateMethod label = args -> "ssd-" + args.get(0);
        GoStruct ctx = new GoStruct("*formatter.ContainerContext", Map.of("Label", label));
        assertThat(Template.parse("{{.Label \"storage\"}}").render(ctx)).isEqualTo("ssd-storage");
    }

    @Test
    void dockerFunctions() {
        assertThat(render("{{upper .Names}} {{.Names | upper}} {{lower \"ÀB\"}} {{title \"hello wide-world\"}}"))
                .isEqualTo("WEB WEB àb Hello Wide-World");
        assertThat(render("{{join .Mounts \", \"}}")).isEqualTo("vol1, vol2");
        assertThat(render("{{split \"a,b,,c\" \",\"}}")).isEqualTo("[a b  c]");
        assertThat(render("{{join (split .Labels \",\") \"|\"}}"))
                .isEqualTo("com.docker.swarm.node=ubuntu|com.docker.swarm.storage=ssd");
        assertThat(render("[{{pad .Names 2 3}}][{{pad \"\" 2 3}}]")).isEqualTo("[  web   ][]");
        assertThat(render("{{truncate .ID 4}}|{{truncate .ID 40}}|{{truncate \"héllo\" 2}}"))
                .isEqualTo("a87e|a87ecb4f327c|h\uFFFD");
        assertThat(render("{{json .Mounts}} {{json .Names}} {{json \"<&>\"}}"))
                .isEqualTo("[\"vol1\",\"vol2\"] \"web\" \"<&>\"");
    }

    @Test
    void jsonOfAMapIsOneLineWithSortedKeys() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Names", "web");
        row.put("ID", "a87ecb4f327c");
        row.put("Size", 0L);
        row.put("Ports", "");
        assertThat(Template.parse("{{json .}}").render(row))
                .isEqualTo("{\"ID\":\"a87ecb4f327c\",\"Names\":\"web\",\"Ports\":\"\",\"Size\":0}");
    }

    @Test
    void builtinsAndControlFlow() {
        assertThat(render("{{if .State.Running}}up{{else}}down{{end}}")).isEqualTo("up");
        assertThat(render("{{if eq .Names \"db\"}}db{{else if eq .Names \"web\"}}web{{else}}?{{end}}"))
                .isEqualTo("web");
        assertThat(render("{{range .Mounts}}<{{.}}>{{end}}")).isEqualTo("<vol1><vol2>");
        assertThat(render("{{range $i, $m := .Mounts}}{{$i}}={{$m}};{{end}}")).isEqualTo("0=vol1;1=vol2;");
        assertThat(render("{{range .Missing}}x{{else}}none{{end}}")).isEqualTo("none");
        assertThat(render("{{range .Mounts}}{{if eq . \"vol2\"}}{{break}}{{end}}{{.}}{{end}}")).isEqualTo("vol1");
        assertThat(render("{{with .State}}{{.Pid}}{{end}}")).isEqualTo("42");
        assertThat(render("{{len .Mounts}} {{index .Mounts 1}} {{index .State \"Pid\"}} {{not true}}"))
                .isEqualTo("2 vol2 42 false");
        assertThat(render("{{and 1 0}} {{or 0 \"x\"}} {{lt 1 2}} {{ge .Size 4}}")).isEqualTo("0 x true false");
        assertThat(render("{{print 1 2 \"a\" 3}}|{{println \"a\" 1}}|{{printf \"%s-%d-%q\" .Names .Size \"x\"}}"))
                .isEqualTo("1 2a3|a 1\n|web-3-\"x\"");
        assertThat(render("{{$n := .Names}}{{$n}}{{$}}".replace("{{$}}", ""))).isEqualTo("web");
    }

    @Test
    void trimMarkersAndComments() {
        assertThat(render("a  {{- .Names -}}  b")).isEqualTo("awebb");
        assertThat(render("a {{/* note */}} b {{- /* x */ -}} c")).isEqualTo("a  bc");
        assertThat(render("{{-3}}")).isEqualTo("-3");
    }

    @Test
    void parseErrorsUseGoTexts() {
        assertParseError("{{foo .ID}}", "template: :1: function \"foo\" not defined");
        assertParseError("{{.ID}", "template: :1: bad character U+007D '}'");
        assertParseError("{{.ID }", "template: :1: unexpected \"}\" in operand");
        assertParseError("{{.ID", "template: :1: unclosed action");
        assertParseError("{{}}", "template: :1: missing value for command");
        assertParseError("{{end}}", "template: :1: unexpected {{end}}");
        assertParseError("{{if .X}}", "template: :1: unexpected EOF");
        assertParseError("{{\"abc}}", "template: :1: unterminated quoted string");
        assertParseError("{{.ID | \"x\"}}", "template: :1: non executable command in pipeline stage 2");
        assertParseError("{{$x}}", "template: :1: undefined variable \"$x\"");
        assertParseError("{{/* x }}", "template: :1: unclosed comment");
        assertParseError("{{3x}}", "template: :1: bad number syntax: \"3x\"");
        assertParseError("{{(.ID}}", "template: :1: unclosed left paren");
        assertParseError("a\n{{.ID\n", "template: :3: unclosed action in action started at :2");
        assertParseError("a\n{{.ID\n}", "template: :3: unexpected \"}\" in operand");
    }

    @Test
    void executionErrorsUseGoTexts() {
        assertThatThrownBy(() -> render("{{upper}}")).hasMessage(
                "template: :1:2: executing \"\" at <upper>: wrong number of args for upper: want 1 got 0");
        assertThatThrownBy(() -> render("{{upper .Size}}")).hasMessage(
                "template: :1:8: executing \"\" at <.Size>: wrong type for value; expected string; got int");
        assertThatThrownBy(() -> render("{{upper .Missing}}")).hasMessage(
                "template: :1:8: executing \"\" at <.Missing>: invalid value; expected string");
        assertThatThrownBy(() -> render("{{truncate .ID \"x\"}}")).hasMessage(
                "template: :1:15: executing \"\" at <\"x\">: expected integer; found \"x\"");
        assertThatThrownBy(() -> render("{{index .Mounts 5}}")).hasMessage(
                "template: :1:2: executing \"\" at <index>: error calling index: index out of range: 5");
        assertThatThrownBy(() -> render("{{.Names 1}}")).hasMessage(
                "template: :1:2: executing \"\" at <.Names>: Names is not a method but has arguments");
        assertThatThrownBy(() -> render("{{range .Names}}{{end}}")).hasMessage(
                "template: :1:8: executing \"\" at <.Names>: range can't iterate over web");
    }

    private static void assertParseError(String template, String message) {
        assertThatThrownBy(() -> Template.parse(template)).isInstanceOf(TemplateException.class).hasMessage(message);
    }
}
