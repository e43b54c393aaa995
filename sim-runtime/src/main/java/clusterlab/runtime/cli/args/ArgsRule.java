package clusterlab.runtime.cli.args;

import java.util.List;

/**
 * The positional-argument validators of docker/cli's cli/required.go (19.03 wording:
 * {@code "docker container stop" requires at least 1 argument.} ...). A violation is a plain
 * error, so docker exits with status 1.
 */
public record ArgsRule(Kind kind, int min, int max) {

    public enum Kind { ANY, NO_ARGS, EXACT, MIN, MAX, RANGE }

    public static final ArgsRule ANY = new ArgsRule(Kind.ANY, 0, Integer.MAX_VALUE);
    public static final ArgsRule NO_ARGS = new ArgsRule(Kind.NO_ARGS, 0, 0);

    public static ArgsRule exact(int n) {
        return new ArgsRule(Kind.EXACT, n, n);
    }

    public static ArgsRule atLeast(int n) {
        return new ArgsRule(Kind.MIN, n, Integer.MAX_VALUE);
    }

    public static ArgsRule atMost(int n) {
        return new ArgsRule(Kind.MAX, 0, n);
    }

    public static ArgsRule range(int min, int max) {
        return new ArgsRule(Kind.RANGE, min, max);
    }

    /** Returns docker's error text, or null when the arguments are acceptable. */
    String check(CommandSpec cmd, List<String> args) {
        int n = args.size();
        String path = cmd.commandPath();
        String tail = ".\nSee '" + path + " --help'.\n\nUsage:  " + cmd.useLine() + "\n\n" + cmd.shortDescription();
        return switch (kind) {
            case ANY -> null;
            case NO_ARGS -> {
                if (n == 0) {
                    yield null;
                }
                if (cmd.hasSubCommands()) {
                    yield "\n" + HelpFormatter.usage(cmd, HelpFormatter.DEFAULT_WIDTH).stripTrailing();
                }
                yield "\"" + path + "\" accepts no arguments" + tail;
            }
            case EXACT -> n == min ? null
                    : "\"" + path + "\" requires exactly " + min + " " + plural(min) + tail;
            case MIN -> n >= min ? null
                    : "\"" + path + "\" requires at least " + min + " " + plural(min) + tail;
            case MAX -> n <= max ? null
                    : "\"" + path + "\" requires at most " + max + " " + plural(max) + tail;
            case RANGE -> n >= min && n <= max ? null
                    : "\"" + path + "\" requires at least " + min + " and at most " + max + " " + plural(max) + tail;
        };
    }

    private static String plural(int n) {
        return n == 1 ? "argument" : "arguments";
    }
}
