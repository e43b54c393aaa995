package clusterlab.kernel.programs.shell;

/**
 * How each shell words its errors: bash ({@code bash: foo: command not found}, in a script
 * {@code script.sh: line 3: ...}) or dash as /bin/sh ({@code sh: 1: foo: not found}).
 */
final class Messages {
    private final boolean bash;
    private final String shellName;
    /** The name errors start with: $0, as the shell was invoked ("bash", "/bin/sh") or named with -c. */
    private final String errorName;
    /** The script file being run, or null (-c, stdin, interactive). */
    private final String scriptName;

    Messages(boolean bash, String shellName, String errorName, String scriptName) {
        this.bash = bash;
        this.shellName = shellName;
        this.errorName = errorName;
        this.scriptName = scriptName;
    }

    boolean bash() {
        return bash;
    }

    String shellName() {
        return shellName;
    }

    /** The prefix of an error about a command on {@code line}. */
    String prefix(int line) {
        if (bash) {
            return scriptName == null ? errorName + ": " : scriptName + ": line " + line + ": ";
        }
        return (scriptName == null ? errorName : scriptName) + ": " + line + ": ";
    }

    String notFound(String name) {
        return bash ? name + ": command not found" : name + ": not found";
    }

    String noSuchFile(String name) {
        return bash ? name + ": No such file or directory" : name + ": not found";
    }

    String cannotCreate(String path, String errnoText) {
        return bash ? path + ": " + errnoText
                : "cannot create " + path + ": " + (errnoText.equals("No such file or directory")
                        ? "Directory nonexistent" : errnoText);
    }

    String cannotOpen(String path, String errnoText) {
        return bash ? path + ": " + errnoText
                : "cannot open " + path + ": " + (errnoText.equals("No such file or directory")
                        ? "No such file" : errnoText);
    }

    String cdFailed(String dir, String errnoText) {
        return bash ? "cd: " + dir + ": " + errnoText : "cd: can't cd to " + dir;
    }

    /** A parser warning (bash only: dash accepts an unterminated here-document silently). */
    String warning(String text, boolean interactive, boolean commandString, int line) {
        if (!bash) {
            return "";
        }
        String where = interactive ? errorName + ": "
                : (commandString ? errorName + ": -c" : scriptName) + ": line " + line + ": ";
        return where + "warning: " + text + "\n";
    }

    /** The lines of a syntax error; {@code sourceLine} is the offending input line, if known. */
    String syntaxError(ShellSyntaxException e, boolean interactive, boolean commandString, String sourceLine) {
        int line = e.line();
        if (!bash) {
            String what = switch (e.kind()) {
                case UNEXPECTED_TOKEN -> "\"" + e.token() + "\" unexpected";
                case UNTERMINATED_QUOTE -> "Unterminated quoted string";
                case UNEXPECTED_EOF -> "end of file unexpected";
                case TOO_DEEP, TOO_LONG -> "expression too complex";
            };
            return prefix(line) + "Syntax error: " + what + "\n";
        }
        String where = interactive ? errorName + ": "
                : (commandString ? errorName + ": -c" : scriptName) + ": line " + line + ": ";
        String text = switch (e.kind()) {
            case UNEXPECTED_TOKEN -> "syntax error near unexpected token `" + e.token() + "'";
            case UNTERMINATED_QUOTE -> "unexpected EOF while looking for matching `" + e.token() + "'";
            case UNEXPECTED_EOF -> "syntax error: unexpected end of file";
            case TOO_DEEP, TOO_LONG -> "syntax error: expression nested too deeply";
        };
        StringBuilder sb = new StringBuilder(where).append(text).append('\n');
        if (e.kind() == ShellSyntaxException.Kind.UNTERMINATED_QUOTE && !interactive) {
            sb.append(commandString ? errorName + ": -c" : scriptName).append(": line ").append(line + 1)
                    .append(": syntax error: unexpected end of file\n");
        } else if (e.kind() == ShellSyntaxException.Kind.UNEXPECTED_TOKEN && !interactive && sourceLine != null) {
            sb.append(where).append('`').append(sourceLine).append("'\n");
        }
        return sb.toString();
    }
}
