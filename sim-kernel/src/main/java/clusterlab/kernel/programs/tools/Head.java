package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;

/** coreutils {@code head [-n N | -N | -c N] [FILE]...}: the first lines (10 by default). */
public final class Head implements Program {
    @Override
    public void start(ProcessContext ctx) {
        LineCount count = LineCount.parse(ctx, "head", ctx.args());
        if (count == null) {
            return;
        }
        List<String> files = count.files();
        boolean headers = files.size() > 1;
        boolean[] first = {true};
        ToolSupport.run(ctx, 512L << 10, Time.MILLISECOND / 2, () -> Inputs.forEach(ctx, "head", files,
                (name, text) -> {
                    if (headers) {
                        ctx.print((first[0] ? "" : "\n") + "==> " + name + " <==\n");
                        first[0] = false;
                    }
                    ctx.print(head(text, count));
                }, errors -> ctx.exit(errors > 0 ? 1 : 0)));
    }

    static String head(String text, LineCount count) {
        if (count.bytes()) {
            return text.substring(0, (int) Math.min(text.length(), count.n()));
        }
        int end = 0;
        for (long i = 0; i < count.n() && end < text.length(); i++) {
            int nl = text.indexOf('\n', end);
            end = nl < 0 ? text.length() : nl + 1;
        }
        return text.substring(0, end);
    }

    /** The {@code -n N}/{@code -N}/{@code -c N} option of head and tail and the file operands. */
    record LineCount(long n, boolean bytes, boolean follow, List<String> files) {
        static LineCount parse(ProcessContext ctx, String tool, List<String> args) {
            long n = 10;
            boolean bytes = false;
            boolean follow = false;
            List<String> files = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String value = null;
                if (a.equals("-n") || a.equals("-c")) {
                    if (i + 1 >= args.size()) {
                        ctx.eprintln(tool + ": option requires an argument -- '" + a.charAt(1) + "'");
                        ctx.eprintln("Try '" + tool + " --help' for more information.");
                        ctx.exit(1);
                        return null;
                    }
                    bytes = a.equals("-c");
                    value = args.get(++i);
                } else if (a.matches("-[nc].+")) {
                    bytes = a.charAt(1) == 'c';
                    value = a.substring(2);
                } else if (a.matches("-[0-9]+")) {
                    value = a.substring(1);
                } else if (a.equals("-f") && tool.equals("tail")) {
                    follow = true;
                } else if (a.startsWith("-") && a.length() > 1) {
                    ctx.eprintln(tool + ": invalid option -- '" + a.substring(1) + "'");
                    ctx.eprintln("Try '" + tool + " --help' for more information.");
                    ctx.exit(1);
                    return null;
                } else {
                    files.add(a);
                }
                if (value != null) {
                    String digits = value.startsWith("+") || value.startsWith("-") ? value.substring(1) : value;
                    if (!digits.matches("[0-9]{1,18}")) {
                        ctx.eprintln(tool + ": invalid number of " + (bytes ? "bytes" : "lines") + ": "
                                + ToolSupport.quote(value));
                        ctx.exit(1);
                        return null;
                    }
                    n = Long.parseLong(digits);
                }
            }
            return new LineCount(n, bytes, follow, files);
        }
    }
}
