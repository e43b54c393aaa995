package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.List;

/**
 * coreutils {@code tail [-n N] [-f] [FILE]...}: the last lines; {@code -f} keeps printing what is
 * appended to the (single) file, polling every second of virtual time as tail does without inotify.
 */
public final class Tail implements Program {
    private static final long POLL_NANOS = Time.SECOND;

    @Override
    public void start(ProcessContext ctx) {
        Head.LineCount count = Head.LineCount.parse(ctx, "tail", ctx.args());
        if (count == null) {
            return;
        }
        List<String> files = count.files();
        boolean headers = files.size() > 1;
        boolean[] first = {true};
        ToolSupport.run(ctx, 512L << 10, Time.MILLISECOND / 2, () -> Inputs.forEach(ctx, "tail", files,
                (name, text) -> {
                    if (headers) {
                        ctx.print((first[0] ? "" : "\n") + "==> " + name + " <==\n");
                        first[0] = false;
                    }
                    ctx.print(tail(text, count));
                }, errors -> {
                    if (count.follow() && files.size() == 1 && errors == 0) {
                        String path = ctx.resolve(files.get(0));
                        follow(ctx, path, ctx.fs().stat(path).sizeBytes());
                    } else {
                        ctx.exit(errors > 0 ? 1 : 0);
                    }
                }));
    }

    private static void follow(ProcessContext ctx, String path, long offset) {
        ctx.schedule(POLL_NANOS, () -> {
            long size;
            try {
                size = ctx.fs().stat(path).sizeBytes();
            } catch (FsException e) {
                follow(ctx, path, offset); // tail -f keeps waiting for the file to come back
                return;
            }
            long next = offset;
            if (size < offset) {
                ctx.eprintln("tail: " + path + ": file truncated");
                next = 0;
            }
            if (size > next) {
                byte[] all = ctx.fs().readFile(path);
                ctx.print(new String(all, (int) next, all.length - (int) next, java.nio.charset.StandardCharsets.UTF_8));
                next = all.length;
            }
            follow(ctx, path, next);
        });
    }

    static String tail(String text, Head.LineCount count) {
        if (count.bytes()) {
            return text.substring((int) Math.max(0, text.length() - count.n()));
        }
        List<String> lines = ToolSupport.lines(text);
        int from = (int) Math.max(0, lines.size() - count.n());
        StringBuilder out = new StringBuilder();
        for (int i = from; i < lines.size(); i++) {
            out.append(lines.get(i));
            if (i < lines.size() - 1 || text.endsWith("\n")) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
