package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;

/** coreutils {@code id} ({@code -u -g -G -n}), names from the process's /etc/passwd and /etc/group. */
public final class Id implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ToolSupport.run(ctx, 512L << 10, Time.MILLISECOND / 2, () -> main(ctx));
    }

    private static void main(ProcessContext ctx) {
        int uid = ctx.credentials().uid();
        int gid = ctx.credentials().gid();
        Filesystem fs = ctx.fs();
        char which = 0;
        boolean names = false;
        for (String a : ctx.args()) {
            if (!a.matches("-[ugGn]+")) {
                if (a.startsWith("-")) {
                    ctx.eprintln("id: invalid option -- '" + a.substring(1) + "'");
                } else {
                    ctx.eprintln("id: " + ToolSupport.quote(a) + ": no such user");
                    ctx.exit(1);
                    return;
                }
                ctx.eprintln("Try 'id --help' for more information.");
                ctx.exit(1);
                return;
            }
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'n') {
                    names = true;
                } else {
                    which = c;
                }
            }
        }
        String user = ToolSupport.nameFor(fs, "/etc/passwd", uid);
        String group = ToolSupport.nameFor(fs, "/etc/group", gid);
        if (which == 0) {
            if (names) {
                ctx.eprintln("id: cannot print only names or real IDs in default format");
                ctx.exit(1);
                return;
            }
            String u = "uid=" + uid + (user == null ? "" : "(" + user + ")");
            String g = "gid=" + gid + (group == null ? "" : "(" + group + ")");
            ctx.println(u + " " + g + " groups=" + g.substring(4));
        } else if (which == 'u') {
            ctx.println(names ? (user == null ? String.valueOf(uid) : user) : String.valueOf(uid));
        } else {
            ctx.println(names ? (group == null ? String.valueOf(gid) : group) : String.valueOf(gid));
        }
        ctx.exit(0);
    }
}
