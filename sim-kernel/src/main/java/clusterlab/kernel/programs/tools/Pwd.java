package clusterlab.kernel.programs.tools;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;

/** coreutils {@code pwd}: the working directory ({@code -L}/{@code -P} accepted; there are no symlinked cwds). */
public final class Pwd implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        for (String a : ctx.args()) {
            if (!a.equals("-L") && !a.equals("-P")) {
                ctx.eprintln(a.startsWith("-") ? "pwd: invalid option -- '" + a.substring(1) + "'"
                        : "pwd: ignoring non-option arguments");
                if (a.startsWith("-")) {
                    ctx.eprintln("Try 'pwd --help' for more information.");
                    ctx.exit(1);
                    return;
                }
                break;
            }
        }
        ctx.println(ctx.cwd());
        ctx.exit(0);
    }
}
