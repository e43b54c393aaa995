package clusterlab.runtime.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * docker 19.03's cobra usage template (cli/cobra.go) and pflag's FlagUsagesWrapped.
 * Help output is "\n" + {@link #usage}; errors embed the usage itself.
 */
public final class HelpFormatter {
    /** Columns when stdin is not a terminal (wrappedFlagUsages falls back to 80). */
    public static final int DEFAULT_WIDTH = 80;
    private static final int MIN_NAME_PADDING = 11;

    private HelpFormatter() {
    }

    /** The text docker prints for --help: a blank line, then the usage. */
    public static String help(CommandSpec cmd, int width) {
        return "\n" + usage(cmd, width);
    }

    public static String usage(CommandSpec cmd, int width) {
        StringBuilder b = new StringBuilder("Usage:\t");
        boolean availableFlags = cmd.flags().stream().anyMatch(f -> !f.hidden());
        if (cmd.hasSubCommands()) {
            b.append(cmd.commandPath()).append(availableFlags ? " [OPTIONS]" : "").append(" COMMAND");
        } else {
            b.append(cmd.useLine());
        }
        b.append("\n\n").append(cmd.shortDescription().strip());
        if (!cmd.aliases().isEmpty()) {
            b.append("\n\nAliases:\n  ").append(cmd.name());
            for (String a : cmd.aliases()) {
                b.append(", ").append(a);
            }
        }
        if (availableFlags) {
            b.append("\n\nOptions:\n").append(flagUsages(cmd.flags(), width - 1).stripTrailing());
        }
        List<CommandSpec> management = new ArrayList<>();
        List<CommandSpec> operations = new ArrayList<>();
        int pad = MIN_NAME_PADDING;
        for (CommandSpec c : cmd.children()) {
            if (c.name().equals("help") && c.parent().parent() == null) {
                pad = Math.max(pad, c.name().length());
                continue; // cobra never lists its own help command
            }
            pad = Math.max(pad, c.name().length());
            (c.hasSubCommands() ? management : operations).add(c);
        }
        if (!management.isEmpty()) {
            b.append("\n\nManagement Commands:");
            for (CommandSpec c : management) {
                b.append("\n  ").append(rpad(c.name(), pad)).append(' ').append(c.shortDescription());
            }
        }
        if (!operations.isEmpty()) {
            b.append("\n\nCommands:");
            for (CommandSpec c : operations) {
                b.append("\n  ").append(rpad(c.name(), pad)).append(' ').append(c.shortDescription());
            }
        }
        if (cmd.hasSubCommands()) {
            b.append("\n\nRun '").append(cmd.commandPath()).append(" COMMAND --help' for more information on a command.");
        }
        return b.append('\n').toString();
    }

    private static String rpad(String s, int n) {
        return s.length() >= n ? s : s + " ".repeat(n - s.length());
    }

    /** pflag FlagSet.FlagUsagesWrapped(cols). */
    static String flagUsages(List<FlagSpec> flags, int cols) {
        List<String> lines = new ArrayList<>();
        int maxlen = 0;
        for (FlagSpec f : flags) {
            if (f.hidden()) {
                continue;
            }
            String line = f.shorthand() != null ? "  -" + f.shorthand() + ", --" + f.name() : "      --" + f.name();
            String usage = f.usage();
            String varname = f.helpTypeName();
            int bq = usage.indexOf('`');
            if (bq >= 0 && usage.indexOf('`', bq + 1) > bq) {
                int end = usage.indexOf('`', bq + 1);
                varname = usage.substring(bq + 1, end);
                usage = usage.substring(0, bq) + varname + usage.substring(end + 1);
            }
            if (!varname.isEmpty()) {
                line += " " + varname;
            }
            line += "\0";
            maxlen = Math.max(maxlen, line.length());
            line += usage;
            if (!defaultIsZero(f)) {
                line += f.type() == FlagType.STRING ? " (default " + GoText.quote(f.defaultValue()) + ")"
                        : " (default " + f.defaultValue() + ")";
            }
            lines.add(line);
        }
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            int sidx = line.indexOf('\0');
            b.append(line, 0, sidx).append(' ').append(" ".repeat(maxlen - sidx)).append(' ')
                    .append(wrap(maxlen + 2, cols, line.substring(sidx + 1))).append('\n');
        }
        return b.toString();
    }

    private static boolean defaultIsZero(FlagSpec f) {
        String d = f.defaultValue();
        return switch (f.type()) {
            case BOOL -> d.equals("false");
            case DURATION -> d.equals("0") || d.equals("0s") || d.isEmpty();
            case INT, UINT, UINT16 -> d.equals("0");
            case STRING -> d.isEmpty();
            default -> d.isEmpty() || d.equals("0") || d.equals("false") || d.equals("<nil>");
        };
    }

    /** pflag's wrap: indent i, width w; the first line is indented by the caller. */
    static String wrap(int i, int w, String s) {
        if (w == 0) {
            return s.replace("\n", "\n" + " ".repeat(i));
        }
        int wrap = w - i;
        StringBuilder r = new StringBuilder();
        if (wrap < 24) {
            i = 16;
            wrap = w - i;
            r.append('\n').append(" ".repeat(i));
        }
        if (wrap < 24) {
            return s.replace("\n", r.toString());
        }
        int slop = 5;
        wrap -= slop;
        String[] ls = wrapN(wrap, slop, s);
        r.append(ls[0].replace("\n", "\n" + " ".repeat(i)));
        s = ls[1];
        while (!s.isEmpty()) {
            ls = wrapN(wrap, slop, s);
            r.append('\n').append(" ".repeat(i)).append(ls[0].replace("\n", "\n" + " ".repeat(i)));
            s = ls[1];
        }
        return r.toString();
    }

    private static String[] wrapN(int i, int slop, String s) {
        if (i + slop > s.length()) {
            return new String[] {s, ""};
        }
        String head = s.substring(0, i);
        int w = Math.max(Math.max(head.lastIndexOf(' '), head.lastIndexOf('\t')), head.lastIndexOf('\n'));
        if (w <= 0) {
            return new String[] {s, ""};
        }
        int nl = head.lastIndexOf('\n');
        if (nl > 0 && nl < w) {
            return new String[] {s.substring(0, nl), s.substring(nl + 1)};
        }
        return new String[] {s.substring(0, w), s.substring(w + 1)};
    }
}
