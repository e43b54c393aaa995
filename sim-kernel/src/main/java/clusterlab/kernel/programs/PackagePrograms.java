package clusterlab.kernel.programs;

import clusterlab.kernel.programs.BuiltinPrograms.Entry;
import clusterlab.kernel.programs.packages.Apk;
import clusterlab.kernel.programs.packages.AptGet;
import java.util.List;

/** Catalog of the distributions' package managers, present only in the images that have them. */
final class PackagePrograms {
    static final List<Entry> ENTRIES = List.of(
            Entry.server("apk", Apk::new, "/sbin/apk"),
            Entry.server("apt-get", AptGet::new, "/usr/bin/apt-get"));

    private PackagePrograms() {}
}
