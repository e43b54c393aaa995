package clusterlab.runtime.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Dockerfile as the classic builder of Docker 18.09 does: parser directives
 * ({@code # escape=`}), comments, continuation lines, instruction keywords in any case, flags,
 * exec (JSON) and shell forms, and each instruction's argument rules, failing with the daemon's
 * messages. Variable substitution happens later, step by step, in the {@link Builder}.
 */
public final class DockerfileParser {
    /** A Dockerfile larger than this is refused (Docker reads it into memory too). */
    public static final int MAX_CHARS = 1 << 20;
    public static final int MAX_INSTRUCTIONS = 10_000;

    static final Set<String> KNOWN = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "COPY", Set.of("chown", "from"),
            "ADD", Set.of("chown"),
            "FROM", Set.of("platform"),
            "HEALTHCHECK", Set.of("interval", "timeout", "start-period", "retries"));
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");

    private DockerfileParser() {}

    /**
     * @param name the file's name for the empty-file message ({@code Dockerfile})
     * @throws DockerfileParseException with the daemon's message
     */
    public static Dockerfile parse(String text, String name) throws DockerfileParseException {
        if (text.isEmpty()) {
            throw new DockerfileParseException("the Dockerfile (" + name + ") cannot be empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new DockerfileParseException("the Dockerfile (" + name + ") is larger than this lab reads ("
                    + MAX_CHARS + " characters)");
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        char escape = '\\';
        int i = 0;
        boolean sawEscape = false;
        // Directives are only read at the very top; the first other line ends them.
        while (i < lines.length) {
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.matches()) {
                break;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (key.equals("escape")) {
                if (sawEscape) {
                    throw new DockerfileParseException("only one escape parser directive can be used");
                }
                String v = m.group(2);
                if (!v.equals("`") && !v.equals("\\")) {
                    throw new DockerfileParseException("invalid ESCAPE '" + v + "'. Must be ` or \\");
                }
                escape = v.charAt(0);
                sawEscape = true;
            } else if (!key.equals("syntax")) {
                break; // an unknown directive is an ordinary comment
            }
            i++;
        }
        WordExpander words = new WordExpander(escape);
        List<Instruction> out = new ArrayList<>();
        while (i < lines.length) {
            String first = lines[i].strip();
            if (first.isEmpty() || first.startsWith("#")) {
                i++;
                continue;
            }
            int startLine = i + 1;
            StringBuilder joined = new StringBuilder();
            while (i < lines.length) {
                String raw = lines[i];
                String stripped = raw.strip();
                i++;
                if (joined.length() > 0 && (stripped.isEmpty() || stripped.startsWith("#"))) {
                    continue; // comments and blank lines inside a continued instruction are dropped
                }
                String trailing = stripTrailing(raw);
                if (!trailing.isEmpty() && trailing.charAt(trailing.length() - 1) == escape) {
                    joined.append(trailing, 0, trailing.length() - 1);
                    continue;
                }
                joined.append(raw);
                break;
            }
            if (out.size() >= MAX_INSTRUCTIONS) {
                throw new DockerfileParseException("the Dockerfile (" + name + ") has more than " + MAX_INSTRUCTIONS
                        + " instructions");
            }
            out.add(instruction(startLine, joined.toString().strip(), words));
        }
        if (out.isEmpty()) {
            throw new DockerfileParseException("file with no instructions.");
        }
        for (Instruction in : out) {
            if (in.keyword().equals("FROM")) {
                break;
            }
            if (!in.keyword().equals("ARG")) {
                throw new DockerfileParseException("No build stage in current context");
            }
        }
        return new Dockerfile(escape, out);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static Instruction instruction(int line, String text, WordExpander words) throws DockerfileParseException {
        int sp = 0;
        while (sp < text.length() && !Character.isWhitespace(text.charAt(sp))) {
            sp++;
        }
        String keyword = text.substring(0, sp).toUpperCase(Locale.ROOT);
        String rest = text.substring(sp).strip();
        if (!KNOWN.contains(keyword)) {
            throw DockerfileParseException.atLine(line, "unknown instruction: " + keyword);
        }
        Map<String, String> flags = new LinkedHashMap<>();
        while (rest.startsWith("--")) {
            int end = 0;
            while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
                end++;
            }
            String flag = rest.substring(2, end);
            rest = rest.substring(end).strip();
            if (flag.isEmpty()) {
                break; // "--" ends the flags
            }
            int eq = flag.indexOf('=');
            String fname = eq < 0 ? flag : flag.substring(0, eq);
            if (!FLAGS.getOrDefault(keyword, Set.of()).contains(fname)) {
                throw DockerfileParseException.atLine(line, "Unknown flag: " + fname);
            }
            if (eq < 0) {
                throw DockerfileParseException.atLine(line, "Missing a value on flag: " + fname);
            }
            if (flags.containsKey(fname)) {
                throw DockerfileParseException.atLine(line, "Duplicate flag specified: " + fname);
            }
            flags.put(fname, flag.substring(eq + 1));
        }
        List<String> json = switch (keyword) {
            case "RUN", "CMD", "ENTRYPOINT", "COPY", "ADD", "VOLUME", "SHELL" -> JsonArgs.parse(rest);
            default -> null;
        };
        validate(line, keyword, rest, json, words);
        return new Instruction(line, keyword, text, flags, rest, json);
    }

    private static void validate(int line, String keyword, String rest, List<String> json, WordExpander words)
            throws DockerfileParseException {
        List<String> w;
        try {
            w = words.rawWords(rest);
        } catch (IllegalArgumentException e) {
            throw DockerfileParseException.atLine(line, e.getMessage());
        }
        switch (keyword) {
            case "FROM" -> {
                boolean stage = w.size() == 3 && w.get(1).equalsIgnoreCase("as");
                if (w.size() != 1 && !stage) {
                    throw DockerfileParseException.atLine(line, "FROM requires either one or three arguments");
                }
                if (stage && !STAGE_NAME.matcher(w.get(2).toLowerCase(Locale.ROOT)).matches()) {
                    throw DockerfileParseException.atLine(line, "invalid name for build stage: \"" + w.get(2)
                            + "\", name can't start with a number or contain symbols");
                }
            }
            case "RUN" -> requireAtLeast(line, keyword, json != null ? json.size() : w.size(), 1);
            case "COPY", "ADD" -> {
                if ((json != null ? json.size() : w.size()) < 2) {
                    throw DockerfileParseException.atLine(line, keyword + " requires at least two arguments");
                }
            }
            case "ENV", "LABEL" -> nameValues(line, keyword, w);
            case "ARG" -> {
                if (w.size() != 1) {
                    throw DockerfileParseException.atLine(line, "ARG requires exactly one argument");
                }
                if (w.get(0).startsWith("=")) {
                    throw DockerfileParseException.atLine(line, "ARG names can not be blank");
                }
            }
            case "WORKDIR", "USER", "MAINTAINER", "STOPSIGNAL" -> {
                if (w.isEmpty() || (keyword.equals("STOPSIGNAL") && w.size() != 1)) {
                    throw DockerfileParseException.atLine(line, keyword + " requires exactly one argument");
                }
            }
            case "EXPOSE", "VOLUME", "ONBUILD" -> requireAtLeast(line, keyword, json != null ? json.size() : w.size(), 1);
            case "SHELL" -> {
                if (json == null) {
                    throw DockerfileParseException.atLine(line, "SHELL requires the arguments to be in JSON form");
                }
                requireAtLeast(line, keyword, json.size(), 1);
            }
            default -> { } // CMD, ENTRYPOINT and HEALTHCHECK take anything, even nothing
        }
    }

    private static void requireAtLeast(int line, String keyword, int n, int min) throws DockerfileParseException {
        if (n < min) {
            throw DockerfileParseException.atLine(line, keyword + " requires at least one argument");
        }
    }

    /** ENV and LABEL: {@code K V} (old form) or {@code K=V K2=V2}. */
    private static void nameValues(int line, String keyword, List<String> w) throws DockerfileParseException {
        if (w.isEmpty()) {
            throw DockerfileParseException.atLine(line, keyword + " requires at least one argument");
        }
        if (!w.get(0).contains("=")) {
            if (w.size() < 2) {
                throw DockerfileParseException.atLine(line, keyword + " must have two arguments");
            }
            return;
        }
        for (String word : w) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw DockerfileParseException.atLine(line, "Syntax error - can't find = in \"" + word
                        + "\". Must be of the form: name=value");
            }
            if (eq == 0) {
                throw DockerfileParseException.atLine(line, keyword + " names can not be blank");
            }
        }
    }
}
