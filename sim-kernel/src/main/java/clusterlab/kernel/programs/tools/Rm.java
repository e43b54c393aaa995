package clusterlab.kernel.programs.tools;

import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;

/** coreutils {@code rm [-r] [-f] FILE...}. */
public final class Rm implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        boolean recursive = false;
        boolean force = false;
        List<String> paths = new ArrayList<>();
        for (String a : ctx.args()) {
            if (a.startsWith("-") && a.length() > 1 && !a.startsWith("--")) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'r' || c == 'R') {
                        recursive = true;
                    } else if (c == 'f') {
                        force = true;
                    } else if (c != 'v' && c != 'i') {
                        ctx.eprintln("rm: invalid option -- '" + c + "'");
                        ctx.eprintln("Try 'rm --help' for more information.");
                        ctx.exit(1);
                        return;
                    }
                }
            } else {
                paths.add(a);
            }
        }
        if (paths.isEmpty() && !force) {
            ctx.eprintln("rm: missing operand");
            ctx.eprintln("Try 'rm --help' for more information.");
            ctx.exit(1);
            return;
        }
        int status = 0;
        for (String p : paths) {
            String path = ctx.resolve(p);
            try {
                FileStat st = ctx.fs().lstat(path);
                if (st.isDirectory()) {
                    if (!recursive) {
                        throw new FsException(Errno.EISDIR, p);
                    }
                    if (path.equals("/")) {
                        ctx.eprintln("rm: it is dangerous to operate recursively on '/'");
                        ctx.eprintln("rm: use --no-preserve-root to override this failsafe");
                        status = 1;
                        continue;
                    }
                    ctx.fs().removeRecursive(path);
                } else {
                    ctx.fs().unlink(path);
                }
            } catch (FsException e) {
                if (force && e.errno() == Errno.ENOENT) {
                    continue;
                }
                ctx.eprintln("rm: cannot remove " + ToolSupport.quote(p) + ": " + e.errno().text());
                status = 1;
            }
        }
        ctx.exit(status);
    }
}
