package clusterlab.kernel.programs.shell;

import clusterlab.kernel.programs.shell.Ast.Lit;
import clusterlab.kernel.programs.shell.Ast.Part;
import clusterlab.kernel.programs.shell.ShellSyntaxException.Kind;
import java.util.List;

/**
 * The character level of the {@link Parser}: position and line in the input, blanks, comments,
 * line continuations, reserved words, and the errors that name the token where parsing stopped.
 */
abstract class CharCursor {
    /** Bound on nesting (quotes in substitutions in compound commands...), far above real scripts. */
    static final int MAX_DEPTH = 100;

    final String src;
    final boolean finalInput;
    int pos;
    int line;
    int depth;

    CharCursor(String src, boolean finalInput, int firstLine) {
        this.src = src;
        this.finalInput = finalInput;
        this.line = firstLine;
    }

    /** Reads the bodies of here-documents whose command line just ended. */
    abstract void readHereDocBodies();

    // ---- characters ----------------------------------------------------------------------------

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw new ShellSyntaxException(Kind.TOO_DEEP, "", line);
        }
    }

    void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new Lit(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    void countLines(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
    }

    boolean atEnd() {
        return pos >= src.length();
    }

    char peek() {
        return pos < src.length() ? src.charAt(pos) : 0;
    }

    char peekAt(int offset) {
        return pos + offset < src.length() ? src.charAt(pos + offset) : 0;
    }

    boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    static boolean isDelimiter(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' || c == ')'
                || c == '<' || c == '>';
    }

    /** Blanks, line continuations and comments. */
    void skipBlanks() {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && peekAt(1) == '\n') {
                pos += 2;
                line++;
                requireMoreAfterContinuation();
            } else if (c == '#') {
                while (!atEnd() && peek() != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    void skipBlanksAndNewlines() {
        while (true) {
            skipBlanks();
            if (peek() == '\n' && !atEnd()) {
                consumeNewline();
            } else {
                return;
            }
        }
    }

    void consumeNewline() {
        pos++;
        line++;
        readHereDocBodies();
    }

    /** A backslash-newline at the very end: the line goes on in the next one. */
    void requireMoreAfterContinuation() {
        if (atEnd() && !finalInput) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, "\\", line);
        }
    }

    /** More input is needed here: at the end, the input is incomplete. */
    void requireMore() {
        if (atEnd()) {
            throw new ShellSyntaxException(Kind.UNEXPECTED_EOF, "", line);
        }
    }

    /** The reserved word at the current position (delimited), or "". */
    String peekReserved() {
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

    void expectReserved(String word) {
        skipBlanksAndNewlines();
        requireMore();
        if (!word.equals(peekReserved())) {
            throw unexpected();
        }
        pos += word.length();
    }

    void expectChar(char c) {
        skipBlanksAndNewlines();
        requireMore();
        if (peek() != c) {
            throw unexpected();
        }
        pos++;
    }

    /** A syntax error naming the token at the current position as bash does. */
    ShellSyntaxException unexpected() {
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
