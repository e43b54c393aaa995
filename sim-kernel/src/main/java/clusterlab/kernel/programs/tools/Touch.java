package clusterlab.kernel.programs.tools;

import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;

/** coreutils {@code touch FILE...}: creates empty files, or sets their modification time to now. */
public final class Touch implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        if (ctx.args().isEmpty()) {
            ctx.eprintln("touch: missing file operand");
            ctx.eprintln("Try 'touch --help' for more information.");
            ctx.exit(1);
            return;
        }
        int status = 0;
        for (String f : ctx.args()) {
            if (f.startsWith("-") && f.length() > 1) {
                continue; // -a, -m, -c: the only time kept is the modification time
            }
            String path = ctx.resolve(f);
            try {
                if (ctx.fs().exists(path)) {
                    ctx.fs().setMtime(path, ctx.now());
                } else {
                    ctx.fs().writeString(path, "");
                }
            } catch (FsException e) {
                ctx.eprintln("touch: cannot touch " + ToolSupport.quote(f) + ": " + e.errno().text());
                status = 1;
            }
        }
        ctx.exit(status);
    }
}
