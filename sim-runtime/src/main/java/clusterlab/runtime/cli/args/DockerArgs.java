package clusterlab.runtime.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses what follows {@code docker} on a command line the way docker/cli 19.03 does:
 * global options, cobra's walk down the command tree (TraverseChildren), then the leaf
 * command's pflag parse, help and version handling, and the positional-argument checks.
 */
public final class DockerArgs {
    private static final int FLAG_ERROR_STATUS = 125;
    private static final int ERROR_STATUS = 1;

    private final CommandSpec root;
    private final int width;

    public DockerArgs() {
        this(CommandTable.root(), HelpFormatter.DEFAULT_WIDTH);
    }

    /** @param width the terminal's columns (help wraps flag text at width - 1) */
    public DockerArgs(CommandSpec root, int width) {
        this.root = root;
        this.width = width;
    }

    public CommandSpec root() {
        return root;
    }

    public ParsedCommand parse(List<String> argv) throws ParseException {
        CommandSpec cur = root;
        FlagValues globals = new FlagValues(root);
        List<String> warnings = new ArrayList<>();
        boolean help = false;
        List<String> rest = argv;
        while (cur.hasSubCommands()) {
            int sub = findSubcommand(cur, rest);
            if (sub < 0) {
                break;
            }
            FlagParser p = new FlagParser(cur, cur == root ? globals : new FlagValues(cur), true);
            try {
                p.parse(rest.subList(0, sub));
            } catch (FlagParser.Failure e) {
                throw flagError(cur, e);
            }
            warnings.addAll(p.warnings);
            // help is one persistent flag shared by the whole tree: "docker --help run" helps run.
            help |= p.help;
            cur = cur.child(rest.get(sub));
            rest = rest.subList(sub + 1, rest.size());
        }
        if (cur.name().equals("help") && cur.parent() == root) {
            return helpTopic(cur, globals, rest, warnings);
        }
        FlagValues values = cur == root ? globals : new FlagValues(cur);
        // The root stops at its first positional (HandleGlobalFlags sets !interspersed).
        FlagParser p = new FlagParser(cur, values, cur != root && cur.interspersed());
        try {
            p.parse(rest);
        } catch (FlagParser.Failure e) {
            throw flagError(cur, e);
        }
        warnings.addAll(p.warnings);
        if (help || p.help) {
            return new ParsedCommand(ParsedCommand.Kind.HELP, cur, values, globals, p.positional, warnings,
                    HelpFormatter.help(cur, width), false);
        }
        if (cur == root && values.bool("version")) {
            return new ParsedCommand(ParsedCommand.Kind.VERSION, cur, values, globals, p.positional, warnings, "", false);
        }
        if (cur.hasSubCommands()) {
            if (!p.positional.isEmpty()) {
                if (cur == root) {
                    throw new ParseException("docker: '" + p.positional.get(0)
                            + "' is not a docker command.\nSee 'docker --help'", ERROR_STATUS);
                }
                throw new ParseException("\n" + HelpFormatter.usage(cur, width).stripTrailing(), ERROR_STATUS);
            }
            // command.ShowHelp: a bare management command prints its help to stderr, status 0.
            return new ParsedCommand(ParsedCommand.Kind.HELP, cur, values, globals, p.positional, warnings,
                    HelpFormatter.help(cur, width), true);
        }
        String error = cur.argsRule().check(cur, p.positional);
        if (error != null) {
            throw new ParseException(error, ERROR_STATUS);
        }
        return new ParsedCommand(ParsedCommand.Kind.RUN, cur, values, globals, p.positional, warnings, "", false);
    }

    /** cobra's Command.Traverse: the index of the next subcommand name, or -1. */
    private static int findSubcommand(CommandSpec cmd, List<String> args) {
        boolean inFlag = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && !a.contains("=")) {
                inFlag = !FlagParser.takesNoValue(cmd, a.substring(2));
                continue;
            }
            if (a.startsWith("-") && !a.contains("=") && a.length() == 2
                    && !FlagParser.shortTakesNoValue(cmd, a.charAt(1))) {
                inFlag = true;
                continue;
            }
            if (inFlag) {
                inFlag = false;
                continue;
            }
            if (a.startsWith("-") && a.length() > 1) {
                continue;
            }
            return cmd.child(a) != null ? i : -1;
        }
        return -1;
    }

    /** cobra's help command: "docker help container ls". */
    private ParsedCommand helpTopic(CommandSpec helpCmd, FlagValues globals, List<String> rest,
                                   List<String> warnings) throws ParseException {
        FlagParser p = new FlagParser(helpCmd, new FlagValues(helpCmd), true);
        try {
            p.parse(rest);
        } catch (FlagParser.Failure e) {
            throw flagError(helpCmd, e);
        }
        warnings.addAll(p.warnings);
        CommandSpec topic = root;
        int i = 0;
        while (i < p.positional.size() && topic.child(p.positional.get(i)) != null) {
            topic = topic.child(p.positional.get(i++));
        }
        if (i < p.positional.size()) {
            throw new ParseException("unknown help topic: "
                    + String.join(" ", p.positional.subList(i, p.positional.size())), ERROR_STATUS);
        }
        return new ParsedCommand(ParsedCommand.Kind.HELP, topic, new FlagValues(topic), globals, List.of(), warnings,
                HelpFormatter.help(topic, width), false);
    }

    private ParseException flagError(CommandSpec cmd, FlagParser.Failure e) {
        String usage = cmd.hasSubCommands() ? "\n\n" + HelpFormatter.usage(cmd, width) : "";
        return new ParseException(e.getMessage() + "\nSee '" + cmd.commandPath() + " --help'." + usage,
                FLAG_ERROR_STATUS);
    }
}
