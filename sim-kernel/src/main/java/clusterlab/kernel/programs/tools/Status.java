package clusterlab.kernel.programs.tools;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;

/** coreutils {@code true} and {@code false}: exit with a fixed status, ignoring arguments. */
public final class Status implements Program {
    private final int status;

    private Status(int status) {
        this.status = status;
    }

    public static Status alwaysTrue() {
        return new Status(0);
    }

    public static Status alwaysFalse() {
        return new Status(1);
    }

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        ctx.exit(status);
    }
}
