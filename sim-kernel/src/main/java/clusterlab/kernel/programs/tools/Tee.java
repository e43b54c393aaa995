package clusterlab.kernel.programs.tools;

import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.List;

/** coreutils {@code tee [-a] FILE...}: copies standard input to standard output and the files, as it arrives. */
public final class Tee implements Program {
    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(256L << 10);
        boolean append = false;
        List<String> files = new ArrayList<>();
        for (String a : ctx.args()) {
            if (a.equals("-a") || a.equals("--append")) {
                append = true;
            } else if (a.startsWith("-") && a.length() > 1) {
                ctx.eprintln("tee: invalid option -- '" + a.substring(1) + "'");
                ctx.eprintln("Try 'tee --help' for more information.");
                ctx.exit(1);
                return;
            } else {
                files.add(a);
            }
        }
        List<String> open = new ArrayList<>();
        int[] errors = {0};
        for (String f : files) {
            try {
                String path = ctx.resolve(f);
                if (!append || !ctx.fs().exists(path)) {
                    ctx.fs().writeString(path, "");
                }
                open.add(path);
            } catch (FsException e) {
                ctx.eprintln("tee: " + f + ": " + e.errno().text());
                errors[0]++;
            }
        }
        ctx.readInput(text -> {
            ctx.print(text);
            for (String path : open) {
                try {
                    ctx.fs().appendString(path, text);
                } catch (FsException e) {
                    ctx.eprintln("tee: " + path + ": " + e.errno().text());
                    errors[0]++;
                }
            }
        }, () -> ctx.exit(errors[0] > 0 ? 1 : 0));
    }
}
