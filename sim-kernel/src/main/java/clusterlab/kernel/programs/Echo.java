package clusterlab.kernel.programs;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.List;

/** {@code echo [-n] [-e] ARG...}: coreutils echo, with {@code -e} escapes. */
public final class Echo implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.print(render(ctx.args()));
        ctx.exit(0);
    }

    /** The text echo prints for these arguments (shells' builtin echo uses the same rules). */
    public static String render(List<String> args) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        while (i < args.size() && args.get(i).matches("-[neE]+")) {
            for (char c : args.get(i).substring(1).toCharArray()) {
                if (c == 'n') {
                    newline = false;
                } else if (c == 'e') {
                    escapes = true;
                } else {
                    escapes = false;
                }
            }
            i++;
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
            text = unescape(text);
        }
        return newline ? text + "\n" : text;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case '\\' -> out.append('\\');
                case 'a' -> out.append('\u0007');
                case 'r' -> out.append('\r');
                case 'e' -> out.append('\u001b');
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }
}
