package clusterlab.kernel.programs.shell;

import clusterlab.kernel.programs.shell.Ast.AndOr;
import clusterlab.kernel.programs.shell.Ast.Assignment;
import clusterlab.kernel.programs.shell.Ast.Command;
import clusterlab.kernel.programs.shell.Ast.Compound;
import clusterlab.kernel.programs.shell.Ast.HereDoc;
import clusterlab.kernel.programs.shell.Ast.Item;
import clusterlab.kernel.programs.shell.Ast.Lit;
import clusterlab.kernel.programs.shell.Ast.Param;
import clusterlab.kernel.programs.shell.Ast.Part;
import clusterlab.kernel.programs.shell.Ast.Pipeline;
import clusterlab.kernel.programs.shell.Ast.Redirect;
import clusterlab.kernel.programs.shell.Ast.Script;
import clusterlab.kernel.programs.shell.Ast.Simple;
import clusterlab.kernel.programs.shell.Ast.Word;
import clusterlab.kernel.programs.shell.ShellSyntaxException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the POSIX shell language the course uses: words and quoting,
 * parameter and command substitution, pipelines, and-or lists, redirections, here-documents,
 * groups, subshells, if, while/until and for. It reads characters directly because shell
 * tokenizing depends on context (quotes, "$(", here-document bodies after the next newline).
 *
 * <p>Never throws anything but {@link ShellSyntaxException}; recursion and input size are bounded.
 */
public final class Parser extends WordParser {
    static final int MAX_INPUT_CHARS = 1 << 20;
    private static final Set<String> THEN = Set.of("then");
    private static final Set<String> ELIF_ELSE_FI = Set.of("elif", "else", "fi");
    private static final Set<String> RESERVED_TERMINATORS = Set.of("then", "elif", "else", "fi", "do", "done", "}");

    Parser(String src, boolean finalInput, int firstLine, List<String> warnings) {
        super(src, finalInput, firstLine, warnings);
    }

    /**
     * Parses a complete program text.
     *
     * @param finalInput true when no more input can follow: an unterminated here-document then
     *     ends at the end of input (with a warning, as bash does) instead of asking for more
     * @param warnings receives bash-style warnings such as a here-document delimited by EOF
     */
    public static Script parse(String text, boolean finalInput, int firstLine, List<String> warnings) {
        if (text.length() > MAX_INPUT_CHARS) {
            throw new ShellSyntaxException(Kind.TOO_LONG, "", firstLine);
        }
        Parser p = new Parser(text, finalInput, firstLine, warnings);
        try {
            Script s = p.parseScript(Set.of(), false);
            p.finishPendingHereDocs();
            if (p.pos < p.src.length()) {
                throw p.unexpected();
            }
            return s;
        } catch (StackOverflowError e) {
            throw new ShellSyntaxException(Kind.TOO_DEEP, "", p.line);
        }
    }

    public static Script parse(String text) {
        return parse(text, true, 1, new ArrayList<>());
    }

    @Override
    Script parseSubstitutionBody() {
        return parseScript(Set.of(), true, true);
    }

    /** A nested complete program: a backquoted substitution's text. */
    Script parseWhole() {
        Script s = parseScript(Set.of(), false);
        finishPendingHereDocs();
        return s;
    }

    // ---- lists ---------------------------------------------------------------------------------

    /** Items up to the end of input, a reserved word in {@code stops}, or ')' when {@code closeParen}. */
    private Script parseScript(Set<String> stops, boolean closeParen) {
        return parseScript(stops, closeParen, false);
    }

    private Script parseScript(Set<String> stops, boolean closeParen, boolean allowEmpty) {
        enter();
        List<Item> items = new ArrayList<>();
        while (true) {
            skipBlanksAndNewlines();
            if (atEnd()) {
                if (!stops.isEmpty() || closeParen) {
                    throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, "", line);
                }
                break;
            }
            if (closeParen && peek() == ')' || stops.contains(peekReserved())) {
                break;
            }
            int startLine = line;
            int startPos = pos;
            AndOr body = parseAndOr();
            skipBlanks();
            String text = src.substring(startPos, pos).strip();
            boolean background = false;
            if (atEnd()) {
                // end of input ends the item
            } else if (peek() == '&' && peekAt(1) != '&') {
                pos++;
                background = true;
            } else if (peek() == ';' && peekAt(1) != ';') {
                pos++;
            } else if (peek() == '\n') {
                consumeNewline();
            } else if (!(closeParen && peek() == ')') && !stops.contains(peekReserved())) {
                throw unexpected();
            }
            items.add(new Item(body, background, startLine, text));
        }
        if (items.isEmpty() && (!stops.isEmpty() || closeParen && !allowEmpty)) {
            throw unexpected(); // "if then", "()" and "{ }" are errors as in bash
        }
        depth--;
        return new Script(items);
    }

    private AndOr parseAndOr() {
        List<Pipeline> pipelines = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        pipelines.add(parsePipeline());
        while (true) {
            skipBlanks();
            if (startsWith("&&") || startsWith("||")) {
                ops.add(src.substring(pos, pos + 2));
                pos += 2;
                skipBlanksAndNewlines();
                requireMore();
                pipelines.add(parsePipeline());
            } else {
                return new AndOr(pipelines, ops);
            }
        }
    }

    private Pipeline parsePipeline() {
        skipBlanks();
        boolean negated = false;
        if ("!".equals(peekReserved())) {
            pos++;
            negated = true;
            skipBlanks();
            requireMore();
        }
        List<Command> commands = new ArrayList<>();
        commands.add(parseCommand());
        while (true) {
            skipBlanks();
            if (peek() == '|' && peekAt(1) != '|') {
                pos++;
                skipBlanksAndNewlines();
                requireMore();
                commands.add(parseCommand());
            } else {
                return new Pipeline(commands, negated);
            }
        }
    }

    // ---- commands ------------------------------------------------------------------------------

    private Command parseCommand() {
        skipBlanks();
        requireMore();
        String reserved = peekReserved();
        if (RESERVED_TERMINATORS.contains(reserved)) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_TOKEN, reserved, line);
        }
        Ast.Body body = null;
        if (peek() == '(') {
            pos++;
            Script s = parseScript(Set.of(), true);
            expectChar(')');
            body = new Ast.Subshell(s);
        } else if ("{".equals(reserved)) {
            pos++;
            Script s = parseScript(Set.of("}"), false);
            expectReserved("}");
            body = new Ast.Group(s);
        } else if ("if".equals(reserved)) {
            body = parseIf();
        } else if ("while".equals(reserved) || "until".equals(reserved)) {
            pos += reserved.length();
            Script cond = parseScript(Set.of("do"), false);
            expectReserved("do");
            Script loopBody = parseScript(Set.of("done"), false);
            expectReserved("done");
            body = new Ast.Loop(cond, loopBody, reserved.equals("until"));
        } else if ("for".equals(reserved)) {
            body = parseFor();
        }
        if (body != null) {
            List<Redirect> redirects = new ArrayList<>();
            while (true) {
                skipBlanks();
                if (!atRedirect()) {
                    return new Compound(body, redirects);
                }
                redirects.add(parseRedirect());
            }
        }
        return parseSimple();
    }

    private Ast.If parseIf() {
        List<Script> conditions = new ArrayList<>();
        List<Script> bodies = new ArrayList<>();
        String keyword = "if";
        while (keyword.equals("if") || keyword.equals("elif")) {
            pos += keyword.length();
            conditions.add(parseScript(THEN, false));
            expectReserved("then");
            bodies.add(parseScript(ELIF_ELSE_FI, false));
            keyword = peekReserved();
        }
        Script elseBody = null;
        if (keyword.equals("else")) {
            pos += 4;
            elseBody = parseScript(Set.of("fi"), false);
        }
        expectReserved("fi");
        return new Ast.If(conditions, bodies, elseBody);
    }

    private Ast.For parseFor() {
        pos += 3;
        skipBlanks();
        requireMore();
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        String name = src.substring(start, pos);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw unexpected();
        }
        skipBlanks();
        List<Word> words = null;
        if ("in".equals(peekReserved())) {
            pos += 2;
            words = new ArrayList<>();
            while (true) {
                skipBlanks();
                requireMore();
                if (peek() == ';' || peek() == '\n') {
                    break;
                }
                if (isDelimiter(peek())) {
                    throw unexpected();
                }
                words.add(parseWord((char) 0, false));
            }
        }
        skipBlanks();
        if (peek() == ';') {
            pos++;
        }
        skipBlanksAndNewlines();
        requireMore();
        expectReserved("do");
        Script body = parseScript(Set.of("done"), false);
        expectReserved("done");
        return new Ast.For(name, words, body);
    }

    private Simple parseSimple() {
        int startLine = line;
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (atEnd()) {
                break;
            }
            if (atRedirect()) {
                redirects.add(parseRedirect());
                continue;
            }
            if (isDelimiter(peek())) {
                break;
            }
            if (words.isEmpty()) {
                int nameEnd = assignmentNameEnd();
                if (nameEnd > 0) {
                    String name = src.substring(pos, nameEnd);
                    pos = nameEnd + 1;
                    assignments.add(new Assignment(name, parseWord((char) 0, false)));
                    continue;
                }
            }
            words.add(parseWord((char) 0, false));
        }
        if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
            throw unexpected();
        }
        return new Simple(assignments, words, redirects, startLine);
    }

    /** End of NAME in "NAME=" at the current position, or -1. */
    private int assignmentNameEnd() {
        int i = pos;
        if (i >= src.length() || !(Character.isLetter(src.charAt(i)) && src.charAt(i) < 128 || src.charAt(i) == '_')) {
            return -1;
        }
        while (i < src.length() && (src.charAt(i) < 128 && Character.isLetterOrDigit(src.charAt(i))
                || src.charAt(i) == '_')) {
            i++;
        }
        return i < src.length() && src.charAt(i) == '=' ? i : -1;
    }

    private boolean atRedirect() {
        int i = pos;
        while (i < src.length() && i - pos < 3 && Character.isDigit(src.charAt(i))) {
            i++;
        }
        if (i < src.length() && (src.charAt(i) == '<' || src.charAt(i) == '>')) {
            return true;
        }
        return i == pos && (startsWith("&>"));
    }

    private Redirect parseRedirect() {
        int fd = -2;
        int start = pos;
        while (Character.isDigit(peek())) {
            pos++;
        }
        if (pos > start) {
            fd = Integer.parseInt(src.substring(start, pos));
        }
        String op;
        if (startsWith("&>>")) {
            op = "&>>";
        } else if (startsWith("&>")) {
            op = "&>";
        } else if (startsWith("<<-")) {
            op = "<<-";
        } else if (startsWith("<<") || startsWith(">>") || startsWith(">&") || startsWith("<&")) {
            op = src.substring(pos, pos + 2);
        } else if (startsWith(">|")) {
            op = ">";
            pos++;
        } else {
            op = src.substring(pos, pos + 1);
        }
        pos += op.length();
        if (op.startsWith("&")) {
            fd = -1;
        } else if (fd == -2) {
            fd = op.startsWith("<") ? 0 : 1;
        }
        skipBlanks();
        requireMore();
        if (isDelimiter(peek())) {
            throw unexpected();
        }
        Word target = parseWord((char) 0, false);
        HereDoc hereDoc = null;
        if (op.startsWith("<<")) {
            StringBuilder delimiter = new StringBuilder();
            for (Part p : target.parts()) {
                if (p instanceof Lit l) {
                    delimiter.append(l.text());
                } else if (p instanceof Param pp) {
                    delimiter.append('$').append(pp.name());
                }
            }
            hereDoc = new HereDoc(delimiter.toString(), target.hasQuoting(), op.equals("<<-"));
            pending.add(hereDoc);
        }
        return new Redirect(fd, op, target, hereDoc);
    }

}
