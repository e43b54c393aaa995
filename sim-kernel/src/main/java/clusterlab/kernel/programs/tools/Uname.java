package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;

/** coreutils {@code uname} ({@code -a -s -n -r -v -m -p -i -o}); release and version from /proc/version. */
public final class Uname implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ToolSupport.run(ctx, 512L << 10, Time.MILLISECOND / 2, () -> main(ctx));
    }

    private static void main(ProcessContext ctx) {
        String version = ctx.fs().readString("/proc/version").trim();
        String[] words = version.split(" ");
        String release = words.length > 2 ? words[2] : "";
        int hash = version.indexOf('#');
        String kernelVersion = hash < 0 ? "" : version.substring(hash);
        String flags = "";
        for (String a : ctx.args()) {
            if (a.equals("--all")) {
                flags += "a";
            } else if (a.matches("-[asnrvmpio]+")) {
                flags += a.substring(1);
            } else {
                ctx.eprintln(a.startsWith("-") ? "uname: invalid option -- '" + a.substring(1) + "'"
                        : "uname: extra operand " + ToolSupport.quote(a));
                ctx.eprintln("Try 'uname --help' for more information.");
                ctx.exit(1);
                return;
            }
        }
        if (flags.isEmpty()) {
            flags = "s";
        }
        boolean all = flags.indexOf('a') >= 0;
        List<String> parts = new ArrayList<>();
        if (all || flags.indexOf('s') >= 0) {
            parts.add("Linux");
        }
        if (all || flags.indexOf('n') >= 0) {
            parts.add(ctx.hostname());
        }
        if (all || flags.indexOf('r') >= 0) {
            parts.add(release);
        }
        if (all || flags.indexOf('v') >= 0) {
            parts.add(kernelVersion);
        }
        if (all || flags.indexOf('m') >= 0) {
            parts.add("x86_64");
        }
        // -a omits processor and platform when unknown, as coreutils on Debian does
        if (!all && flags.indexOf('p') >= 0) {
            parts.add("unknown");
        }
        if (!all && flags.indexOf('i') >= 0) {
            parts.add("unknown");
        }
        if (all || flags.indexOf('o') >= 0) {
            parts.add("GNU/Linux");
        }
        ctx.println(String.join(" ", parts));
        ctx.exit(0);
    }
}
