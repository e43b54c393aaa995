package clusterlab.kernel.programs;

import clusterlab.kernel.programs.BuiltinPrograms.Entry;
import java.util.List;

/** Catalog of coreutils, procps and the other command-line tools (ps, top, ls, cat, curl...). */
final class ToolPrograms {
    static final List<Entry> ENTRIES = List.of();

    private ToolPrograms() {}
}
