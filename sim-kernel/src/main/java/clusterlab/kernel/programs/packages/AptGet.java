package clusterlab.kernel.programs.packages;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Debian/Ubuntu's {@code apt-get update} and {@code apt-get install [-y] PKG...} for a handful of
 * packages. As on a fresh image, nothing can be installed before {@code apt-get update} has
 * fetched the package lists ("E: Unable to locate package curl").
 */
public final class AptGet implements Program {
    private static final String LISTS = "/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_bionic_InRelease";
    private static final String STATUS = "/var/lib/dpkg/status";
    private static final long BYTES_PER_SECOND = 2L << 20;
    static final Map<String, DistroPackage> CATALOG = new LinkedHashMap<>();

    static {
        add(DistroPackage.of("ca-certificates", "20180409", 147, 408, List.of()));
        add(DistroPackage.of("libcurl4", "7.58.0-2ubuntu3.7", 214, 632, List.of("ca-certificates")));
        add(DistroPackage.of("curl", "7.58.0-2ubuntu3.7", 159, 386, List.of("libcurl4"), "curl", "/usr/bin/curl"));
        add(DistroPackage.of("procps", "2:3.3.12-3ubuntu1.1", 225, 712, List.of(), "ps", "/bin/ps", "top",
                "/usr/bin/top", "free", "/usr/bin/free"));
        add(DistroPackage.of("nginx-core", "1.14.0-0ubuntu1.2", 413, 1211, List.of(), "nginx", "/usr/sbin/nginx"));
        add(DistroPackage.of("nginx", "1.14.0-0ubuntu1.2", 3, 44, List.of("nginx-core")));
        add(DistroPackage.of("python3", "3.6.7-1~18.04", 47, 189, List.of(), "python", "/usr/bin/python3"));
        add(DistroPackage.of("python3-pip", "9.0.1-2.3~ubuntu1", 114, 620, List.of("python3"), "pip",
                "/usr/bin/pip3"));
        add(DistroPackage.of("git", "1:2.17.1-1ubuntu0.4", 3915, 28340, List.of("ca-certificates")));
        add(DistroPackage.of("vim", "2:8.0.1453-1ubuntu1", 1152, 2900, List.of()));
        add(DistroPackage.of("stress", "1.0.4-2", 18, 53, List.of(), "stress", "/usr/bin/stress"));
    }

    private static void add(DistroPackage p) {
        CATALOG.put(p.name(), p);
    }

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(12L << 20);
        List<String> args = ctx.args();
        List<String> words = new ArrayList<>();
        boolean yes = false;
        for (String a : args) {
            if (a.equals("-y") || a.equals("--yes") || a.equals("-qq") || a.equals("-q")) {
                yes = yes || a.startsWith("-y") || a.equals("--yes");
            } else if (!a.startsWith("-")) {
                words.add(a);
            }
        }
        if (words.isEmpty()) {
            ctx.println("apt 1.6.11 (amd64)\nUsage: apt-get [options] command");
            ctx.exit(0);
            return;
        }
        switch (words.get(0)) {
            case "update" -> update(ctx);
            case "install" -> install(ctx, words.subList(1, words.size()), yes);
            case "clean", "autoremove", "upgrade" -> {
                ctx.println("Reading package lists...");
                ctx.exit(0);
            }
            default -> {
                ctx.eprintln("E: Invalid operation " + words.get(0));
                ctx.exit(100);
            }
        }
    }

    private static void update(ProcessContext ctx) {
        String[] lines = {
            "Get:1 http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]",
            "Get:2 http://security.ubuntu.com/ubuntu bionic-security InRelease [88.7 kB]",
            "Get:3 http://archive.ubuntu.com/ubuntu bionic-updates InRelease [88.7 kB]",
            "Get:4 http://archive.ubuntu.com/ubuntu bionic/main amd64 Packages [1344 kB]",
            "Get:5 http://archive.ubuntu.com/ubuntu bionic/universe amd64 Packages [11.3 MB]"};
        step(ctx, lines, 0, () -> {
            ctx.println("Fetched 13.1 MB in 6s (2180 kB/s)");
            ctx.println("Reading package lists...");
            ctx.fs().mkdirs("/var/lib/apt/lists");
            ctx.fs().writeString(LISTS, "Origin: Ubuntu\nSuite: bionic\n");
            ctx.exit(0);
        });
    }

    private static void step(ProcessContext ctx, String[] lines, int i, Runnable then) {
        if (i == lines.length) {
            then.run();
            return;
        }
        ctx.println(lines[i]);
        ctx.schedule(1200 * Time.MILLISECOND, () -> step(ctx, lines, i + 1, then));
    }

    private static void install(ProcessContext ctx, List<String> wanted, boolean yes) {
        ctx.println("Reading package lists...");
        ctx.println("Building dependency tree...");
        ctx.println("Reading state information...");
        boolean haveLists = ctx.fs().exists(LISTS);
        for (String w : wanted) {
            if (!haveLists || !CATALOG.containsKey(w)) {
                ctx.eprintln("E: Unable to locate package " + w);
                ctx.exit(100);
                return;
            }
        }
        Set<String> installed = installed(ctx);
        List<DistroPackage> plan = PackageInstaller.plan(CATALOG, wanted, installed);
        if (plan.isEmpty()) {
            for (String w : wanted) {
                ctx.println(w + " is already the newest version (" + CATALOG.get(w).version() + ").");
            }
            ctx.println("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
            ctx.exit(0);
            return;
        }
        List<String> extra = new ArrayList<>();
        for (DistroPackage p : plan) {
            if (!wanted.contains(p.name())) {
                extra.add(p.name());
            }
        }
        if (!extra.isEmpty()) {
            ctx.println("The following additional packages will be installed:");
            ctx.println("  " + String.join(" ", extra));
        }
        ctx.println("The following NEW packages will be installed:");
        ctx.println("  " + String.join(" ", plan.stream().map(DistroPackage::name).toList()));
        long download = 0;
        long disk = 0;
        for (DistroPackage p : plan) {
            download += p.downloadBytes();
            disk += p.installedBytes();
        }
        ctx.println("0 upgraded, " + plan.size() + " newly installed, 0 to remove and 0 not upgraded.");
        ctx.println("Need to get " + kb(download) + " of archives.");
        ctx.println("After this operation, " + kb(disk) + " of additional disk space will be used.");
        if (!yes) {
            ctx.println("Do you want to continue? [Y/n] Abort.");
            ctx.exit(1);
            return;
        }
        long downloadNanos = download * Time.SECOND / BYTES_PER_SECOND;
        for (int i = 0; i < plan.size(); i++) {
            DistroPackage p = plan.get(i);
            ctx.println("Get:" + (i + 1) + " http://archive.ubuntu.com/ubuntu bionic/main amd64 " + p.name() + " amd64 "
                    + p.version() + " [" + kb(p.downloadBytes()) + "]");
        }
        long total = download;
        ctx.schedule(downloadNanos, () -> {
            long seconds = Math.max(1, downloadNanos / Time.SECOND);
            ctx.println("Fetched " + kb(total) + " in " + seconds + "s (" + kb(total / seconds) + "/s)");
            ctx.println("debconf: delaying package configuration, since apt-utils is not installed");
            unpack(ctx, plan, 0);
        });
    }

    private static void unpack(ProcessContext ctx, List<DistroPackage> plan, int i) {
        if (i == plan.size()) {
            ctx.exit(0);
            return;
        }
        DistroPackage p = plan.get(i);
        ctx.println("Selecting previously unselected package " + p.name() + ".");
        if (i == 0) {
            ctx.println("(Reading database ... 4046 files and directories currently installed.)");
        }
        ctx.println("Preparing to unpack .../" + p.name() + "_" + p.version().replace(":", "%3a") + "_amd64.deb ...");
        ctx.println("Unpacking " + p.name() + " (" + p.version() + ") ...");
        ctx.compute(30 * Time.MILLISECOND + p.installedBytes() / 1000, () -> {
            PackageInstaller.unpack(ctx.fs(), p, "/usr/share/apt-data");
            ctx.fs().mkdirs("/var/lib/dpkg");
            ctx.fs().appendString(STATUS, "Package: " + p.name() + "\nStatus: install ok installed\nVersion: "
                    + p.version() + "\n\n");
            ctx.println("Setting up " + p.name() + " (" + p.version() + ") ...");
            unpack(ctx, plan, i + 1);
        });
    }

    private static String kb(long bytes) {
        long kb = Math.max(1, (bytes + 999) / 1000);
        return kb >= 1000 ? String.format(Locale.ROOT, "%.1f MB", kb / 1000.0) : kb + " kB";
    }

    private static Set<String> installed(ProcessContext ctx) {
        Set<String> names = new TreeSet<>();
        try {
            for (String line : ctx.fs().readString(STATUS).split("\n", 100_000)) {
                if (line.startsWith("Package: ")) {
                    names.add(line.substring(9));
                }
            }
        } catch (FsException none) {
            // nothing installed by apt-get yet
        }
        return names;
    }
}
