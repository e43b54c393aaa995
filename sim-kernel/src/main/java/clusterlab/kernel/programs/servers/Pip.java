package clusterlab.kernel.programs.servers;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code pip} 9.0.1 of the python:3.6.1-alpine image: {@code install NAME... | -r FILE},
 * {@code freeze}, {@code --version}. Packages come from {@link PipCatalog}; a download takes virtual
 * time at {@value #DOWNLOAD_BYTES_PER_SECOND} B/s, installing takes CPU, and the files land in
 * site-packages (so {@code docker diff} and image layers see them).
 */
public final class Pip implements Program {
    static final long DOWNLOAD_BYTES_PER_SECOND = 2_000_000;
    private static final long REQUEST_LATENCY_NANOS = 120 * Time.MILLISECOND;
    private static final long INSTALL_CPU_NANOS = 90 * Time.MILLISECOND;
    private static final long SETUP_PY_CPU_NANOS = 1_400 * Time.MILLISECOND;
    private static final String SITE = PyInterpreter.SITE_PACKAGES;

    private ProcessContext ctx;

    /** A requirement being resolved: the name as the user or the parent wrote it, and who asked. */
    private record Wanted(String requirement, String name, String from, PipCatalog.Dist dist) {}

    @Override
    public void start(ProcessContext ctx) {
        start(ctx, ctx.args());
    }

    void start(ProcessContext ctx, List<String> args) {
        this.ctx = ctx;
        ctx.allocate(20L << 20);
        if (args.isEmpty()) {
            ctx.println("\nUsage:   \n  pip <command> [options]\n");
            ctx.exit(0);
            return;
        }
        switch (args.get(0)) {
            case "--version", "-V" -> {
                ctx.println("pip 9.0.1 from " + SITE + " (python 3.6)");
                ctx.exit(0);
            }
            case "freeze" -> {
                freeze();
                ctx.exit(0);
            }
            case "install" -> install(args.subList(1, args.size()));
            default -> {
                ctx.eprintln("ERROR: unknown command \"" + args.get(0) + "\"");
                ctx.exit(1);
            }
        }
    }

    private void freeze() {
        TreeMap<String, String> lines = new TreeMap<>();
        for (PipCatalog.Dist d : PipCatalog.DISTS) {
            if (ctx.fs().exists(SITE + "/" + d.distInfo())) {
                lines.put(d.project().toLowerCase(Locale.ROOT), d.project() + "==" + d.version());
            }
        }
        for (String line : lines.values()) {
            ctx.println(line);
        }
    }

    private void install(List<String> args) {
        List<String> requested = new ArrayList<>();
        for (int i = 0; i < args.size() && i < 256; i++) {
            String a = args.get(i);
            if (a.equals("-r") || a.equals("--requirement")) {
                if (i + 1 >= args.size()) {
                    ctx.eprintln("\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n\n"
                            + "-r option requires an argument");
                    ctx.exit(2);
                    return;
                }
                String file = args.get(++i);
                try {
                    for (String line : ctx.fs().readString(ctx.resolve(file)).split("\n", 1000)) {
                        String req = line.contains("#") ? line.substring(0, line.indexOf('#')).strip() : line.strip();
                        if (!req.isEmpty()) {
                            requested.add(req);
                        }
                    }
                } catch (FsException e) {
                    ctx.eprintln("Could not open requirements file: [Errno " + e.errno().number() + "] "
                            + e.errno().text() + ": '" + file + "'");
                    ctx.exit(1);
                    return;
                }
            } else if (a.equals("--no-cache-dir") || a.equals("-q") || a.equals("--upgrade") || a.equals("-U")) {
                continue;
            } else if (a.startsWith("-")) {
                ctx.eprintln("\nUsage:   \n  pip install [options] <requirement specifier> [package-index-options] ...\n\n"
                        + "no such option: " + a);
                ctx.exit(2);
                return;
            } else {
                requested.add(a);
            }
        }
        if (requested.isEmpty()) {
            ctx.eprintln("You must give at least one requirement to install (see \"pip help install\")");
            ctx.exit(1);
            return;
        }
        List<Runnable> steps = new ArrayList<>();
        Map<String, Wanted> resolved = new LinkedHashMap<>();
        List<Wanted> queue = new ArrayList<>();
        for (String r : requested) {
            queue.add(new Wanted(r, PipCatalog.nameOf(r), null, PipCatalog.find(PipCatalog.nameOf(r))));
        }
        // Breadth-first as pip 9 walks requirements; bounded by the catalog's size.
        for (int qi = 0; qi < queue.size() && qi < 1000; qi++) {
            Wanted w = queue.get(qi);
            String key = PipCatalog.normalize(w.name());
            if (resolved.containsKey(key)) {
                continue;
            }
            String from = w.from() == null ? "" : " (from " + w.from() + ")";
            if (w.dist() != null && installed(w.dist())) {
                String line = "Requirement already satisfied: " + w.requirement() + " in " + SITE + from;
                steps.add(() -> ctx.println(line));
                resolved.put(key, w);
                continue;
            }
            steps.add(() -> ctx.println("Collecting " + w.requirement() + from));
            PipCatalog.Dist d = w.dist();
            String pinned = w.requirement().contains("==") ? w.requirement().substring(w.requirement().indexOf("==") + 2).strip() : null;
            if (d == null || (pinned != null && !pinned.equals(d.version()))) {
                String versions = d == null ? "" : d.version();
                steps.add(() -> {
                    ctx.println("  Could not find a version that satisfies the requirement " + w.requirement() + from
                            + " (from versions: " + versions + ")");
                    ctx.println("No matching distribution found for " + w.requirement() + from);
                    ctx.exit(1);
                });
                break;
            }
            long downloadNanos = REQUEST_LATENCY_NANOS + d.archiveBytes() * Time.SECOND / DOWNLOAD_BYTES_PER_SECOND;
            String size = d.archiveBytes() > 40_000 ? " (" + (d.archiveBytes() / 1000) + "kB)" : "";
            steps.add(delay(downloadNanos, () -> ctx.println("  Downloading " + d.archive() + size)));
            resolved.put(key, w);
            String parentChain = w.from() == null ? w.requirement() : w.requirement() + "->" + w.from();
            for (String dep : d.requires()) {
                queue.add(new Wanted(dep, PipCatalog.nameOf(dep), parentChain, PipCatalog.find(PipCatalog.nameOf(dep))));
            }
        }
        runSteps(steps, 0, () -> installAll(resolved));
    }

    /** A step that waits; represented as a marker the runner recognizes. */
    private Runnable delay(long nanos, Runnable then) {
        return new Delayed(nanos, then);
    }

    private record Delayed(long nanos, Runnable then) implements Runnable {
        @Override
        public void run() {
            then.run();
        }
    }

    private void runSteps(List<Runnable> steps, int i, Runnable done) {
        if (i >= steps.size()) {
            done.run();
            return;
        }
        Runnable step = steps.get(i);
        if (step instanceof Delayed d) {
            ctx.schedule(d.nanos(), () -> {
                d.run();
                runSteps(steps, i + 1, done);
            });
            return;
        }
        step.run();
        if (ctx.process().isAlive()) {
            runSteps(steps, i + 1, done);
        }
    }

    private boolean installed(PipCatalog.Dist d) {
        return ctx.fs().exists(SITE + "/" + d.distInfo());
    }

    /** Dependencies before dependents, as pip 9 orders the install. */
    private void installAll(Map<String, Wanted> resolved) {
        List<Wanted> order = new ArrayList<>();
        for (Wanted w : resolved.values()) {
            visit(w, resolved, order, 0);
        }
        List<Wanted> toInstall = new ArrayList<>();
        for (Wanted w : order) {
            if (!installed(w.dist())) {
                toInstall.add(w);
            }
        }
        if (toInstall.isEmpty()) {
            finish(List.of());
            return;
        }
        List<String> names = new ArrayList<>();
        for (Wanted w : toInstall) {
            names.add(w.name());
        }
        ctx.println("Installing collected packages: " + String.join(", ", names));
        installNext(toInstall, 0);
    }

    private void visit(Wanted w, Map<String, Wanted> resolved, List<Wanted> order, int depth) {
        if (order.contains(w) || depth > 50) {
            return;
        }
        for (String dep : w.dist().requires()) {
            Wanted d = resolved.get(PipCatalog.normalize(PipCatalog.nameOf(dep)));
            if (d != null) {
                visit(d, resolved, order, depth + 1);
            }
        }
        if (!order.contains(w)) {
            order.add(w);
        }
    }

    private void installNext(List<Wanted> toInstall, int i) {
        if (i >= toInstall.size()) {
            finish(toInstall);
            return;
        }
        Wanted w = toInstall.get(i);
        PipCatalog.Dist d = w.dist();
        if (d.isSdist()) {
            ctx.println("  Running setup.py install for " + w.name() + ": started");
        }
        ctx.compute(d.isSdist() ? SETUP_PY_CPU_NANOS : INSTALL_CPU_NANOS, () -> {
            writeFiles(d);
            if (d.isSdist()) {
                ctx.println("    Running setup.py install for " + w.name() + ": finished with status 'done'");
            }
            installNext(toInstall, i + 1);
        });
    }

    private void writeFiles(PipCatalog.Dist d) {
        try {
            for (PipCatalog.PackageFile f : d.files()) {
                String path = SITE + "/" + f.path();
                ctx.fs().mkdirs(path.substring(0, path.lastIndexOf('/')));
                ctx.fs().writeContent(path, Blob.of(filler(d, f)));
            }
            String info = SITE + "/" + d.distInfo();
            ctx.fs().mkdirs(info);
            ctx.fs().writeString(info + "/METADATA", "Metadata-Version: 2.1\nName: " + d.project() + "\nVersion: "
                    + d.version() + "\n");
            ctx.fs().writeString(info + "/INSTALLER", "pip\n");
            ctx.fs().writeString(info + "/top_level.txt", d.files().get(0).path().split("/", 2)[0] + "\n");
            StringBuilder record = new StringBuilder();
            for (PipCatalog.PackageFile f : d.files()) {
                record.append(f.path()).append(",,").append(f.sizeBytes()).append('\n');
            }
            ctx.fs().writeString(info + "/RECORD", record.toString());
            if (d.script() != null) {
                ctx.fs().writeString("/usr/local/bin/" + d.script(), "#!/usr/local/bin/python\n# -*- coding: utf-8 -*-\n"
                        + "import re\nimport sys\n");
                ctx.fs().chmod("/usr/local/bin/" + d.script(), 0755);
            }
        } catch (FsException e) {
            ctx.eprintln("Exception:\nOSError: [Errno " + e.errno().number() + "] " + e.errno().text() + ": '"
                    + e.path() + "'");
            ctx.exit(2);
        }
    }

    /** Deterministic stand-in source text of the file's real size. */
    private static byte[] filler(PipCatalog.Dist d, PipCatalog.PackageFile f) {
        byte[] out = new byte[f.sizeBytes()];
        byte[] line = ("# " + d.project() + " " + d.version() + " " + f.path() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < out.length; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    private void finish(List<Wanted> installedNow) {
        if (!installedNow.isEmpty()) {
            TreeMap<String, String> names = new TreeMap<>();
            for (Wanted w : installedNow) {
                names.put(w.name() + "-" + w.dist().version(), w.name() + "-" + w.dist().version());
            }
            ctx.println("Successfully installed " + String.join(" ", names.values()));
        }
        ctx.eprintln("You are using pip version 9.0.1, however version 19.1.1 is available.");
        ctx.eprintln("You should consider upgrading via the 'pip install --upgrade pip' command.");
        ctx.exit(0);
    }
}
