package clusterlab.kernel.programs.shell;

import java.util.List;

/** The syntax tree of a shell program, as the {@link Parser} builds it and the interpreter runs it. */
public final class Ast {
    private Ast() {}

    /** Commands run one after another (separated by newlines or ';', or started in the background). */
    public record Script(List<Item> items) {}

    /** One and-or list, run in the background when it ended with '&'; its first line and source text. */
    public record Item(AndOr body, boolean background, int line, String text) {}

    /** Pipelines joined by "&&" / "||" ({@code ops.size() == pipelines.size() - 1}). */
    public record AndOr(List<Pipeline> pipelines, List<String> ops) {}

    /** Commands joined by '|', each its own process; {@code negated} for a leading '!'. */
    public record Pipeline(List<Command> commands, boolean negated) {}

    public sealed interface Command permits Simple, Compound {}

    /** {@code NAME=value... word... redirect...}. */
    public record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, int line)
            implements Command {}

    /** A compound command with redirections applying to all of it. */
    public record Compound(Body body, List<Redirect> redirects) implements Command {}

    public sealed interface Body permits Group, Subshell, If, Loop, For {}

    /** {@code { list; }}: runs in the current shell. */
    public record Group(Script script) implements Body {}

    /** {@code ( list )}: runs in a copy of the shell. */
    public record Subshell(Script script) implements Body {}

    /** {@code if c1; then b1; elif c2; then b2; else e; fi} ({@code elseBody} may be null). */
    public record If(List<Script> conditions, List<Script> bodies, Script elseBody) implements Body {}

    /** {@code while c; do b; done}, or {@code until} when {@code until} is set. */
    public record Loop(Script condition, Script body, boolean until) implements Body {}

    /** {@code for name in words; do b; done} ({@code words} null: the positional parameters). */
    public record For(String name, List<Word> words, Script body) implements Body {}

    public record Assignment(String name, Word value) {}

    /**
     * A redirection: {@code fd} is the descriptor it changes (1 for '>', 0 for '<', -1 for "&>"
     * meaning both stdout and stderr), {@code op} one of {@code > >> < >& <& &> &>> << <<-}.
     * Here-documents carry their body as a word (literal when the delimiter was quoted).
     */
    public record Redirect(int fd, String op, Word target, HereDoc hereDoc) {}

    /**
     * A here-document's body, filled in by the parser once it reaches the lines after the command
     * (the body follows the next newline, not the redirection itself).
     */
    public static final class HereDoc {
        private final String delimiter;
        private final boolean quoted;
        private final boolean stripTabs;
        private Word body = new Word(List.of());

        HereDoc(String delimiter, boolean quoted, boolean stripTabs) {
            this.delimiter = delimiter;
            this.quoted = quoted;
            this.stripTabs = stripTabs;
        }

        public String delimiter() {
            return delimiter;
        }

        /** A quoted delimiter ('EOF') keeps the body literal: no expansion. */
        public boolean quoted() {
            return quoted;
        }

        /** {@code <<-}: leading tabs are stripped from body lines and the delimiter line. */
        public boolean stripTabs() {
            return stripTabs;
        }

        public Word body() {
            return body;
        }

        void setBody(Word body) {
            this.body = body;
        }
    }

    /** A word: literal and expandable parts, concatenated before field splitting. */
    public record Word(List<Part> parts) {
        public static Word literal(String text) {
            return new Word(List.of(new Lit(text, true)));
        }

        /** The word's text when it has no expansions (reserved words, names), else null. */
        public String literalText() {
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) {
                if (!(p instanceof Lit l)) {
                    return null;
                }
                sb.append(l.text());
            }
            return sb.toString();
        }

        /** Whether some part came from quotes or a backslash (reserved words must be unquoted). */
        public boolean hasQuoting() {
            return parts.stream().anyMatch(p -> !(p instanceof Lit l) || l.quoted());
        }
    }

    public sealed interface Part permits Lit, Param, CmdSub {}

    /** Literal text; {@code quoted} text is never split or globbed. */
    public record Lit(String text, boolean quoted) implements Part {}

    /**
     * {@code $name}, {@code ${name}}, {@code ${name<op>arg}} with op one of {@code :- - := = :+ +},
     * or {@code ${#name}} (op "#").
     */
    public record Param(String name, String op, Word arg, boolean quoted) implements Part {}

    /** {@code $(script)} or {@code `script`}. */
    public record CmdSub(Script script, boolean quoted) implements Part {}
}
