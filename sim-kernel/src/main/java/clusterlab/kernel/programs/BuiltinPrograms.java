package clusterlab.kernel.programs;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProgramRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every simulated executable clusterlab ships, with the paths where images put it. An image
 * (a host's disk, a container image) installs the subset it has; a program runs only where its
 * file exists.
 */
public final class BuiltinPrograms {
    /**
     * One executable: its registry name, the paths it is installed at, how to make one, and whether
     * every host has it (servers such as nginx come only with their images).
     */
    public record Entry(String name, List<String> paths, Supplier<Program> factory, boolean onHosts) {
        public static Entry tool(String name, Supplier<Program> factory, String... paths) {
            return new Entry(name, List.of(paths), factory, true);
        }

        public static Entry server(String name, Supplier<Program> factory, String... paths) {
            return new Entry(name, List.of(paths), factory, false);
        }
    }

    private static final List<Entry> CORE = List.of(
            Entry.tool("init", Init::new, "/sbin/init"),
            Entry.tool("echo", Echo::new, "/bin/echo"));

    private static final List<Entry> ENTRIES = concat(CORE, ShellPrograms.ENTRIES, ToolPrograms.ENTRIES,
            ServerPrograms.ENTRIES, PackagePrograms.ENTRIES);

    @SafeVarargs
    private static List<Entry> concat(List<Entry>... lists) {
        java.util.List<Entry> all = new java.util.ArrayList<>();
        for (List<Entry> l : lists) {
            all.addAll(l);
        }
        return List.copyOf(all);
    }

    /** The names of the programs every host has on its disk. */
    public static List<String> hostPrograms() {
        return ENTRIES.stream().filter(Entry::onHosts).map(Entry::name).toList();
    }

    private BuiltinPrograms() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Entry entry(String name) {
        for (Entry e : ENTRIES) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no built-in program " + name);
    }

    /** A registry knowing every built-in program. */
    public static ProgramRegistry registry() {
        ProgramRegistry r = new ProgramRegistry();
        for (Entry e : ENTRIES) {
            r.register(e.name(), e.factory());
        }
        return r;
    }
}
