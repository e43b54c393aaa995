package clusterlab.runtime.cli.format;

import java.util.List;
import java.util.Map;

/**
 * docker/cli's formatter.Context: renders rows with a {@code --format} value.
 * <ul>
 * <li>"json" means {@code {{json .}}};</li>
 * <li>a format starting with "table" prints a header (the same template run over the
 *     header names with docker's header functions, errors ignored) and then the rows,
 *     aligned by {@link TabWriter};</li>
 * <li>anything else is a raw template, each row followed by "\n".</li>
 * </ul>
 * The literal two-character sequences {@code \t} and {@code \n} in a format become a tab
 * and a newline, and surrounding spaces are trimmed, as docker does. Errors (parse or
 * execution) are thrown as TemplateException "template parsing error: template: ...".
 */
public final class Formatter {

    public static final String TABLE_KEY = "table";
    public static final String JSON_KEY = "json";
    public static final String JSON_FORMAT = "{{json .}}";

    private Formatter() {
    }

    /** Renders rows as Go maps (missing fields print {@code <no value>}). */
    public static String render(String format, Map<String, String> headers, List<? extends Map<String, ?>> rows) {
        return renderContexts(format, headers, List.copyOf(rows));
    }

    /**
     * Renders rows as Go structs of {@code typeName} (e.g. "*formatter.ContainerContext"):
     * a field a row lacks is an error, as in docker.
     */
    @SuppressWarnings("unchecked")
    public static String renderStructs(String format, String typeName, Map<String, String> headers,
                                       List<? extends Map<String, ?>> rows) {
        List<Object> contexts = rows.stream()
                .map(row -> (Object) new GoStruct(typeName, (Map<String, Object>) row))
                .toList();
        return renderContexts(format, headers, contexts);
    }

    /** Whether a format is docker's table kind ("table" prefix, as docker tests it). */
    public static boolean isTable(String format) {
        return format.startsWith(TABLE_KEY);
    }

    /** The template text docker actually parses for a format value. */
    public static String templateText(String format) {
        String text = format;
        if (isTable(format)) {
            text = format.substring(TABLE_KEY.length());
        } else if (format.equals(JSON_KEY)) {
            text = JSON_FORMAT;
        }
        text = trimSpaces(text);
        return text.replace("\\t", "\t").replace("\\n", "\n");
    }

    private static String renderContexts(String format, Map<String, String> headers, List<Object> rows) {
        Template template;
        try {
            template = Template.parse(templateText(format));
        } catch (TemplateException e) {
            throw new TemplateException("template parsing error: " + e.getMessage());
        }
        StringBuilder body = new StringBuilder();
        for (Object row : rows) {
            try {
                template.renderTo(body, row);
            } catch (TemplateException e) {
                throw new TemplateException("template parsing error: " + e.getMessage());
            }
            body.append('\n');
        }
        if (!isTable(format)) {
            return body.toString();
        }
        StringBuilder header = new StringBuilder();
        try {
            template.forHeader().renderTo(header, headers);
        } catch (TemplateException e) {
            // docker ignores the header's execution error and prints what was written.
        }
        return TabWriter.docker().write(header.toString()).write("\n").write(body.toString()).render();
    }

    /** strings.Trim(s, " "): only ASCII spaces. */
    private static String trimSpaces(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(start, end);
    }
}
