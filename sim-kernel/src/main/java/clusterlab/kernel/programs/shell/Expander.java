package clusterlab.kernel.programs.shell;

import clusterlab.kernel.programs.shell.Ast.CmdSub;
import clusterlab.kernel.programs.shell.Ast.Lit;
import clusterlab.kernel.programs.shell.Ast.Param;
import clusterlab.kernel.programs.shell.Ast.Part;
import clusterlab.kernel.programs.shell.Ast.Word;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word expansion: parameters, command substitution results (run beforehand by the interpreter,
 * since running commands is asynchronous) and field splitting on unquoted results.
 */
final class Expander {
    /** Bound on the size of one expanded word. */
    static final int MAX_WORD_CHARS = 1 << 20;

    /** An expansion that fails the command, e.g. ${X:?} with X unset. */
    static final class ExpansionError extends RuntimeException {
        ExpansionError(String message) {
            super(message, null, false, false);
        }
    }

    private final ShellState state;
    private final Map<CmdSub, String> substitutions;
    /** Pathname expansion for unquoted * ? [ in fields; null: none (assignments, here-documents). */
    private Glob glob;

    Expander(ShellState state, Map<CmdSub, String> substitutions) {
        this.state = state;
        this.substitutions = substitutions;
    }

    Expander withGlob(Glob g) {
        this.glob = g;
        return this;
    }

    /** Every command substitution in {@code words}, in the order they appear. */
    static void collect(Word word, List<CmdSub> out) {
        if (word == null) {
            return;
        }
        for (Part p : word.parts()) {
            if (p instanceof CmdSub c) {
                out.add(c);
            } else if (p instanceof Param pp) {
                collect(pp.arg(), out);
            }
        }
    }

    static Map<CmdSub, String> newResults() {
        return new IdentityHashMap<>();
    }

    /** Expands to fields: words split on unquoted expansions; "$@" gives one field per parameter. */
    List<String> fields(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            expandInto(w, out);
        }
        return out;
    }

    /** Expands without splitting (assignments, redirection targets, here-documents). */
    String string(Word word) {
        StringBuilder sb = new StringBuilder();
        for (Part p : word.parts()) {
            if (p instanceof Lit l) {
                sb.append(l.text());
            } else if (p instanceof CmdSub c) {
                sb.append(substitutions.getOrDefault(c, ""));
            } else if (p instanceof Param pp) {
                sb.append(String.join(pp.name().equals("*") ? ifsJoiner() : " ", paramValues(pp)));
            }
            bound(sb);
        }
        return sb.toString();
    }

    private void expandInto(Word word, List<String> out) {
        FieldBuilder fb = new FieldBuilder(out, ifs(), glob);
        for (Part p : word.parts()) {
            if (p instanceof Lit l) {
                fb.append(l.text(), l.quoted());
            } else if (p instanceof CmdSub c) {
                fb.append(substitutions.getOrDefault(c, ""), c.quoted());
            } else if (p instanceof Param pp) {
                List<String> values = paramValues(pp);
                boolean multi = pp.name().equals("@") || pp.name().equals("*") && !pp.quoted();
                if (multi && pp.op() == null) {
                    for (int i = 0; i < values.size(); i++) {
                        if (i > 0) {
                            fb.breakField(pp.quoted());
                        }
                        fb.append(values.get(i), pp.quoted());
                    }
                    if (values.isEmpty() && !pp.quoted()) {
                        fb.append("", false);
                    }
                } else {
                    String joined = String.join(pp.name().equals("*") ? ifsJoiner() : " ", values);
                    fb.append(joined, pp.quoted());
                }
            }
        }
        fb.finish();
    }

    private String ifs() {
        String v = state.get("IFS");
        return v == null ? " \t\n" : v;
    }

    private String ifsJoiner() {
        String v = ifs();
        return v.isEmpty() ? "" : v.substring(0, 1);
    }

    /** Values of a parameter (several only for $@ and $*), after its operator. */
    private List<String> paramValues(Param p) {
        String name = p.name();
        if (name.equals("@") || name.equals("*")) {
            if (p.op() == null) {
                return state.positional;
            }
            if (p.op().equals("#")) {
                return List.of(String.valueOf(state.positional.size()));
            }
        }
        String value = scalar(name);
        String op = p.op();
        if (op == null) {
            return List.of(value == null ? "" : value);
        }
        boolean unsetOrNull = value == null || op.startsWith(":") && value.isEmpty();
        switch (op) {
            case "#":
                return List.of(String.valueOf(value == null ? 0 : value.codePointCount(0, value.length())));
            case ":-", "-":
                return List.of(unsetOrNull ? string(p.arg()) : value);
            case ":=", "=":
                if (unsetOrNull) {
                    String v = string(p.arg());
                    if (!ShellState.isName(name)) {
                        throw new ExpansionError("$" + name + ": cannot assign in this way");
                    }
                    state.set(name, v);
                    return List.of(v);
                }
                return List.of(value);
            case ":+", "+":
                return List.of(unsetOrNull ? "" : string(p.arg()));
            default: // ":?" and "?"
                if (unsetOrNull) {
                    String msg = string(p.arg());
                    throw new ExpansionError(name + ": " + (msg.isEmpty() ? "parameter null or not set" : msg));
                }
                return List.of(value);
        }
    }

    /** A single-valued parameter, null when unset. */
    String scalar(String name) {
        switch (name) {
            case "?":
                return String.valueOf(state.lastStatus);
            case "$":
                return String.valueOf(state.shellPid);
            case "#":
                return String.valueOf(state.positional.size());
            case "!":
                return state.lastBackgroundPid < 0 ? "" : String.valueOf(state.lastBackgroundPid);
            case "-":
                return state.errexit ? "e" : "";
            case "0":
                return state.arg0;
            case "@", "*":
                return state.positional.isEmpty() ? null : String.join(" ", state.positional);
            default:
                if (!name.isEmpty() && Character.isDigit(name.charAt(0))) {
                    int n;
                    try {
                        n = Integer.parseInt(name);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    return n >= 1 && n <= state.positional.size() ? state.positional.get(n - 1) : null;
                }
                return state.get(name);
        }
    }

    private static void bound(StringBuilder sb) {
        if (sb.length() > MAX_WORD_CHARS) {
            sb.setLength(MAX_WORD_CHARS);
        }
    }

    /** Accumulates fields, splitting unquoted text on IFS characters. */
    private static final class FieldBuilder {
        private final List<String> out;
        private final String ifs;
        private final Glob glob;
        private final StringBuilder current = new StringBuilder();
        /** The field as a glob pattern: quoted glob characters escaped with a backslash. */
        private final StringBuilder pattern = new StringBuilder();
        private boolean started;
        private boolean magic;

        FieldBuilder(List<String> out, String ifs, Glob glob) {
            this.out = out;
            this.ifs = ifs;
            this.glob = glob;
        }

        void append(String text, boolean quoted) {
            if (quoted) {
                current.append(text);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if ("*?[]\\".indexOf(c) >= 0) {
                        pattern.append('\\');
                    }
                    pattern.append(c);
                }
                started = true;
            } else {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (ifs.indexOf(c) >= 0) {
                        breakField(false);
                    } else {
                        current.append(c);
                        if (c == '*' || c == '?' || c == '[') {
                            magic = true;
                        } else if (c == '\\' || c == ']') {
                            pattern.append('\\');
                        }
                        pattern.append(c);
                        started = true;
                    }
                }
            }
            bound(current);
            bound(pattern);
        }

        private void emit() {
            List<String> matches = magic && glob != null ? glob.expand(pattern.toString()) : List.of();
            if (matches.isEmpty()) {
                out.add(current.toString());
            } else {
                out.addAll(matches);
            }
            current.setLength(0);
            pattern.setLength(0);
            magic = false;
        }

        /** Ends the current field (an empty one only if something quoted started it). */
        void breakField(boolean keepEmpty) {
            if (started || keepEmpty && current.length() > 0) {
                emit();
            }
            current.setLength(0);
            pattern.setLength(0);
            magic = false;
            started = false;
        }

        void finish() {
            if (started) {
                emit();
            }
        }
    }
}
