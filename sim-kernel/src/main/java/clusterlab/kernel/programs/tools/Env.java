package clusterlab.kernel.programs.tools;

import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.List;
import java.util.Map;

/** coreutils {@code env}: prints the environment, or sets {@code NAME=VALUE}s and execs a command. */
public final class Env implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        List<String> args = ctx.args();
        int i = 0;
        while (i < args.size() && args.get(i).indexOf('=') > 0 && !args.get(i).startsWith("-")) {
            String a = args.get(i);
            ctx.setenv(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            i++;
        }
        if (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-")) {
            ctx.eprintln("env: invalid option -- '" + args.get(i).substring(1) + "'");
            ctx.eprintln("Try 'env --help' for more information.");
            ctx.exit(125);
            return;
        }
        if (i >= args.size()) {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, String> e : ctx.env().entrySet()) {
                out.append(e.getKey()).append('=').append(e.getValue()).append('\n');
            }
            ctx.print(out.toString());
            ctx.exit(0);
            return;
        }
        String command = args.get(i);
        try {
            ctx.exec(List.copyOf(args.subList(i, args.size())));
        } catch (OsException e) {
            ctx.eprintln("env: " + ToolSupport.quote(command) + ": " + e.errno().text());
            ctx.exit(e.errno() == clusterlab.kernel.fs.Errno.ENOENT ? 127 : 126);
        }
    }
}
