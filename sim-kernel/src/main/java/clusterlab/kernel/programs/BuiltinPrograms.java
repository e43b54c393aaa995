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
    /** One executable: its registry name, the paths it is installed at, and how to make one. */
    public record Entry(String name, List<String> paths, Supplier<Program> factory) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("init", List.of("/sbin/init"), Init::new),
            new Entry("echo", List.of("/bin/echo"), Echo::new));

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
