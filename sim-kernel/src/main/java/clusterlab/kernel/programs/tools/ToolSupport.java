package clusterlab.kernel.programs.tools;

import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.ProcessContext;
import java.util.function.Consumer;

/**
 * What every command-line tool does alike: take the resident memory and the bit of CPU a real run
 * costs (so ps, top and the clock see it), look up user names in /etc/passwd, read all of stdin.
 */
final class ToolSupport {
    /** A bound on what a tool reads from stdin or a file in one go (larger input is cut). */
    static final int MAX_INPUT_CHARS = 4 << 20;

    private ToolSupport() {}

    /**
     * Charges a run of the tool: {@code rssBytes} of resident memory and {@code cpuNanos} of work,
     * then runs {@code body}. Without this, tools would cost nothing and time would not advance.
     */
    static void run(ProcessContext ctx, long rssBytes, long cpuNanos, Runnable body) {
        ctx.setVirtualMemory(rssBytes * 4 + (4L << 20));
        ctx.allocate(rssBytes);
        ctx.compute(cpuNanos, body);
    }

    /** The name for {@code id} in an /etc/passwd or /etc/group style file, or null. */
    static String nameFor(Filesystem fs, String file, int id) {
        String text;
        try {
            text = fs.readString(file);
        } catch (FsException e) {
            return null;
        }
        for (String line : text.split("\n", 1000)) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && f[2].equals(String.valueOf(id))) {
                return f[0];
            }
        }
        return null;
    }

    /** User name as ps and ls show it: the passwd name, else the number. */
    static String userName(Filesystem fs, int uid) {
        String n = nameFor(fs, "/etc/passwd", uid);
        return n == null ? String.valueOf(uid) : n;
    }

    static String groupName(Filesystem fs, int gid) {
        String n = nameFor(fs, "/etc/group", gid);
        return n == null ? String.valueOf(gid) : n;
    }

    /** Reads stdin to its end (bounded) and hands the whole text over. */
    static void readAll(ProcessContext ctx, Consumer<String> whole) {
        StringBuilder buf = new StringBuilder();
        ctx.readInput(text -> {
            int room = MAX_INPUT_CHARS - buf.length();
            buf.append(text, 0, Math.min(room, text.length()));
        }, () -> whole.accept(buf.toString()));
    }

    /** The coreutils quoting of a file name in messages (C locale): 'name'. */
    static String quote(String name) {
        return "'" + name + "'";
    }

    /** Splits text into lines without their newlines; a last line without newline still counts. */
    static java.util.List<String> lines(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start));
                break;
            }
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }
}
