package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GNU {@code grep [-i] [-v] [-c] [-n] [-q] [-E|-F] PATTERN [FILE]...}: basic regular expressions by
 * default. Status 0 when a line matched, 1 when none did, 2 on error.
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
        String pattern = null;
        List<String> files = new ArrayList<>();
        boolean options = true;
        for (String a : ctx.args()) {
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'i' -> ignoreCase = true;
                        case 'v' -> invert = true;
                        case 'c' -> countOnly = true;
                        case 'n' -> numbers = true;
                        case 'q' -> quiet = true;
                        case 'E', 'F', 'G' -> syntax = c;
                        default -> {
                            ctx.eprintln("grep: invalid option -- '" + c + "'");
                            ctx.eprintln("Usage: grep [OPTION]... PATTERNS [FILE]...");
                            ctx.eprintln("Try 'grep --help' for more information.");
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
            ctx.eprintln("Usage: grep [OPTION]... PATTERNS [FILE]...");
            ctx.eprintln("Try 'grep --help' for more information.");
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
        ToolSupport.run(ctx, 1L << 20, Time.MILLISECOND, () -> Inputs.forEach(ctx, "grep", files, (name, text) -> {
            StringBuilder out = new StringBuilder();
            int n = 0;
            int lineNo = 0;
            for (String line : ToolSupport.lines(text)) {
                lineNo++;
                if (regex.matcher(line).find() != inv) {
                    n++;
                    if (!count && !q) {
                        out.append(prefix ? name + ":" : "").append(num ? lineNo + ":" : "").append(line).append('\n');
                    }
                }
            }
            if (count && !q) {
                out.append(prefix ? name + ":" : "").append(n).append('\n');
            }
            matched[0] += n;
            ctx.print(out.toString());
        }, errors -> ctx.exit(errors > 0 && !(q && matched[0] > 0) ? 2 : matched[0] > 0 ? 0 : 1)));
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
