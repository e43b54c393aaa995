package clusterlab.kernel.programs.packages;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Alpine's {@code apk add [--no-cache] PKG...} (and {@code apk update}) for a handful of
 * packages, with apk's own lines; what it installs is recorded in /lib/apk/db/installed.
 */
public final class Apk implements Program {
    private static final String DB = "/lib/apk/db/installed";
    private static final long INDEX_FETCH_NANOS = 400 * Time.MILLISECOND;
    private static final long BYTES_PER_SECOND = 4L << 20;
    static final Map<String, DistroPackage> CATALOG = new LinkedHashMap<>();

    static {
        add(DistroPackage.of("ca-certificates", "20161130-r0", 375, 632, List.of()));
        add(DistroPackage.of("libcurl", "7.61.1-r1", 202, 396, List.of("ca-certificates")));
        add(DistroPackage.of("curl", "7.61.1-r1", 125, 240, List.of("libcurl"), "curl", "/usr/bin/curl"));
        add(DistroPackage.of("ncurses-libs", "6.1_p20180818-r1", 160, 344, List.of()));
        add(DistroPackage.of("readline", "7.0.003-r0", 95, 208, List.of("ncurses-libs")));
        add(DistroPackage.of("bash", "4.4.19-r1", 485, 1168, List.of("readline"), "bash", "/bin/bash"));
        add(DistroPackage.of("procps", "3.3.15-r0", 190, 452, List.of("ncurses-libs"), "ps", "/bin/ps", "top",
                "/usr/bin/top", "free", "/usr/bin/free"));
        add(DistroPackage.of("nginx", "1.14.2-r0", 360, 1064, List.of(), "nginx", "/usr/sbin/nginx"));
        add(DistroPackage.of("python3", "3.6.8-r1", 12240, 59420, List.of("ca-certificates"), "python",
                "/usr/bin/python3", "pip", "/usr/bin/pip3"));
        add(DistroPackage.of("git", "2.18.1-r0", 3352, 9180, List.of("ca-certificates")));
        add(DistroPackage.of("vim", "8.1.0630-r0", 1012, 2896, List.of("ncurses-libs")));
    }

    private static void add(DistroPackage p) {
        CATALOG.put(p.name(), p);
    }

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(3L << 20);
        List<String> args = ctx.args();
        if (args.isEmpty()) {
            ctx.eprintln("apk-tools 2.10.1, compiled for x86_64.\n\nusage: apk COMMAND [-h|--help] [-p|--root DIR] ...");
            ctx.exit(1);
            return;
        }
        switch (args.get(0)) {
            case "update" -> fetchIndexes(ctx, () -> {
                ctx.println("v3.9.2-4-g1b3b4b8f6e [http://dl-cdn.alpinelinux.org/alpine/v3.9/main]");
                ctx.println("v3.9.2-3-gb9a0e2c1ad [http://dl-cdn.alpinelinux.org/alpine/v3.9/community]");
                ctx.println("OK: 9766 distinct packages available");
                ctx.exit(0);
            });
            case "add" -> add(ctx, args.subList(1, args.size()));
            default -> {
                ctx.eprintln("apk: unknown command '" + args.get(0) + "'");
                ctx.exit(1);
            }
        }
    }

    private static void fetchIndexes(ProcessContext ctx, Runnable then) {
        ctx.println("fetch http://dl-cdn.alpinelinux.org/alpine/v3.9/main/x86_64/APKINDEX.tar.gz");
        ctx.schedule(INDEX_FETCH_NANOS, () -> {
            ctx.println("fetch http://dl-cdn.alpinelinux.org/alpine/v3.9/community/x86_64/APKINDEX.tar.gz");
            ctx.schedule(INDEX_FETCH_NANOS, then);
        });
    }

    private void add(ProcessContext ctx, List<String> args) {
        List<String> wanted = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("-")) {
                wanted.add(a);
            }
        }
        fetchIndexes(ctx, () -> {
            List<String> missing = new ArrayList<>();
            for (String w : wanted) {
                if (!CATALOG.containsKey(w)) {
                    missing.add(w);
                }
            }
            if (!missing.isEmpty()) {
                ctx.eprintln("ERROR: unsatisfiable constraints:");
                for (String m : missing) {
                    ctx.eprintln("  " + m + " (missing):");
                    ctx.eprintln("    required by: world[" + m + "]");
                }
                ctx.exit(missing.size());
                return;
            }
            Set<String> installed = installed(ctx);
            List<DistroPackage> plan = PackageInstaller.plan(CATALOG, wanted, installed);
            long bytes = 0;
            for (DistroPackage p : plan) {
                bytes += p.downloadBytes();
            }
            ctx.schedule(bytes * Time.SECOND / BYTES_PER_SECOND, () -> install(ctx, plan, installed, 0));
        });
    }

    private void install(ProcessContext ctx, List<DistroPackage> plan, Set<String> installed, int i) {
        if (i == plan.size()) {
            ctx.println("Executing busybox-1.29.3-r10.trigger");
            int count = installed.size() + plan.size() + 13;
            long kb = 5600;
            for (DistroPackage p : plan) {
                kb += p.installedBytes() / 1024;
            }
            ctx.println("OK: " + kb / 1024 + " MiB in " + count + " packages");
            ctx.exit(0);
            return;
        }
        DistroPackage p = plan.get(i);
        ctx.println("(" + (i + 1) + "/" + plan.size() + ") Installing " + p.name() + " (" + p.version() + ")");
        ctx.compute(20 * Time.MILLISECOND + p.installedBytes() / 1000, () -> {
            PackageInstaller.unpack(ctx.fs(), p, "/usr/share/apk-data");
            ctx.fs().mkdirs("/lib/apk/db");
            ctx.fs().appendString(DB, "P:" + p.name() + "\nV:" + p.version() + "\n\n");
            installed.add(p.name());
            install(ctx, plan, installed, i + 1);
        });
    }

    private static Set<String> installed(ProcessContext ctx) {
        Set<String> names = new TreeSet<>();
        try {
            for (String line : ctx.fs().readString(DB).split("\n", 100_000)) {
                if (line.startsWith("P:")) {
                    names.add(line.substring(2));
                }
            }
        } catch (FsException none) {
            // a fresh image: nothing installed by apk yet
        }
        return names;
    }
}
