package clusterlab.kernel.programs.shell;

/**
 * The only exception the {@link Parser} throws. {@code incomplete} means the input ended where more
 * was expected (an open quote, a here-document without its delimiter yet, a trailing "&&"): an
 * interactive shell then reads another line with its PS2 prompt.
 */
public final class ShellSyntaxException extends RuntimeException {
    /** What went wrong, so each shell can word it as the real one does. */
    public enum Kind { UNEXPECTED_TOKEN, UNTERMINATED_QUOTE, UNEXPECTED_EOF, TOO_DEEP, TOO_LONG }

    private final Kind kind;
    private final String token;
    private final int line;

    public ShellSyntaxException(Kind kind, String token, int line) {
        super(kind + " " + token + " at line " + line, null, false, false);
        this.kind = kind;
        this.token = token;
        this.line = line;
    }

    public Kind kind() {
        return kind;
    }

    /** The offending token, or for an unterminated quote the quote character. */
    public String token() {
        return token;
    }

    /** 1-based line of the input where the error was seen. */
    public int line() {
        return line;
    }

    public boolean incomplete() {
        return kind == Kind.UNTERMINATED_QUOTE || kind == Kind.UNEXPECTED_EOF;
    }
}
