package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.fs.FsPath;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * coreutils {@code ls [-l] [-a|-A] [-1] [-h] [-d] [FILE]...}: one name a line when stdout is not a
 * terminal, columns across the terminal's width when it is; {@code -l} in coreutils's long format.
 */
public final class Ls implements Program {
    /** coreutils shows the year instead of the time for files older than about six months. */
    private static final long SIX_MONTHS_NANOS = 15_778_476L * Time.SECOND;
    /** Bound on entries listed per directory. */
    private static final int MAX_ENTRIES = 100_000;

    private record Item(String name, FileStat stat, String linkTarget) {}

    private ProcessContext ctx;
    private boolean longFormat;
    private boolean all;
    private boolean almostAll;
    private boolean onePerLine;
    private boolean human;
    private boolean directoryItself;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        ToolSupport.run(ctx, 1L << 20, Time.MILLISECOND, this::main);
    }

    private void main() {
        List<String> operands = new ArrayList<>();
        for (String a : ctx.args()) {
            if (a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'l' -> longFormat = true;
                        case 'a' -> all = true;
                        case 'A' -> almostAll = true;
                        case '1' -> onePerLine = true;
                        case 'h' -> human = true;
                        case 'd' -> directoryItself = true;
                        default -> {
                            ctx.eprintln("ls: invalid option -- '" + c + "'");
                            ctx.eprintln("Try 'ls --help' for more information.");
                            ctx.exit(2);
                            return;
                        }
                    }
                }
            } else {
                operands.add(a);
            }
        }
        boolean implicit = operands.isEmpty();
        if (implicit) {
            operands.add(".");
        }
        int status = 0;
        List<Item> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String op : operands.stream().sorted().toList()) {
            String path = ctx.resolve(op);
            try {
                FileStat st = longFormat ? ctx.fs().lstat(path) : ctx.fs().stat(path);
                if (st.isDirectory() && !directoryItself) {
                    dirs.add(op);
                } else {
                    files.add(item(op, path, st));
                }
            } catch (FsException e) {
                ctx.eprintln("ls: cannot access " + ToolSupport.quote(op) + ": " + e.errno().text());
                status = 2;
            }
        }
        StringBuilder out = new StringBuilder();
        if (!files.isEmpty()) {
            out.append(render(files, false));
        }
        boolean headers = operands.size() > 1;
        for (int i = 0; i < dirs.size(); i++) {
            String dir = dirs.get(i);
            if (out.length() > 0) {
                out.append('\n');
            }
            if (headers) {
                out.append(dir).append(":\n");
            }
            try {
                out.append(render(entries(dir), true));
            } catch (FsException e) {
                ctx.eprintln("ls: cannot open directory " + ToolSupport.quote(dir) + ": " + e.errno().text());
                status = 2;
            }
        }
        ctx.print(out.toString());
        ctx.exit(status);
    }

    private Item item(String name, String path, FileStat st) {
        String target = null;
        if (st.isSymlink()) {
            try {
                target = ctx.fs().readlink(path);
            } catch (FsException e) {
                target = "";
            }
        }
        return new Item(name, st, target);
    }

    private List<Item> entries(String dir) {
        String path = ctx.resolve(dir);
        List<Item> items = new ArrayList<>();
        if (all) {
            items.add(new Item(".", ctx.fs().stat(path), null));
            items.add(new Item("..", ctx.fs().stat(FsPath.of(path).isRoot() ? path : FsPath.of(path).parent().toString()),
                    null));
        }
        for (String name : ctx.fs().list(path)) {
            if (items.size() >= MAX_ENTRIES) {
                break;
            }
            if (name.startsWith(".") && !all && !almostAll) {
                continue;
            }
            String child = FsPath.of(path).child(name).toString();
            FileStat st = ctx.fs().lstatOrNull(child);
            if (st != null) {
                items.add(item(name, child, st));
            }
        }
        return items;
    }

    private String render(List<Item> items, boolean isDirectory) {
        if (longFormat) {
            return longListing(items, isDirectory);
        }
        List<String> names = items.stream().map(Item::name).toList();
        if (onePerLine || !ctx.isTty()) {
            StringBuilder s = new StringBuilder();
            for (String n : names) {
                s.append(n).append('\n');
            }
            return s.toString();
        }
        return columns(names, ctx.tty().columns());
    }

    /** coreutils's vertical columns: the most columns whose widths (name + 2) fit the line. */
    static String columns(List<String> names, int width) {
        if (names.isEmpty()) {
            return "";
        }
        int n = names.size();
        int cols = 1;
        int[] best = {names.stream().mapToInt(String::length).max().orElse(0)};
        for (int c = Math.min(n, Math.max(1, width / 3)); c >= 1; c--) {
            int rows = (n + c - 1) / c;
            int used = (n + rows - 1) / rows;
            int[] w = new int[used];
            for (int i = 0; i < n; i++) {
                w[i / rows] = Math.max(w[i / rows], names.get(i).length());
            }
            int total = 0;
            for (int i = 0; i < used; i++) {
                total += w[i] + (i < used - 1 ? 2 : 0);
            }
            if (total < width || c == 1) {
                cols = used;
                best = w;
                break;
            }
        }
        int rows = (n + cols - 1) / cols;
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                int i = c * rows + r;
                if (i >= n) {
                    break;
                }
                String name = names.get(i);
                line.append(name);
                boolean lastInRow = c == cols - 1 || (c + 1) * rows + r >= n;
                if (!lastInRow) {
                    line.append(" ".repeat(best[c] + 2 - name.length()));
                }
            }
            s.append(line).append('\n');
        }
        return s.toString();
    }

    private String longListing(List<Item> items, boolean isDirectory) {
        long blocks = 0;
        int linkW = 1;
        int userW = 1;
        int groupW = 1;
        int sizeW = 1;
        List<String[]> rows = new ArrayList<>();
        for (Item it : items) {
            FileStat st = it.stat();
            if (!st.isSymlink()) {
                blocks += st.isDirectory() ? 4 : (st.sizeBytes() + 4095) / 4096 * 4;
            }
            String[] r = {st.modeString(), st.isDirectory() ? "2" : "1", ToolSupport.userName(ctx.fs(), st.uid()),
                    ToolSupport.groupName(ctx.fs(), st.gid()), size(st), date(st.mtimeNanos()),
                    it.linkTarget() == null ? it.name() : it.name() + " -> " + it.linkTarget()};
            linkW = Math.max(linkW, r[1].length());
            userW = Math.max(userW, r[2].length());
            groupW = Math.max(groupW, r[3].length());
            sizeW = Math.max(sizeW, r[4].length());
            rows.add(r);
        }
        StringBuilder s = new StringBuilder();
        if (isDirectory) {
            s.append("total ").append(human ? humanSize(blocks * 1024) : String.valueOf(blocks)).append('\n');
        }
        for (String[] r : rows) {
            s.append(String.format(Locale.ROOT, "%s %" + linkW + "s %-" + userW + "s %-" + groupW + "s %" + sizeW
                    + "s %s %s%n", (Object[]) r));
        }
        return s.toString();
    }

    private String size(FileStat st) {
        long bytes = st.isDirectory() ? FileStat.DIRECTORY_SIZE_BYTES : st.sizeBytes();
        return human ? humanSize(bytes) : String.valueOf(bytes);
    }

    /** coreutils -h: rounded up, one decimal below 10 (4.0K, 1.5M, 12K). */
    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return String.valueOf(bytes);
        }
        String units = "KMGTPE";
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        if (v < 10) {
            double up = StrictMath.ceil(v * 10) / 10;
            if (up >= 10) {
                return "10" + units.charAt(u);
            }
            return String.format(Locale.ROOT, "%.1f%c", up, units.charAt(u));
        }
        long up = (long) StrictMath.ceil(v);
        if (up >= 1024 && u < units.length() - 1) {
            return "1.0" + units.charAt(u + 1);
        }
        return up + String.valueOf(units.charAt(u));
    }

    private String date(long mtimeNanos) {
        ZonedDateTime t = Time.wallClockUtc(mtimeNanos);
        String month = t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        long age = ctx.now() - mtimeNanos;
        if (age < SIX_MONTHS_NANOS && age > -Time.HOUR) {
            return String.format(Locale.ROOT, "%s %2d %02d:%02d", month, t.getDayOfMonth(), t.getHour(), t.getMinute());
        }
        return String.format(Locale.ROOT, "%s %2d  %d", month, t.getDayOfMonth(), t.getYear());
    }
}
