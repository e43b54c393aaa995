package clusterlab.kernel.programs;

import clusterlab.kernel.programs.BuiltinPrograms.Entry;
import java.util.List;

/** Catalog of the servers of the lessons: nginx, mongod, python running Flask. */
final class ServerPrograms {
    static final List<Entry> ENTRIES = List.of();

    private ServerPrograms() {}
}
