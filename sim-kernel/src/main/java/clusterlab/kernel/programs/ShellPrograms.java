package clusterlab.kernel.programs;

import clusterlab.kernel.programs.BuiltinPrograms.Entry;
import clusterlab.kernel.programs.shell.Shell;
import java.util.List;

/** Catalog of the shells: sh (dash's behaviour and messages) and bash. */
final class ShellPrograms {
    static final List<Entry> ENTRIES = List.of(
            Entry.tool("sh", Shell::new, "/bin/sh"),
            Entry.tool("bash", Shell::new, "/bin/bash"));

    private ShellPrograms() {}
}
