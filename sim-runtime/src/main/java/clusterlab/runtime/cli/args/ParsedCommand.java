package clusterlab.runtime.cli.args;

import java.util.List;
import java.util.Map;

/**
 * What a docker command line means. {@link Kind#RUN}: execute {@link #command()} with its
 * flags and positional args. {@link Kind#HELP}: print {@link #output()} (to stderr when
 * {@link #outputToStderr()}, as bare {@code docker} and {@code docker container} do) and exit 0.
 * {@link Kind#VERSION}: {@code docker -v}; print "Docker version X, build Y" and exit 0.
 * {@link #warnings()} are pflag's deprecation notices, printed to stderr first.
 */
public record ParsedCommand(Kind kind, CommandSpec command, FlagValues flags, FlagValues globals,
                            List<String> args, List<String> warnings, String output, boolean outputToStderr) {

    public enum Kind { RUN, HELP, VERSION }

    public ParsedCommand {
        args = List.copyOf(args);
        warnings = List.copyOf(warnings);
    }

    /** The operation, e.g. ["container","ls"] for docker ps. */
    public List<String> path() {
        return command.canonicalPath();
    }

    public boolean bool(String name) { return flags.bool(name); }
    public String string(String name) { return flags.string(name); }
    public List<String> strings(String name) { return flags.strings(name); }
    public Map<String, String> map(String name) { return flags.map(name); }
    public long integer(String name) { return flags.integer(name); }
    public long durationNanos(String name) { return flags.durationNanos(name); }
    public long bytes(String name) { return flags.bytes(name); }
    public long nanoCpus(String name) { return flags.nanoCpus(name); }
    public boolean changed(String name) { return flags.changed(name); }
}
