package clusterlab.kernel.programs.tools;

import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;

/** coreutils {@code mkdir [-p] DIR...}. */
public final class Mkdir implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        boolean parents = false;
        List<String> dirs = new ArrayList<>();
        for (String a : ctx.args()) {
            if (a.equals("-p") || a.equals("--parents")) {
                parents = true;
            } else if (a.startsWith("-") && a.length() > 1) {
                ctx.eprintln("mkdir: invalid option -- '" + a.substring(1) + "'");
                ctx.eprintln("Try 'mkdir --help' for more information.");
                ctx.exit(1);
                return;
            } else {
                dirs.add(a);
            }
        }
        if (dirs.isEmpty()) {
            ctx.eprintln("mkdir: missing operand");
            ctx.eprintln("Try 'mkdir --help' for more information.");
            ctx.exit(1);
            return;
        }
        int status = 0;
        for (String d : dirs) {
            try {
                if (parents) {
                    ctx.fs().mkdirs(ctx.resolve(d));
                } else {
                    ctx.fs().mkdir(ctx.resolve(d));
                }
            } catch (FsException e) {
                ctx.eprintln("mkdir: cannot create directory " + ToolSupport.quote(d) + ": " + e.errno().text());
                status = 1;
            }
        }
        ctx.exit(status);
    }
}
