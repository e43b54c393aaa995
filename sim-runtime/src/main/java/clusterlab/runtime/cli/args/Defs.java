package clusterlab.runtime.cli.args;

import static clusterlab.runtime.cli.args.FlagSpec.bool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders the command-table classes share. */
final class Defs {
    private Defs() {
    }

    static CommandSpec cmd(String canonical, String use, String shortText, ArgsRule args, FlagSpec... flags) {
        return new CommandSpec(use, List.of(), shortText, args, Arrays.asList(flags), true, path(canonical));
    }

    static CommandSpec cmd(String canonical, String use, List<String> aliases, String shortText, ArgsRule args,
                           boolean interspersed, List<FlagSpec> flags) {
        return new CommandSpec(use, aliases, shortText, args, flags, interspersed, path(canonical));
    }

    static CommandSpec group(String name, String shortText, CommandSpec... children) {
        CommandSpec g = new CommandSpec(name, List.of(), shortText, ArgsRule.NO_ARGS, List.of(), true, List.of(name));
        for (CommandSpec c : children) {
            g.add(c);
        }
        return g;
    }

    static List<String> path(String canonical) {
        return List.of(canonical.split(" "));
    }

    static List<FlagSpec> concat(List<FlagSpec> a, FlagSpec... b) {
        List<FlagSpec> all = new ArrayList<>(a);
        all.addAll(Arrays.asList(b));
        return all;
    }

    static FlagSpec filter(String usage) {
        return FlagSpec.of("filter", "f", FlagType.FILTER, "", usage);
    }

    static FlagSpec format(String shorthand, String usage) {
        return FlagSpec.string("format", shorthand, "", usage);
    }

    static FlagSpec quiet(String usage) {
        return bool("quiet", "q", usage);
    }

    static FlagSpec force(String usage) {
        return bool("force", "f", usage);
    }
}
