package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.net.Ipv4;
import clusterlab.kernel.os.NetInterface;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.UtsNamespace;

/**
 * {@code hostname}: prints the UTS namespace's host name, sets it as root ({@code hostname NAME}),
 * {@code -i} the address the name resolves to, {@code -I} every non-loopback address.
 */
public final class Hostname implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ToolSupport.run(ctx, 512L << 10, Time.MILLISECOND / 2, () -> main(ctx));
    }

    private static void main(ProcessContext ctx) {
        var args = ctx.args();
        if (args.isEmpty()) {
            ctx.println(ctx.hostname());
            ctx.exit(0);
            return;
        }
        String a = args.get(0);
        if (a.equals("-i") || a.equals("--ip-address")) {
            Ipv4 ip = ctx.net().resolve(ctx.hostname());
            if (ip == null) {
                ctx.eprintln("hostname: Name or service not known");
                ctx.exit(1);
                return;
            }
            ctx.println(ip.toString());
        } else if (a.equals("-I") || a.equals("--all-ip-addresses")) {
            StringBuilder s = new StringBuilder();
            for (NetInterface nic : ctx.process().namespaces().net().interfaces()) {
                if (!nic.isLoopback() && nic.up()) {
                    s.append(nic.address()).append(' ');
                }
            }
            ctx.println(s.toString());
        } else if (a.equals("-s") || a.equals("--short")) {
            String h = ctx.hostname();
            ctx.println(h.contains(".") ? h.substring(0, h.indexOf('.')) : h);
        } else if (a.startsWith("-")) {
            ctx.eprintln("hostname: invalid option -- '" + a.substring(1) + "'");
            ctx.eprintln("Usage: hostname [-b] {hostname|-F file}         set host name (from file)");
            ctx.exit(1);
            return;
        } else {
            if (!ctx.credentials().isRoot()) {
                ctx.eprintln("hostname: you must be root to change the host name");
                ctx.exit(1);
                return;
            }
            if (a.length() > UtsNamespace.HOST_NAME_MAX || !a.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
                ctx.eprintln("hostname: the specified hostname is invalid");
                ctx.exit(1);
                return;
            }
            ctx.process().namespaces().uts().setHostname(a);
        }
        ctx.exit(0);
    }
}
