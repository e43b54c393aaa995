package clusterlab.runtime.cli.args;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * spf13/pflag's FlagSet.Parse over one command's flags, with its exact error texts.
 * Short-flag clusters are walked byte by byte over UTF-8, as Go does, so "-é" reports
 * the byte 0xC3 as 'Ã' just like the real client.
 */
final class FlagParser {

    /** A pflag error; the text is what pflag returns, before docker's "See ..." suffix. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    static final String HELP_SHORTHAND_WARNING = "Flag shorthand -h has been deprecated, please use --help";
    // The persistent help flag docker puts on its root command (hidden, -h deprecated).
    private static final FlagSpec HELP = FlagSpec.bool("help", "h", "Print usage").hide();

    private final CommandSpec cmd;
    private final FlagValues values;
    private final boolean interspersed;
    final List<String> positional = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    boolean help;

    FlagParser(CommandSpec cmd, FlagValues values, boolean interspersed) {
        this.cmd = cmd;
        this.values = values;
        this.interspersed = interspersed;
    }

    void parse(List<String> argv) throws Failure {
        int i = 0;
        int n = argv.size();
        while (i < n) {
            String s = argv.get(i++);
            if (s.length() < 2 || s.charAt(0) != '-') {
                positional.add(s);
                if (!interspersed) {
                    positional.addAll(argv.subList(i, n));
                    return;
                }
                continue;
            }
            if (s.charAt(1) == '-') {
                if (s.length() == 2) { // "--" ends the flags
                    positional.addAll(argv.subList(i, n));
                    return;
                }
                i = parseLong(s, argv, i);
            } else {
                i = parseShortCluster(s, argv, i);
            }
        }
    }

    private int parseLong(String s, List<String> argv, int next) throws Failure {
        String name = s.substring(2);
        if (name.charAt(0) == '-' || name.charAt(0) == '=') {
            throw new Failure("bad flag syntax: " + s);
        }
        int eq = name.indexOf('=');
        String value = eq >= 0 ? name.substring(eq + 1) : null;
        name = eq >= 0 ? name.substring(0, eq) : name;
        FlagSpec f = lookupLong(name);
        if (f == null) {
            throw new Failure("unknown flag: --" + name);
        }
        if (value == null) {
            if (f.valueOptional()) {
                value = "true";
            } else if (next < argv.size()) {
                value = argv.get(next++);
            } else {
                throw new Failure("flag needs an argument: " + s);
            }
        }
        set(f, value);
        return next;
    }

    private int parseShortCluster(String s, List<String> argv, int next) throws Failure {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int pos = 1;
        while (pos < b.length) {
            int c = b[pos] & 0xff;
            String rest = new String(Arrays.copyOfRange(b, pos, b.length), StandardCharsets.UTF_8);
            FlagSpec f = lookupShort(c);
            if (f == null) {
                throw new Failure("unknown shorthand flag: " + GoText.quoteRune(c) + " in -" + rest);
            }
            String value;
            if (b.length - pos > 2 && b[pos + 1] == '=') {
                value = new String(b, pos + 2, b.length - pos - 2, StandardCharsets.UTF_8);
                pos = b.length;
            } else if (f.valueOptional()) {
                value = "true";
                pos++;
            } else if (b.length - pos > 1) {
                value = new String(b, pos + 1, b.length - pos - 1, StandardCharsets.UTF_8);
                pos = b.length;
            } else if (next < argv.size()) {
                value = argv.get(next++);
                pos++;
            } else {
                throw new Failure("flag needs an argument: " + GoText.quoteRune(c) + " in -" + rest);
            }
            if (f == HELP) {
                warnings.add(HELP_SHORTHAND_WARNING);
            }
            set(f, value);
        }
        return next;
    }

    private void set(FlagSpec f, String value) throws Failure {
        try {
            if (f == HELP) {
                help = GoValues.parseBool(value);
            } else {
                values.set(f, value);
            }
        } catch (IllegalArgumentException e) {
            throw new Failure("invalid argument " + GoText.quote(value) + " for " + GoText.quote(f.errorName())
                    + " flag: " + e.getMessage());
        }
        if (f.deprecated() != null) {
            warnings.add("Flag --" + f.name() + " has been deprecated, " + f.deprecated());
        }
    }

    private FlagSpec lookupLong(String name) {
        FlagSpec f = cmd.flag(name);
        return f != null ? f : name.equals("help") ? HELP : null;
    }

    private FlagSpec lookupShort(int c) {
        if (c >= 0x80) {
            return null;
        }
        FlagSpec f = cmd.shorthand((char) c);
        return f != null ? f : c == 'h' ? HELP : null;
    }

    /** cobra's hasNoOptDefVal / shortHasNoOptDefVal, used while walking to a subcommand. */
    static boolean takesNoValue(CommandSpec cmd, String longName) {
        FlagSpec f = cmd.flag(longName);
        if (f == null) {
            return longName.equals("help");
        }
        return f.valueOptional();
    }

    static boolean shortTakesNoValue(CommandSpec cmd, char c) {
        FlagSpec f = cmd.shorthand(c);
        if (f == null) {
            return c == 'h';
        }
        return f.valueOptional();
    }
}
