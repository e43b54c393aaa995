package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.KernelLog;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;

/**
 * util-linux {@code dmesg}: the kernel ring buffer, one {@code [seconds.micros] message} line per
 * entry ({@code -c}/{@code -C} clearing is not supported: the buffer belongs to the kernel).
 */
public final class Dmesg implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ToolSupport.run(ctx, 1L << 20, Time.MILLISECOND, () -> {
            if (!ctx.args().isEmpty()) {
                ctx.eprintln("dmesg: invalid option -- '" + ctx.args().get(0).replaceFirst("^-+", "") + "'");
                ctx.eprintln("Try 'dmesg --help' for more information.");
                ctx.exit(1);
                return;
            }
            StringBuilder out = new StringBuilder();
            for (KernelLog.Entry e : ctx.os().kernelLog().entries()) {
                out.append(e.line()).append('\n');
            }
            ctx.print(out.toString());
            ctx.exit(0);
        });
    }
}
