package clusterlab.kernel.programs.tools;

import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.fs.FsPath;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;

/**
 * coreutils {@code cp [-r] SRC... DEST} and {@code mv SRC... DEST}: one class because they share
 * operand handling (the last operand, a directory when several sources).
 */
public final class CopyMove implements Program {
    private final boolean move;

    private CopyMove(boolean move) {
        this.move = move;
    }

    public static CopyMove cp() {
        return new CopyMove(false);
    }

    public static CopyMove mv() {
        return new CopyMove(true);
    }

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(512L << 10);
        String tool = move ? "mv" : "cp";
        boolean recursive = move;
        List<String> operands = new ArrayList<>();
        for (String a : ctx.args()) {
            if (a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    if (c == 'r' || c == 'R' || c == 'a') {
                        recursive = true;
                    } else if ("fvip".indexOf(c) < 0) {
                        ctx.eprintln(tool + ": invalid option -- '" + c + "'");
                        ctx.eprintln("Try '" + tool + " --help' for more information.");
                        ctx.exit(1);
                        return;
                    }
                }
            } else {
                operands.add(a);
            }
        }
        if (operands.size() < 2) {
            ctx.eprintln(operands.isEmpty() ? tool + ": missing file operand"
                    : tool + ": missing destination file operand after " + ToolSupport.quote(operands.get(0)));
            ctx.eprintln("Try '" + tool + " --help' for more information.");
            ctx.exit(1);
            return;
        }
        String destArg = operands.get(operands.size() - 1);
        String dest = ctx.resolve(destArg);
        FileStat destStat = ctx.fs().exists(dest) ? ctx.fs().stat(dest) : null;
        boolean intoDir = destStat != null && destStat.isDirectory();
        List<String> sources = operands.subList(0, operands.size() - 1);
        if (sources.size() > 1 && !intoDir) {
            ctx.eprintln(tool + ": target " + ToolSupport.quote(destArg) + " is not a directory");
            ctx.exit(1);
            return;
        }
        int status = 0;
        for (String s : sources) {
            String src = ctx.resolve(s);
            String target = intoDir ? FsPath.of(dest).child(FsPath.of(src).name()).toString() : dest;
            try {
                FileStat st = ctx.fs().lstat(src);
                if (st.isDirectory() && !recursive) {
                    ctx.eprintln("cp: -r not specified; omitting directory " + ToolSupport.quote(s));
                    status = 1;
                    continue;
                }
                if (st.isDirectory() && (target.equals(src) || target.startsWith(src + "/"))) {
                    ctx.eprintln(tool + ": cannot " + (move ? "move " : "copy a directory, ") + ToolSupport.quote(s)
                            + (move ? " to a subdirectory of itself, " : ", into itself, ")
                            + ToolSupport.quote(destArg + (intoDir ? "/" + FsPath.of(src).name() : "")));
                    status = 1;
                    continue;
                }
                if (move) {
                    ctx.fs().rename(src, target);
                } else {
                    if (ctx.fs().exists(target) && !ctx.fs().stat(target).isDirectory() && !st.isDirectory()) {
                        ctx.fs().unlink(target);
                    }
                    ctx.fs().copy(src, target);
                }
            } catch (FsException e) {
                boolean missing = !ctx.fs().exists(src);
                ctx.eprintln(missing ? tool + ": cannot stat " + ToolSupport.quote(s) + ": " + e.errno().text()
                        : tool + ": cannot " + (move ? "move " : "create regular file ") + ToolSupport.quote(
                                move ? s : destArg) + ": " + e.errno().text());
                status = 1;
            }
        }
        ctx.exit(status);
    }
}
