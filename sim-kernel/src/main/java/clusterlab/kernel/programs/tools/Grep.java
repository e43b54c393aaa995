package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GNU {@code grep [-i] [-v] [-c] [-n] [-q] [-E|-F] [-A|-B|-C NUM] PATTERN [FILE]...}: basic regular
 * expressions by default; context lines as GNU prints them ({@code N-} for context, {@code N:} for
 * matches, {@code --} between groups). Status 0 when a line matched, 1 when none did, 2 on error.
 */
public final class Grep implements Program {
    @Override
    public void start(ProcessContext ctx) {
        boolean ignoreCase = false;
        boolean invert = false;
        boolean countOnly = false;
        boolean numbers = false;
        boolean quiet = false;
        char syntax = 'G';
        int before = 0;
        int after = 0;
        String pattern = null;
        List<String> files = new ArrayList<>();
        boolean options = true;
        List<String> args = ctx.args();
        for (int ai = 0; ai < args.size(); ai++) {
            String a = args.get(ai);
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("-") && a.length() > 1) {
                for (int ci = 1; ci < a.length(); ci++) {
                    char c = a.charAt(ci);
                    if (c == 'A' || c == 'B' || c == 'C') {
                        // The count is the rest of this word (-A3) or the next word (-A 3).
                        String num = ci + 1 < a.length() ? a.substring(ci + 1) : ai + 1 < args.size() ? args.get(++ai) : null;
                        int lines = contextLength(num);
                        if (lines < 0) {
                            if (num == null) {
                                ctx.eprintln("grep: option requires an argument -- '" + c + "'");
                                usage(ctx);
                            } else {
                                ctx.eprintln("grep: " + num + ": invalid context length argument");
                            }
                            ctx.exit(2);
                            return;
                        }
                        before = c == 'A' ? before : lines;
                        after = c == 'B' ? after : lines;
                        break;
                    }
                    switch (c) {
                        case 'i' -> ignoreCase = true;
                        case 'v' -> invert = true;
                        case 'c' -> countOnly = true;
                        case 'n' -> numbers = true;
                        case 'q' -> quiet = true;
                        case 'E', 'F', 'G' -> syntax = c;
                        default -> {
                            ctx.eprintln("grep: invalid option -- '" + c + "'");
                            usage(ctx);
                            ctx.exit(2);
                            return;
                        }
                    }
                }
            } else if (pattern == null) {
                pattern = a;
            } else {
                files.add(a);
            }
        }
        if (pattern == null) {
            usage(ctx);
            ctx.exit(2);
            return;
        }
        Pattern regex;
        try {
            String java = switch (syntax) {
                case 'F' -> Pattern.quote(pattern);
                case 'E' -> pattern;
                default -> fromBasic(pattern);
            };
            regex = Pattern.compile(java, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            ctx.eprintln("grep: Invalid regular expression");
            ctx.exit(2);
            return;
        }
        boolean prefix = files.size() > 1;
        boolean inv = invert;
        boolean count = countOnly;
        boolean num = numbers;
        boolean q = quiet;
        int[] matched = {0};
        int contextBefore = before;
        int contextAfter = after;
        ToolSupport.run(ctx, 1L << 20, Time.MILLISECOND, () -> Inputs.forEach(ctx, "grep", files, (name, text) -> {
            StringBuilder out = new StringBuilder();
            int n = 0;
            List<String> lines = ToolSupport.lines(text);
            int lastPrinted = -1;
            int afterLeft = 0;
            for (int i = 0; i < lines.size(); i++) {
                boolean match = regex.matcher(lines.get(i)).find() != inv;
                if (match) {
                    n++;
                }
                if (count || q) {
                    continue;
                }
                if (match) {
                    int from = Math.max(i - contextBefore, lastPrinted + 1);
                    if (lastPrinted >= 0 && from > lastPrinted + 1 && (contextBefore > 0 || contextAfter > 0)) {
                        out.append("--\n");
                    }
                    for (int j = from; j < i; j++) {
                        appendLine(out, prefix ? name : null, num, j + 1, '-', lines.get(j));
                    }
                    appendLine(out, prefix ? name : null, num, i + 1, ':', lines.get(i));
                    lastPrinted = i;
                    afterLeft = contextAfter;
                } else if (afterLeft > 0) {
                    appendLine(out, prefix ? name : null, num, i + 1, '-', lines.get(i));
                    lastPrinted = i;
                    afterLeft--;
                }
            }
            if (count && !q) {
                out.append(prefix ? name + ":" : "").append(n).append('\n');
            }
            matched[0] += n;
            ctx.print(out.toString());
        }, errors -> ctx.exit(errors > 0 && !(q && matched[0] > 0) ? 2 : matched[0] > 0 ? 0 : 1)));
    }

    private static void usage(ProcessContext ctx) {
        ctx.eprintln("Usage: grep [OPTION]... PATTERNS [FILE]...");
        ctx.eprintln("Try 'grep --help' for more information.");
    }

    /** A context length argument, or -1 when it is missing or not a non-negative number. */
    private static int contextLength(String num) {
        if (num == null || num.isEmpty() || num.length() > 9 || !num.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(num);
    }

    /** One output line: {@code file:}, {@code N:} for a match, {@code file-}, {@code N-} for context. */
    private static void appendLine(StringBuilder out, String file, boolean numbers, int lineNo, char sep, String line) {
        if (file != null) {
            out.append(file).append(sep);
        }
        if (numbers) {
            out.append(lineNo).append(sep);
        }
        out.append(line).append('\n');
    }

    /** POSIX basic regex to Java: \( \) \{ \} \| \+ \? are operators, their bare forms literal. */
    static String fromBasic(String bre) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length()) {
                char n = bre.charAt(++i);
                if ("(){}|+?".indexOf(n) >= 0) {
                    out.append(n);
                } else {
                    out.append('\\').append(n);
                }
            } else if ("(){}|+?".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
