package clusterlab.lab.scenario;

/**
 * A scenario file that cannot be used, with where and why. {@link #getMessage()} is always one
 * line, {@code FILE:LINE:COLUMN: KEY.PATH: problem} (the key path is left out when the problem is
 * with the document as a whole, and line and column when there is no position, e.g. an unreadable
 * file), so a command line can print it as is and editors can jump to it.
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String keyPath;
    private final String problem;

    /**
     * @param line 1-based, or 0 when there is no position
     * @param column 1-based, or 0 when there is no position
     * @param keyPath like {@code steps[2].fault.crash}; empty for the document as a whole
     */
    public ScenarioException(String file, int line, int column, String keyPath, String problem, Throwable cause) {
        super(format(file, line, column, keyPath, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.keyPath = keyPath == null ? "" : keyPath;
        this.problem = problem;
    }

    public ScenarioException(String file, int line, int column, String keyPath, String problem) {
        this(file, line, column, keyPath, problem, null);
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String keyPath() {
        return keyPath;
    }

    public String problem() {
        return problem;
    }

    private static String format(String file, int line, int column, String keyPath, String problem) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line).append(':').append(column);
        }
        b.append(": ");
        if (keyPath != null && !keyPath.isEmpty()) {
            b.append(keyPath).append(": ");
        }
        b.append(problem);
        return oneLine(b.toString());
    }

    /** Control characters (newlines from SnakeYAML's messages or a user's text) would break the one-line promise. */
    static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
