package clusterlab.runtime.build;

import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.fs.OverlayFs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * COPY and ADD from the build context: which sources, their hash for the history and the cache
 * ({@code COPY file:<sha256> in /app.py }), and the layer they make, written into an overlay of
 * the current image exactly as Docker copies into the step's read-write layer.
 */
final class CopyStep {
    /** What a COPY resolved to: the sources, the destination, and the history text. */
    record Plan(List<BuildContext.Entry> sources, String dest, boolean destIsDir, int uid, int gid, String createdBy) {}

    /** A COPY Docker refuses: the message the build fails with. */
    static final class CopyException extends Exception {
        private static final long serialVersionUID = 1L;

        CopyException(String message) {
            super(message);
        }
    }

    private CopyStep() {}

    /**
     * @param srcs the expanded source words
     * @param dest the expanded destination
     * @param tmpDir the daemon's temporary context directory, for Docker's stat errors
     */
    static Plan plan(String keyword, BuildContext context, List<String> srcs, String dest, String workDir,
            String chown, int[] owner, String tmpDir) throws CopyException {
        List<BuildContext.Entry> sources = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (String src : srcs) {
            if (keyword.equals("ADD") && (src.startsWith("http://") || src.startsWith("https://"))) {
                throw new CopyException("ADD from a URL is not available in this lab");
            }
            String rel = clean(src);
            if (rel == null) {
                throw new CopyException("Forbidden path outside the build context: " + src + " ()");
            }
            if (hasGlob(rel)) {
                int slash = rel.lastIndexOf('/');
                String dir = slash < 0 ? "" : rel.substring(0, slash);
                Pattern p = Pattern.compile(globRegex(rel.substring(slash + 1)));
                for (BuildContext.Entry e : context.children(dir)) {
                    String name = e.path().substring(e.path().lastIndexOf('/') + 1);
                    if (p.matcher(name).matches()) {
                        sources.add(e);
                        hashes.add(context.hash(e.path()));
                    }
                }
                continue;
            }
            if (rel.isEmpty()) {
                sources.add(new BuildContext.Entry("", null, null, null));
                hashes.add(context.hash(""));
                continue;
            }
            BuildContext.Entry e = context.entry(rel).orElseThrow(() -> new CopyException(keyword
                    + " failed: stat " + tmpDir + "/" + rel + ": no such file or directory"));
            sources.add(e);
            hashes.add(context.hash(rel));
        }
        if (sources.isEmpty()) {
            throw new CopyException(keyword + " failed: no source files were specified");
        }
        boolean destIsDir = dest.endsWith("/") || dest.equals(".");
        if (srcs.size() > 1 && !destIsDir) {
            throw new CopyException("When using " + keyword
                    + " with more than one source file, the destination must be a directory and end with a /");
        }
        String absDest = dest.startsWith("/") ? dest : (workDir.isEmpty() ? "/" : workDir) + "/" + dest;
        absDest = normalize(absDest);
        String hash = hashes.size() == 1 ? hashes.get(0)
                : "multi:" + BuildContext.sha256(String.join(",", hashes).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String chownComment = chown == null ? "" : "--chown=" + chown + " ";
        // Docker's comment names the destination as written, not resolved against WORKDIR.
        String createdBy = keyword + " " + chownComment + hash + " in " + dest + " ";
        return new Plan(sources, absDest, destIsDir, owner[0], owner[1], createdBy);
    }

    /** Writes the sources into an overlay of {@code lower} and returns its changes as a layer. */
    static Layer apply(Plan plan, BuildContext context, List<Layer> lower, LongSupplier clock) throws CopyException {
        OverlayFs fs = new OverlayFs(lower, clock);
        try {
            for (BuildContext.Entry src : plan.sources()) {
                boolean isDir = src.stat() == null || src.isDirectory();
                if (isDir) {
                    mkdirs(fs, plan.dest(), plan);
                    String base = src.path();
                    for (BuildContext.Entry e : context.under(base)) {
                        String tail = base.isEmpty() ? e.path() : e.path().substring(base.length() + 1);
                        write(fs, e, join(plan.dest(), tail), plan);
                    }
                } else {
                    String target = plan.dest();
                    var st = fs.lstatOrNull(target);
                    if (plan.destIsDir() || (st != null && st.isDirectory())) {
                        mkdirs(fs, target, plan);
                        target = join(target, src.path().substring(src.path().lastIndexOf('/') + 1));
                    } else {
                        mkdirs(fs, parent(target), plan);
                    }
                    write(fs, src, target, plan);
                }
            }
        } catch (FsException e) {
            throw new CopyException("failed to copy files: " + e.getMessage());
        }
        return fs.commit();
    }

    private static void write(OverlayFs fs, BuildContext.Entry e, String target, Plan plan) {
        var existing = fs.lstatOrNull(target);
        if (e.isDirectory()) {
            if (existing == null) {
                fs.mkdirs(target);
            }
            fs.chmod(target, e.stat().mode());
            fs.chown(target, plan.uid(), plan.gid());
            fs.setMtime(target, e.stat().mtimeNanos());
            return;
        }
        if (existing != null && existing.isDirectory()) {
            fs.removeRecursive(target);
        } else if (existing != null) {
            fs.unlink(target);
        }
        if (e.linkTarget() != null) {
            fs.symlink(e.linkTarget(), target);
            fs.lchown(target, plan.uid(), plan.gid());
            fs.lsetMtime(target, e.stat().mtimeNanos());
            return;
        }
        fs.writeContent(target, e.content());
        fs.chmod(target, e.stat().mode());
        fs.chown(target, plan.uid(), plan.gid());
        fs.setMtime(target, e.stat().mtimeNanos());
    }

    /** Missing parents are made root-owned 0755, as Docker's MkdirAllAndChown does (owner: the --chown one). */
    private static void mkdirs(OverlayFs fs, String dir, Plan plan) {
        if (dir.equals("/") || fs.exists(dir)) {
            return;
        }
        mkdirs(fs, parent(dir), plan);
        fs.mkdir(dir);
        fs.chmod(dir, 0755);
        fs.chown(dir, plan.uid(), plan.gid());
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String join(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    /** A context-relative path with {@code .} and {@code ..} resolved, or null if it leaves the context. */
    static String clean(String src) {
        List<String> parts = new ArrayList<>();
        for (String seg : src.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    /** An absolute path cleaned like Go's path.Clean (".." above the root stays at the root). */
    static String normalize(String abs) {
        List<String> parts = new ArrayList<>();
        for (String seg : abs.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(seg);
            }
        }
        return "/" + String.join("/", parts);
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** Go's filepath.Match syntax for one path element: {@code *}, {@code ?}, {@code [...]}. */
    private static String globRegex(String glob) {
        StringBuilder re = new StringBuilder();
        boolean inClass = false;
        for (char c : glob.toCharArray()) {
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    re.append(']');
                } else if (c == '\\' || c == '[') {
                    re.append('\\').append(c);
                } else if (c == '^') {
                    re.append(re.charAt(re.length() - 1) == '[' ? '^' : "\\^");
                } else {
                    re.append(c);
                }
                continue;
            }
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    inClass = true;
                    re.append('[');
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inClass) {
            return Pattern.quote(glob); // an unclosed class matches nothing sensible; take it literally
        }
        return re.toString();
    }
}
