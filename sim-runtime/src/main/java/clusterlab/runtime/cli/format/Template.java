package clusterlab.runtime.cli.format;

import clusterlab.runtime.cli.format.TemplateNode.ListNode;
import java.util.Map;

/**
 * A docker {@code --format} template: Go text/template with docker/cli's functions.
 *
 * <p>Contexts: a {@code Map<String, Object>} acts as a Go map (a missing key prints
 * {@code <no value>}), a {@link GoStruct} as a struct (a missing field is an error).
 * Values may be String, Boolean, integer and floating-point numbers, List (a list of
 * strings is a Go []string), Map, GoStruct, {@link TemplateMethod} or null.
 *
 * <p>Supported: text, actions with fields/chains/variables/literals, pipelines, calls,
 * parentheses, trim markers, comments, if/else if/else, range (with else, break,
 * continue and variables), with. Not supported: define/template/block, complex numbers,
 * the builtins html, js, urlquery, slice and call.
 */
public final class Template {

    private final String source;
    private final ListNode root;
    private final Map<String, TemplateFunction> functions;

    private Template(String source, ListNode root, Map<String, TemplateFunction> functions) {
        this.source = source;
        this.root = root;
        this.functions = functions;
    }

    /** Parses like docker's templates.Parse; errors read "template: :1: ...". */
    public static Template parse(String text) {
        return parse(text, TemplateFunctions.BASIC);
    }

    static Template parse(String text, Map<String, TemplateFunction> functions) {
        return new Template(text, TemplateParser.parse(text, functions.keySet()), functions);
    }

    /** Executes against a context; errors read "template: :1:2: executing \"\" at <.X>: ...". */
    public String render(Object context) {
        StringBuilder out = new StringBuilder();
        renderTo(out, context);
        return out.toString();
    }

    /** Executes into {@code out}; on an error, what was written before it stays there. */
    public void renderTo(StringBuilder out, Object context) {
        new TemplateExecutor(source, functions, out).execute(root, context);
    }

    /** The same template with docker's header functions (json, upper... return their input). */
    Template forHeader() {
        return new Template(source, root, TemplateFunctions.HEADER);
    }

    @Override
    public String toString() {
        return source;
    }
}
