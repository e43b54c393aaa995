package clusterlab.kernel.programs.servers;

import java.util.ArrayList;
import java.util.List;

/** Tokens of one logical line of the Python subset: names, numbers, strings, operators. */
final class PyLexer {
    enum Kind { NAME, NUMBER, STRING, OP }

    /** A token; {@code prefix} holds string prefixes such as {@code f}; columns are 0-based. */
    record Token(Kind kind, String text, String prefix, int start, int end) {
        boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
        }
    }

    /** A lexing error at a column (an unterminated string, a stray character). */
    static final class LexError extends RuntimeException {
        final int column;

        LexError(String message, int column) {
            super(message);
            this.column = column;
        }
    }

    private static final String[] TWO_CHAR_OPS = {"==", "!=", "<=", ">=", "**", "//", "->"};

    private PyLexer() {}

    static List<Token> lex(String line) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '#') {
                break;
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                    i++;
                }
                String word = line.substring(s, i);
                if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'') && word.matches("(?i)[rbfu]{1,2}")) {
                    i = string(line, i, word.toLowerCase(java.util.Locale.ROOT), s, out);
                } else {
                    out.add(new Token(Kind.NAME, word, "", s, i));
                }
            } else if (Character.isDigit(c)) {
                int s = i;
                while (i < n && (Character.isDigit(line.charAt(i)) || line.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, line.substring(s, i).replace("_", ""), "", s, i));
            } else if (c == '"' || c == '\'') {
                i = string(line, i, "", i, out);
            } else {
                String two = i + 1 < n ? line.substring(i, i + 2) : "";
                boolean matched = false;
                for (String op : TWO_CHAR_OPS) {
                    if (op.equals(two)) {
                        out.add(new Token(Kind.OP, two, "", i, i + 2));
                        i += 2;
                        matched = true;
                        break;
                    }
                }
                if (!matched) {
                    if ("()[]{},:.=+-*/%@<>".indexOf(c) < 0) {
                        throw new LexError("invalid character in identifier", i);
                    }
                    out.add(new Token(Kind.OP, String.valueOf(c), "", i, i + 1));
                    i++;
                }
            }
        }
        return out;
    }

    private static int string(String line, int i, String prefix, int tokenStart, List<Token> out) {
        char q = line.charAt(i);
        boolean triple = line.startsWith(String.valueOf(q).repeat(3), i);
        int open = triple ? 3 : 1;
        StringBuilder b = new StringBuilder();
        int j = i + open;
        boolean raw = prefix.contains("r");
        while (j < line.length()) {
            char c = line.charAt(j);
            if (c == '\\' && !raw && j + 1 < line.length()) {
                char e = line.charAt(j + 1);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case '\\' -> b.append('\\');
                    case '\'' -> b.append('\'');
                    case '"' -> b.append('"');
                    case '0' -> b.append('\0');
                    default -> b.append('\\').append(e);
                }
                j += 2;
                continue;
            }
            if (line.startsWith(String.valueOf(q).repeat(open), j)) {
                out.add(new Token(Kind.STRING, b.toString(), prefix, tokenStart, j + open));
                return j + open;
            }
            b.append(c);
            j++;
        }
        throw new LexError(triple ? "EOF while scanning triple-quoted string literal" : "EOL while scanning string literal",
                line.length());
    }
}
