package clusterlab.kernel.programs.packages;

import java.util.List;

/**
 * A package a distribution's package manager can install: its version, download and installed
 * sizes, its dependencies, and the executables it provides (as built-in programs at paths).
 *
 * @param programs pairs of {program name, install path}
 */
record DistroPackage(String name, String version, long downloadBytes, long installedBytes, List<String> depends,
        List<String[]> programs) {

    static DistroPackage of(String name, String version, long downloadKb, long installedKb, List<String> depends,
            String... programAndPath) {
        List<String[]> progs = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < programAndPath.length; i += 2) {
            progs.add(new String[] {programAndPath[i], programAndPath[i + 1]});
        }
        return new DistroPackage(name, version, downloadKb * 1024, installedKb * 1024, depends, List.copyOf(progs));
    }
}
