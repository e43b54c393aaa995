package clusterlab.kernel.programs.shell;

import clusterlab.kernel.programs.shell.Ast.CmdSub;
import clusterlab.kernel.programs.shell.Ast.Command;
import clusterlab.kernel.programs.shell.Ast.HereDoc;
import clusterlab.kernel.programs.shell.Ast.Lit;
import clusterlab.kernel.programs.shell.Ast.Param;
import clusterlab.kernel.programs.shell.Ast.Part;
import clusterlab.kernel.programs.shell.Ast.Script;
import clusterlab.kernel.programs.shell.Ast.Word;
import clusterlab.kernel.programs.shell.ShellSyntaxException.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Words: quoting, parameter expansion, command substitution, and here-document bodies. Command
 * substitutions are parsed by the {@link Parser} subclass (they contain whole command lists).
 */
abstract class WordParser extends CharCursor {
    final List<HereDoc> pending = new ArrayList<>();
    final List<String> warnings;

    WordParser(String src, boolean finalInput, int firstLine, List<String> warnings) {
        super(src, finalInput, firstLine);
        this.warnings = warnings;
    }

    /** After "$(": the command list up to the closing parenthesis (left for the caller). */
    abstract Script parseSubstitutionBody();

    // ---- words ---------------------------------------------------------------------------------

    /**
     * A word up to an unquoted delimiter, or when {@code closer} is set (inside "${x:-...}") up to
     * that character with blanks and operators taken literally. {@code inDoubleQuotes} applies the
     * rules of "..." (used for the argument of "${x:-...}" inside double quotes).
     */
    Word parseWord(char closer, boolean inDoubleQuotes) {
        enter();
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        if (peek() == '~' && !inDoubleQuotes) {
            char next = peekAt(1);
            if (pos + 1 >= src.length() || next == '/' || (closer != 0 ? next == closer : isDelimiter(next))) {
                pos++; // tilde expansion: ~ and ~/path mean $HOME (~user is not simulated)
                parts.add(new Param("HOME", null, null, true));
            }
        }
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
                    requireMoreAfterContinuation();
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
    void parseDoubleQuoted(List<Part> parts, boolean hereDocument) {
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

    void parseDollar(List<Part> parts, boolean quoted) {
        pos++; // the '$'
        if (atEnd()) {
            parts.add(new Lit("$", quoted));
            return;
        }
        char c = peek();
        if (c == '(') {
            pos++;
            Script s = parseSubstitutionBody();
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
    void parseBraced(List<Part> parts, boolean quoted) {
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

    void parseBackquoted(List<Part> parts, boolean quoted) {
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
        Script s = nested.parseWhole();
        depth--;
        parts.add(new CmdSub(s, quoted));
    }

    // ---- here-documents ------------------------------------------------------------------------

    /** After a newline: the bodies of the here-documents opened on the line just ended. */
    void readHereDocBodies() {
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

    Word bodyWord(String body, boolean quoted, int bodyLine) {
        if (quoted) {
            return new Word(List.of(new Lit(body, true)));
        }
        Parser nested = new Parser(body, true, bodyLine, warnings);
        nested.depth = depth;
        List<Part> parts = new ArrayList<>();
        nested.parseDoubleQuoted(parts, true);
        return new Word(parts);
    }

    void finishPendingHereDocs() {
        if (pending.isEmpty()) {
            return;
        }
        if (!finalInput) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, pending.get(0).delimiter(), line);
        }
        readHereDocBodies();
    }

}
