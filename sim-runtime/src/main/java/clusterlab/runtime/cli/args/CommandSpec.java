package clusterlab.runtime.cli.args;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One node of the cobra command tree. Docker registers some commands twice (the
 * top-level {@code docker stop} and {@code docker container stop} are two cobra commands
 * built by the same constructor), so a node has its own parent and command path while
 * {@link #canonicalPath()} names the operation both share, e.g. ["container","stop"].
 */
public final class CommandSpec {
    private final String name;
    private final List<String> aliases;
    private final String use;
    private final String shortDescription;
    private final ArgsRule args;
    private final List<FlagSpec> flags;
    private final boolean interspersed;
    private final List<String> canonicalPath;
    private final List<CommandSpec> children = new ArrayList<>();
    private CommandSpec parent;

    public CommandSpec(String use, List<String> aliases, String shortDescription, ArgsRule args,
                       List<FlagSpec> flags, boolean interspersed, List<String> canonicalPath) {
        this.use = use;
        int sp = use.indexOf(' ');
        this.name = sp < 0 ? use : use.substring(0, sp);
        this.aliases = List.copyOf(aliases);
        this.shortDescription = shortDescription;
        this.args = args;
        List<FlagSpec> sorted = new ArrayList<>(flags);
        // pflag sorts flags by name for help and lookup order.
        sorted.sort(Comparator.comparing(FlagSpec::name));
        this.flags = List.copyOf(sorted);
        this.interspersed = interspersed;
        this.canonicalPath = List.copyOf(canonicalPath);
    }

    CommandSpec add(CommandSpec child) {
        child.parent = this;
        children.add(child);
        // cobra sorts subcommands by name (EnableCommandSorting).
        children.sort(Comparator.comparing(CommandSpec::name));
        return this;
    }

    public String name() { return name; }
    public List<String> aliases() { return aliases; }
    public String use() { return use; }
    public String shortDescription() { return shortDescription; }
    public ArgsRule argsRule() { return args; }
    public List<FlagSpec> flags() { return flags; }
    /** False for run/create/exec: flag parsing stops at the first positional argument. */
    public boolean interspersed() { return interspersed; }
    public CommandSpec parent() { return parent; }
    public List<CommandSpec> children() { return Collections.unmodifiableList(children); }
    public boolean hasSubCommands() { return !children.isEmpty(); }

    /** The operation this command performs, the same for docker ps and docker container ls. */
    public List<String> canonicalPath() { return canonicalPath; }

    /** cobra's CommandPath: "docker container stop". */
    public String commandPath() {
        return parent == null ? name : parent.commandPath() + " " + name;
    }

    /** cobra's UseLine with DisableFlagsInUseLine (docker sets it on every command). */
    public String useLine() {
        return parent == null ? use : parent.commandPath() + " " + use;
    }

    public CommandSpec child(String nameOrAlias) {
        for (CommandSpec c : children) {
            if (c.name.equals(nameOrAlias) || c.aliases.contains(nameOrAlias)) {
                return c;
            }
        }
        return null;
    }

    public FlagSpec flag(String longName) {
        for (FlagSpec f : flags) {
            if (f.name().equals(longName)) {
                return f;
            }
        }
        return null;
    }

    public FlagSpec shorthand(char c) {
        for (FlagSpec f : flags) {
            if (f.shorthand() != null && f.shorthand() == c) {
                return f;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return commandPath();
    }
}
