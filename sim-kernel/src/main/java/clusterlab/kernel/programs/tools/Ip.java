package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.NetInterface;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;

/**
 * iproute2 {@code ip}: {@code ip addr|a|address [show [dev] NAME]}, {@code ip link [show [dev] NAME]}
 * and {@code ip route}, from the interfaces of the process's network namespace.
 */
public final class Ip implements Program {
    private ProcessContext ctx;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        ToolSupport.run(ctx, 1L << 20, Time.MILLISECOND, this::main);
    }

    private void main() {
        List<String> args = new ArrayList<>(ctx.args());
        while (!args.isEmpty() && args.get(0).matches("-[46]")) {
            args.remove(0);
        }
        if (args.isEmpty()) {
            ctx.eprintln("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }");
            ctx.exit(255);
            return;
        }
        String object = args.remove(0);
        List<NetInterface> nics = ctx.process().namespaces().net().interfaces();
        if (isPrefix(object, "address", 1)) {
            show(args, nics, true);
        } else if (isPrefix(object, "link", 1)) {
            show(args, nics, false);
        } else if (isPrefix(object, "route", 1)) {
            StringBuilder out = new StringBuilder();
            for (NetInterface nic : nics) {
                if (!nic.isLoopback()) {
                    out.append(nic.subnet()).append(" dev ").append(nic.name())
                            .append(" proto kernel scope link src ").append(nic.address()).append('\n');
                }
            }
            ctx.print(out.toString());
            ctx.exit(0);
        } else {
            ctx.eprintln("Object \"" + object + "\" is unknown, try \"ip help\".");
            ctx.exit(1);
        }
    }

    private static boolean isPrefix(String word, String full, int min) {
        return word.length() >= min && full.startsWith(word);
    }

    private void show(List<String> args, List<NetInterface> nics, boolean addresses) {
        if (!args.isEmpty() && (args.get(0).equals("show") || args.get(0).equals("list") || args.get(0).equals("ls"))) {
            args.remove(0);
        }
        if (!args.isEmpty() && args.get(0).equals("dev")) {
            args.remove(0);
        }
        String only = null;
        if (!args.isEmpty()) {
            only = args.remove(0);
            if (!args.isEmpty()) {
                ctx.eprintln("Error: either \"dev\" is duplicate, or \"" + args.get(0) + "\" is a garbage.");
                ctx.exit(1);
                return;
            }
        }
        StringBuilder out = new StringBuilder();
        boolean found = false;
        for (NetInterface nic : nics) {
            if (only != null && !nic.name().equals(only)) {
                continue;
            }
            found = true;
            out.append(describe(nic, addresses));
        }
        if (only != null && !found) {
            ctx.eprintln("Device \"" + only + "\" does not exist.");
            ctx.exit(1);
            return;
        }
        ctx.print(out.toString());
        ctx.exit(0);
    }

    /** The lines iproute2 prints for one interface. */
    static String describe(NetInterface nic, boolean addresses) {
        StringBuilder s = new StringBuilder();
        String name = nic.peerIndex() > 0 ? nic.name() + "@if" + nic.peerIndex() : nic.name();
        String up = nic.up() ? ",UP,LOWER_UP" : "";
        if (nic.isLoopback()) {
            s.append(nic.index()).append(": ").append(name).append(": <LOOPBACK").append(up).append("> mtu ")
                    .append(nic.mtu()).append(" qdisc noqueue state ").append(nic.up() ? "UNKNOWN" : "DOWN")
                    .append(" group default qlen 1000\n");
            s.append("    link/loopback ").append(nic.mac()).append(" brd 00:00:00:00:00:00\n");
        } else {
            boolean veth = nic.peerIndex() > 0;
            s.append(nic.index()).append(": ").append(name).append(": <BROADCAST,MULTICAST").append(up)
                    .append("> mtu ").append(nic.mtu()).append(" qdisc ").append(veth ? "noqueue" : "pfifo_fast")
                    .append(" state ").append(nic.up() ? "UP" : "DOWN").append(" group default ")
                    .append(veth ? "" : "qlen 1000").append('\n');
            s.append("    link/ether ").append(nic.mac()).append(" brd ff:ff:ff:ff:ff:ff")
                    .append(veth ? " link-netnsid 0" : "").append('\n');
        }
        if (addresses) {
            if (nic.isLoopback()) {
                s.append("    inet ").append(nic.address()).append('/').append(nic.subnet().prefixLength())
                        .append(" scope host lo\n");
            } else {
                s.append("    inet ").append(nic.address()).append('/').append(nic.subnet().prefixLength())
                        .append(" brd ").append(nic.broadcast()).append(" scope global ").append(nic.name())
                        .append('\n');
            }
            s.append("       valid_lft forever preferred_lft forever\n");
        }
        return s.toString();
    }
}
