package clusterlab.runtime.daemon;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Signal;

/**
 * The long-running processes of a Docker host as {@code ps} shows them: {@code dockerd},
 * {@code containerd} and one {@code containerd-shim} per container. The engine itself lives in
 * Java objects; these processes give it its place in the process tree (container processes are
 * children of their shim) and its memory footprint.
 */
public final class DaemonPrograms {
    private DaemonPrograms() {}

    /** A daemon that stays until killed, holding {@code rssBytes}; SIGTERM ends it cleanly. */
    public static Program idle(long rssBytes, long vszBytes) {
        return (ProcessContext ctx) -> {
            ctx.allocate(rssBytes);
            ctx.setVirtualMemory(vszBytes);
            ctx.onSignal(Signal.SIGTERM, s -> ctx.exit(0));
            ctx.onSignal(Signal.SIGINT, s -> ctx.exit(0));
        };
    }
}
