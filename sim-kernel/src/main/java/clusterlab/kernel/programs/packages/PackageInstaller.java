package clusterlab.kernel.programs.packages;

import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.os.ProgramRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What apk and apt-get share: resolving dependencies in a fixed order, and unpacking a package's
 * files into the filesystem (its executables, and a data file standing for the rest of its size
 * so image layers weigh what they would).
 */
final class PackageInstaller {
    /** Dependency chains are short; a bound keeps a cyclic catalog from looping. */
    private static final int MAX_DEPTH = 16;

    private PackageInstaller() {}

    /** Packages to install for {@code wanted}, dependencies first, without those already installed. */
    static List<DistroPackage> plan(Map<String, DistroPackage> catalog, List<String> wanted, Set<String> installed) {
        LinkedHashSet<String> order = new LinkedHashSet<>();
        for (String w : wanted) {
            visit(catalog, w, installed, order, 0);
        }
        List<DistroPackage> out = new ArrayList<>();
        for (String n : order) {
            out.add(catalog.get(n));
        }
        return out;
    }

    private static void visit(Map<String, DistroPackage> catalog, String name, Set<String> installed,
            LinkedHashSet<String> order, int depth) {
        DistroPackage p = catalog.get(name);
        if (p == null || installed.contains(name) || order.contains(name) || depth > MAX_DEPTH) {
            return;
        }
        for (String d : p.depends()) {
            visit(catalog, d, installed, order, depth + 1);
        }
        order.add(name);
    }

    /** Writes the package's executables and payload into {@code fs}. */
    static void unpack(Filesystem fs, DistroPackage p, String dataDir) {
        long programBytes = 0;
        for (String[] prog : p.programs()) {
            String path = prog[1];
            fs.mkdirs(path.substring(0, path.lastIndexOf('/')));
            byte[] binary = ProgramRegistry.binary(prog[0]);
            fs.writeContent(path, Blob.of(binary));
            fs.chmod(path, 0755);
            programBytes += binary.length;
        }
        long rest = Math.max(0, p.installedBytes() - programBytes);
        fs.mkdirs(dataDir + "/" + p.name());
        // One shared block of zeros per size class: the layer weighs what the package would.
        fs.writeContent(dataDir + "/" + p.name() + "/data", Blob.of(new byte[(int) Math.min(rest, 64L << 20)]));
    }
}
