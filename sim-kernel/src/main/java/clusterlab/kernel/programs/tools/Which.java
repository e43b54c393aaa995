package clusterlab.kernel.programs.tools;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;

/** debianutils {@code which}: the PATH entry each name runs as; status 1 if any is missing. */
public final class Which implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        int status = ctx.args().isEmpty() ? 1 : 0;
        for (String name : ctx.args()) {
            if (name.equals("-a")) {
                continue;
            }
            String path = ctx.which(name);
            if (path == null) {
                status = 1;
            } else {
                ctx.println(path);
            }
        }
        ctx.exit(status);
    }
}
