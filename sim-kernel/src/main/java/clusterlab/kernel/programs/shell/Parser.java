package clusterlab.kernel.programs.shell;

import clusterlab.kernel.programs.shell.Ast.AndOr;
import clusterlab.kernel.programs.shell.Ast.Assignment;
import clusterlab.kernel.programs.shell.Ast.CmdSub;
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
public final class Parser {
    static final int MAX_DEPTH = 100;
    static final int MAX_INPUT_CHARS = 1 << 20;
    private static final Set<String> RESERVED_TERMINATORS = Set.of("then", "elif", "else", "fi", "do", "done", "}");

    private final String src;
    private final boolean finalInput;
    private int pos;
    private int line;
    private int depth;
    private final List<HereDoc> pending = new ArrayList<>();
    private final List<String> warnings;

    private Parser(String src, boolean finalInput, int firstLine, List<String> warnings) {
        this.src = src;
        this.finalInput = finalInput;
        this.line = firstLine;
        this.warnings = warnings;
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
            conditions.add(parseScript(Set.of("then"), false));
            expectReserved("then");
            bodies.add(parseScript(Set.of("elif", "else", "fi"), false));
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

    // ---- words ---------------------------------------------------------------------------------

    /**
     * A word up to an unquoted delimiter, or when {@code closer} is set (inside "${x:-...}") up to
     * that character with blanks and operators taken literally. {@code inDoubleQuotes} applies the
     * rules of "..." (used for the argument of "${x:-...}" inside double quotes).
     */
    private Word parseWord(char closer, boolean inDoubleQuotes) {
        enter();
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!atEnd()) {
            char c = peek();
            if (closer != 0 ? c == closer : isDelimiter(c)) {
                break;
            }
            if (c == '\'' && !inDoubleQuotes) {
                flush(parts, lit, false);
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new ShellSyntaxException(Kind.UNTERMINATED_QUOTE, "'", line);
                }
                String text = src.substring(pos + 1, end);
                countLines(text);
                parts.add(new Lit(text, true));
                pos = end + 1;
            } else if (c == '"' && !inDoubleQuotes) {
                flush(parts, lit, false);
                pos++;
                parseDoubleQuoted(parts, false);
            } else if (c == '\\') {
                if (pos + 1 >= src.length()) {
                    if (!finalInput) {
                        throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, "\\", line);
                    }
                    lit.append('\\');
                    pos++;
                } else if (src.charAt(pos + 1) == '\n') {
                    pos += 2;
                    line++;
                } else {
                    flush(parts, lit, false);
                    parts.add(new Lit(String.valueOf(src.charAt(pos + 1)), true));
                    pos += 2;
                }
            } else if (c == '$') {
                flush(parts, lit, false);
                parseDollar(parts, inDoubleQuotes);
            } else if (c == '`') {
                flush(parts, lit, false);
                parseBackquoted(parts, inDoubleQuotes);
            } else {
                if (c == '\n') {
                    line++;
                }
                lit.append(c);
                pos++;
            }
        }
        if (closer != 0) {
            if (atEnd()) {
                throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, String.valueOf(closer), line);
            }
            pos++;
        }
        flush(parts, lit, inDoubleQuotes);
        depth--;
        return new Word(parts);
    }

    /** After an opening '"': parts up to the closing quote (or, for a here-document body, the end). */
    private void parseDoubleQuoted(List<Part> parts, boolean hereDocument) {
        int before = parts.size();
        StringBuilder lit = new StringBuilder();
        while (true) {
            if (atEnd()) {
                if (hereDocument) {
                    break;
                }
                throw new ShellSyntaxException(Kind.UNTERMINATED_QUOTE, "\"", line);
            }
            char c = peek();
            if (c == '"' && !hereDocument) {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0
                    && !(hereDocument && src.charAt(pos + 1) == '"')) {
                char next = src.charAt(pos + 1);
                if (next == '\n') {
                    line++;
                } else {
                    lit.append(next);
                }
                pos += 2;
            } else if (c == '$') {
                flush(parts, lit, true);
                parseDollar(parts, true);
            } else if (c == '`') {
                flush(parts, lit, true);
                parseBackquoted(parts, true);
            } else {
                if (c == '\n') {
                    line++;
                }
                lit.append(c);
                pos++;
            }
        }
        flush(parts, lit, true);
        if (parts.size() == before && !hereDocument) {
            parts.add(new Lit("", true)); // "" is an empty field, not nothing
        }
    }

    private void parseDollar(List<Part> parts, boolean quoted) {
        pos++; // the '$'
        if (atEnd()) {
            parts.add(new Lit("$", quoted));
            return;
        }
        char c = peek();
        if (c == '(') {
            pos++;
            Script s = parseScript(Set.of(), true, true);
            expectChar(')');
            parts.add(new CmdSub(s, quoted));
        } else if (c == '{') {
            pos++;
            parseBraced(parts, quoted);
        } else if ("?$#@*!-0123456789".indexOf(c) >= 0) {
            pos++;
            parts.add(new Param(String.valueOf(c), null, null, quoted));
        } else if (c == '_' || c < 128 && Character.isLetter(c)) {
            int start = pos;
            while (!atEnd() && (peek() == '_' || peek() < 128 && Character.isLetterOrDigit(peek()))) {
                pos++;
            }
            parts.add(new Param(src.substring(start, pos), null, null, quoted));
        } else {
            parts.add(new Lit("$", quoted));
        }
    }

    /** After "${": name, optional operator and argument, then '}'. */
    private void parseBraced(List<Part> parts, boolean quoted) {
        boolean length = false;
        if (peek() == '#' && peekAt(1) != '}') {
            length = true;
            pos++;
        }
        int start = pos;
        if (!atEnd() && "?$#@*!-0123456789".indexOf(peek()) >= 0) {
            pos++;
            while (start < pos && Character.isDigit(src.charAt(start)) && !atEnd() && Character.isDigit(peek())) {
                pos++;
            }
        } else {
            while (!atEnd() && (peek() == '_' || peek() < 128 && Character.isLetterOrDigit(peek()))) {
                pos++;
            }
        }
        String name = src.substring(start, pos);
        if (atEnd()) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, "}", line);
        }
        if (name.isEmpty()) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_TOKEN, "${", line);
        }
        if (peek() == '}') {
            pos++;
            parts.add(new Param(name, length ? "#" : null, null, quoted));
            return;
        }
        String op = null;
        for (String candidate : List.of(":-", ":=", ":+", ":?", "-", "=", "+", "?")) {
            if (startsWith(candidate)) {
                op = candidate;
                break;
            }
        }
        if (op == null || length) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_TOKEN, "${" + name, line);
        }
        pos += op.length();
        Word arg = parseWord('}', quoted);
        parts.add(new Param(name, op, arg, quoted));
    }

    private void parseBackquoted(List<Part> parts, boolean quoted) {
        pos++;
        StringBuilder inner = new StringBuilder();
        int startLine = line;
        while (true) {
            if (atEnd()) {
                throw new ShellSyntaxException(Kind.UNTERMINATED_QUOTE, "`", line);
            }
            char c = peek();
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && ("$`\\".indexOf(src.charAt(pos + 1)) >= 0
                    || quoted && src.charAt(pos + 1) == '"')) {
                inner.append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            inner.append(c);
            pos++;
        }
        enter();
        Parser nested = new Parser(inner.toString(), true, startLine, warnings);
        nested.depth = depth;
        Script s = nested.parseScript(Set.of(), false);
        nested.finishPendingHereDocs();
        depth--;
        parts.add(new CmdSub(s, quoted));
    }

    // ---- here-documents ------------------------------------------------------------------------

    /** After a newline: the bodies of the here-documents opened on the line just ended. */
    private void readHereDocBodies() {
        while (!pending.isEmpty()) {
            HereDoc doc = pending.remove(0);
            StringBuilder body = new StringBuilder();
            int bodyLine = line;
            boolean terminated = false;
            while (!atEnd()) {
                int nl = src.indexOf('\n', pos);
                int end = nl < 0 ? src.length() : nl;
                String text = src.substring(pos, end);
                if (nl < 0 && !finalInput) {
                    break; // a partial line: wait for the rest of it
                }
                pos = nl < 0 ? end : end + 1;
                line++;
                if (doc.stripTabs()) {
                    text = text.replaceFirst("^\t+", "");
                }
                if (text.equals(doc.delimiter())) {
                    terminated = true;
                    break;
                }
                body.append(text).append('\n');
            }
            if (!terminated) {
                if (!finalInput) {
                    throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, doc.delimiter(), line);
                }
                warnings.add("here-document at line " + (bodyLine - 1) + " delimited by end-of-file (wanted `"
                        + doc.delimiter() + "')");
            }
            doc.setBody(bodyWord(body.toString(), doc.quoted(), bodyLine));
        }
    }

    private Word bodyWord(String body, boolean quoted, int bodyLine) {
        if (quoted) {
            return new Word(List.of(new Lit(body, true)));
        }
        Parser nested = new Parser(body, true, bodyLine, warnings);
        nested.depth = depth;
        List<Part> parts = new ArrayList<>();
        nested.parseDoubleQuoted(parts, true);
        return new Word(parts);
    }

    private void finishPendingHereDocs() {
        if (pending.isEmpty()) {
            return;
        }
        if (!finalInput) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, pending.get(0).delimiter(), line);
        }
        readHereDocBodies();
    }

    // ---- characters ----------------------------------------------------------------------------

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ShellSyntaxException(Kind.TOO_DEEP, "", line);
        }
    }

    private void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new Lit(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    private void countLines(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private boolean atEnd() {
        return pos >= src.length();
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : 0;
    }

    private char peekAt(int offset) {
        return pos + offset < src.length() ? src.charAt(pos + offset) : 0;
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private static boolean isDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
                || c == '<' || c == '>';
    }

    /** Blanks, line continuations and comments. */
    private void skipBlanks() {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && peekAt(1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '#') {
                while (!atEnd() && peek() != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void skipBlanksAndNewlines() {
        while (true) {
            skipBlanks();
            if (peek() == '\n' && !atEnd()) {
                consumeNewline();
            } else {
                return;
            }
        }
    }

    private void consumeNewline() {
        pos++;
        line++;
        readHereDocBodies();
    }

    /** More input is needed here: at the end, the input is incomplete. */
    private void requireMore() {
        if (atEnd()) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, "", line);
        }
    }

    /** The reserved word at the current position (delimited), or "". */
    private String peekReserved() {
        int i = pos;
        while (i < src.length() && i - pos < 6 && "abcdefhilnorstuw{}!".indexOf(src.charAt(i)) >= 0) {
            i++;
        }
        if (i == pos || i < src.length() && !isDelimiter(src.charAt(i))) {
            return "";
        }
        String w = src.substring(pos, i);
        return switch (w) {
            case "if", "then", "elif", "else", "fi", "while", "until", "do", "done", "for", "in", "{", "}", "!" -> w;
            default -> "";
        };
    }

    private void expectReserved(String word) {
        skipBlanksAndNewlines();
        requireMore();
        if (!word.equals(peekReserved())) {
            throw unexpected();
        }
        pos += word.length();
    }

    private void expectChar(char c) {
        skipBlanksAndNewlines();
        requireMore();
        if (peek() != c) {
            throw unexpected();
        }
        pos++;
    }

    /** A syntax error naming the token at the current position as bash does. */
    private ShellSyntaxException unexpected() {
        if (atEnd()) {
            return new ShellSyntaxException(Kind.UNEXPECTED_EOF, "", line);
        }
        String token;
        String reserved = peekReserved();
        if (!reserved.isEmpty()) {
            token = reserved;
        } else if (peek() == '\n') {
            token = "newline";
        } else {
            token = String.valueOf(peek());
            for (String op : List.of(";;", "&&", "||", ">>", "<<", "&>", ">&", "<&")) {
                if (startsWith(op)) {
                    token = op;
                    break;
                }
            }
        }
        return new ShellSyntaxException(Kind.UNEXPECTED_TOKEN, token, line);
    }
}
