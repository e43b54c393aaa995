package clusterlab.runtime.build;

import java.util.List;
import java.util.Map;

/**
 * One parsed Dockerfile instruction, before variable substitution (which needs the build's
 * state at that step).
 *
 * @param line where the instruction starts, 1-based
 * @param keyword upper case: {@code RUN}, {@code COPY}...
 * @param original the instruction as written, continuation lines joined: what {@code Step N/M :}
 *     prints
 * @param flags {@code --chown=..}-style flags, by name (without dashes)
 * @param rest the text after the keyword and flags, trimmed
 * @param json the exec-form (JSON array) arguments, or null for the shell form
 */
public record Instruction(int line, String keyword, String original, Map<String, String> flags, String rest,
        List<String> json) {
    public Instruction {
        flags = Map.copyOf(flags);
        json = json == null ? null : List.copyOf(json);
    }

    /**
     * {@code docker build --label k=v}: the daemon appends one LABEL instruction, written
     * {@code LABEL "k"='v'}, which counts as a step.
     */
    static Instruction labelOption(java.util.SortedMap<String, String> labels) {
        StringBuilder line = new StringBuilder("LABEL");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            line.append(' ');
            GoQuote.quote(line, e.getKey());
            line.append("='").append(e.getValue()).append('\'');
        }
        return new Instruction(0, "LABEL", line.toString(), Map.of(), line.substring("LABEL ".length()), null);
    }

    public boolean isJson() {
        return json != null;
    }
}
