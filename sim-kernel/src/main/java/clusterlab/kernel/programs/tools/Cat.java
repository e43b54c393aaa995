package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** coreutils {@code cat [-n] [FILE|-]...}: concatenates files and standard input. */
public final class Cat implements Program {
    private int lineNumber = 1;
    private boolean atLineStart = true;

    @Override
    public void start(ProcessContext ctx) {
        boolean number = false;
        List<String> files = new ArrayList<>();
        for (String a : ctx.args()) {
            if (a.equals("-n") || a.equals("--number")) {
                number = true;
            } else if (a.startsWith("-") && a.length() > 1) {
                ctx.eprintln("cat: invalid option -- '" + a.substring(1) + "'");
                ctx.eprintln("Try 'cat --help' for more information.");
                ctx.exit(1);
                return;
            } else {
                files.add(a);
            }
        }
        boolean numbered = number;
        ToolSupport.run(ctx, 512L << 10, Time.MILLISECOND / 2, () -> Inputs.forEach(ctx, "cat", files,
                (name, text) -> ctx.print(numbered ? number(text) : text),
                errors -> ctx.exit(errors > 0 ? 1 : 0)));
    }

    /** {@code -n}: a right-aligned 6-wide number and a tab before each line, counting across files. */
    private String number(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (atLineStart) {
                out.append(String.format(Locale.ROOT, "%6d\t", lineNumber++));
                atLineStart = false;
            }
            char c = text.charAt(i);
            out.append(c);
            if (c == '\n') {
                atLineStart = true;
            }
        }
        return out.toString();
    }
}
