package clusterlab.kernel.programs;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;

/**
 * A machine's pid 1. It starts nothing by itself (services are started by the components that own
 * them) and lives until the machine goes down; orphans are reparented to it and reaped at once.
 * It ignores SIGTERM and SIGINT, as init does.
 */
public final class Init implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(9L << 20);
        ctx.setVirtualMemory(160L << 20);
        ctx.ignore(Signal.SIGTERM);
        ctx.ignore(Signal.SIGINT);
        ctx.ignore(Signal.SIGHUP);
    }
}
