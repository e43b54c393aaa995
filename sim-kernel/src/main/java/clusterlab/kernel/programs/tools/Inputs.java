package clusterlab.kernel.programs.tools;

import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.ProcessContext;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The operands of a filter (cat, head, grep, wc...): each file's text in order, "-" or no operand
 * meaning standard input, errors reported as {@code tool: name: No such file or directory}.
 */
final class Inputs {
    private final ProcessContext ctx;
    private final String tool;
    private final List<String> operands;
    private final BiConsumer<String, String> each;
    private final IntConsumer done;
    private int errors;

    private Inputs(ProcessContext ctx, String tool, List<String> operands, BiConsumer<String, String> each,
            IntConsumer done) {
        this.ctx = ctx;
        this.tool = tool;
        this.operands = operands.isEmpty() ? List.of("-") : operands;
        this.each = each;
        this.done = done;
    }

    /**
     * Calls {@code each(name, text)} for every readable operand in order, then {@code done} with the
     * number of operands that failed (already reported on stderr).
     */
    static void forEach(ProcessContext ctx, String tool, List<String> operands, BiConsumer<String, String> each,
            IntConsumer done) {
        new Inputs(ctx, tool, operands, each, done).next(0);
    }

    private void next(int index) {
        for (int i = index; i < operands.size(); i++) {
            String name = operands.get(i);
            if (name.equals("-")) {
                int resume = i + 1;
                ToolSupport.readAll(ctx, text -> {
                    each.accept("(standard input)", text);
                    next(resume);
                });
                return;
            }
            String text = read(name);
            if (text != null) {
                each.accept(name, text);
            }
        }
        done.accept(errors);
    }

    /** A file's text, or null after reporting why it can't be read. */
    private String read(String name) {
        try {
            FileStat st = ctx.fs().stat(ctx.resolve(name));
            if (st.isDirectory()) {
                throw new FsException(Errno.EISDIR, name);
            }
            String text = ctx.fs().readString(ctx.resolve(name));
            return text.length() > ToolSupport.MAX_INPUT_CHARS ? text.substring(0, ToolSupport.MAX_INPUT_CHARS) : text;
        } catch (FsException e) {
            ctx.eprintln(tool + ": " + name + ": " + e.errno().text());
            errors++;
            return null;
        }
    }
}
