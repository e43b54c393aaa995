package clusterlab.runtime.cli;

import clusterlab.runtime.cli.format.Formatter;
import clusterlab.runtime.cli.format.HumanDuration;
import clusterlab.runtime.cli.format.HumanSize;
import clusterlab.runtime.cli.format.TemplateException;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.EngineException;
import clusterlab.runtime.image.HistoryEntry;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The image commands: pull, ls, rm, tag, inspect, history, prune. */
final class ImageCommands {
    static final String LS_FORMAT = "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    static final Map<String, String> LS_HEADERS = ContainerViews.headers("Repository", "REPOSITORY", "Tag", "TAG",
            "ID", "IMAGE ID", "CreatedSince", "CREATED", "CreatedAt", "CREATED AT", "Size", "SIZE", "Digest",
            "DIGEST");
    static final String HISTORY_FORMAT = "table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";
    static final Map<String, String> HISTORY_HEADERS = ContainerViews.headers("ID", "IMAGE", "CreatedSince",
            "CREATED", "CreatedAt", "CREATED AT", "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT");

    /** Lines and bytes of an image prune, for {@code system prune}'s report. */
    record PruneResult(List<String> lines, long reclaimedBytes) {}

    private ImageCommands() {}

    static void pull(Invocation inv) {
        ImagePulls.pull(inv);
    }

    static void ls(Invocation inv) {
        boolean all = inv.cmd.bool("all");
        boolean truncate = !inv.cmd.bool("no-trunc");
        String filterRepo = inv.args().isEmpty() ? null : inv.arg(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> quietIds = new ArrayList<>();
        for (Image image : inv.engine.images().images()) {
            List<ImageReference> tags = inv.engine.images().tagsOf(image);
            if (tags.isEmpty() && !all && !inv.engine.images().children(image).isEmpty()) {
                continue; // intermediate build images show only with -a
            }
            String id = truncate ? image.shortId() : image.id();
            if (tags.isEmpty()) {
                if (filterRepo == null) {
                    rows.add(row(inv, image, "<none>", "<none>", id));
                    quietIds.add(id);
                }
                continue;
            }
            for (ImageReference t : tags) {
                if (filterRepo != null && !matchesRepo(t, filterRepo)) {
                    continue;
                }
                rows.add(row(inv, image, t.familiarName(), t.tag() == null ? "<none>" : t.tag(), id));
                if (!quietIds.contains(id)) {
                    quietIds.add(id);
                }
            }
        }
        if (inv.cmd.bool("quiet")) {
            quietIds.forEach(inv::outln);
            inv.exit(0);
            return;
        }
        String format = inv.cmd.changed("format") ? inv.cmd.string("format") : LS_FORMAT;
        try {
            inv.out(Formatter.render(format, LS_HEADERS, rows));
            inv.exit(0);
        } catch (TemplateException e) {
            inv.errln(e.getMessage());
            inv.exit(1);
        }
    }

    private static boolean matchesRepo(ImageReference t, String filter) {
        int colon = filter.lastIndexOf(':');
        String repo = colon > 0 && !filter.substring(colon).contains("/") ? filter.substring(0, colon) : filter;
        String tag = colon > 0 && !filter.substring(colon).contains("/") ? filter.substring(colon + 1) : null;
        return t.familiarName().equals(repo) && (tag == null || tag.equals(t.tag()));
    }

    private static Map<String, Object> row(Invocation inv, Image image, String repo, String tag, String id) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Repository", repo);
        r.put("Tag", tag);
        r.put("ID", id);
        r.put("CreatedSince", HumanDuration.ago(inv.now(), image.createdNanos()));
        r.put("CreatedAt", Image.rfc3339(image.createdNanos()));
        r.put("Size", HumanSize.decimal(image.sizeBytes()));
        r.put("Digest", "<none>");
        return r;
    }

    static void rm(Invocation inv) {
        boolean force = inv.cmd.bool("force");
        Map<String, List<Container>> users = inv.engine.imageUsers();
        for (String ref : inv.args()) {
            Optional<Image> found = inv.engine.images().resolve(ref);
            if (found.isEmpty()) {
                inv.daemonError(EngineException.notFound("No such image: " + ref));
                continue;
            }
            Image image = found.get();
            List<ImageReference> tags = inv.engine.images().tagsOf(image);
            boolean byTag = !ref.matches("(sha256:)?[0-9a-f]{1,64}") || tags.stream().anyMatch(t -> matchesRepo(t, ref));
            List<Container> using = users.getOrDefault(image.id(), List.of());
            if (byTag && tags.size() > 1) {
                ImageReference t = tags.stream().filter(x -> matchesRepo(x, ref)).findFirst().orElse(tags.get(0));
                inv.engine.images().untag(t);
                inv.outln("Untagged: " + t.familiarString());
                continue;
            }
            if (!using.isEmpty() && !force) {
                Container c = using.get(0);
                String what = byTag ? ref : image.shortId();
                inv.daemonError(EngineException.conflict(c.isRunning()
                        ? "conflict: unable to remove repository reference \"" + what + "\" (must force) - container "
                                + c.shortId() + " is using its referenced image " + image.shortId()
                        : "conflict: unable to delete " + image.shortId() + " (must be forced) - image is being used"
                                + " by stopped container " + c.shortId()));
                continue;
            }
            if (!byTag && tags.size() > 1 && !force) {
                inv.daemonError(EngineException.conflict("conflict: unable to delete " + image.shortId()
                        + " (must be forced) - image is referenced in multiple repositories"));
                continue;
            }
            for (ImageReference t : tags) {
                inv.engine.images().untag(t);
                inv.outln("Untagged: " + t.familiarString());
            }
            for (ImageReference d : inv.engine.images().digestsOf(image)) {
                inv.outln("Untagged: " + d.familiarName() + "@" + d.digest());
            }
            inv.engine.images().remove(image);
            inv.outln("Deleted: " + image.id());
        }
        inv.finish();
    }

    static void tag(Invocation inv) {
        Optional<Image> source = inv.engine.images().resolve(inv.arg(0));
        if (source.isEmpty()) {
            inv.daemonError(EngineException.notFound("No such image: " + inv.arg(0)));
            inv.finish();
            return;
        }
        try {
            ImageReference target = ImageReference.parseNormalized(inv.arg(1));
            if (target.tag() == null) {
                target = target.withTag(ImageReference.DEFAULT_TAG);
            }
            inv.engine.images().tag(source.get(), target);
        } catch (IllegalArgumentException e) {
            inv.clientError("Error parsing reference: \"" + inv.arg(1) + "\" is not a valid repository/tag: "
                    + e.getMessage());
        }
        inv.finish();
    }

    static void inspect(Invocation inv) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String ref : inv.args()) {
            Optional<Image> image = inv.engine.images().resolve(ref);
            if (image.isEmpty()) {
                inv.clientError("Error: No such image: " + ref);
                continue;
            }
            docs.add(ImageViews.inspect(inv.engine.images(), image.get()));
        }
        inv.printInspect(docs);
    }

    static void history(Invocation inv) {
        Optional<Image> found = inv.engine.images().resolve(inv.arg(0));
        if (found.isEmpty()) {
            inv.daemonError(EngineException.notFound("No such image: " + inv.arg(0)));
            inv.finish();
            return;
        }
        Image image = found.get();
        boolean truncate = !inv.cmd.bool("no-trunc");
        boolean human = !inv.cmd.changed("human") || inv.cmd.bool("human");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<HistoryEntry> history = new ArrayList<>(image.history());
        // A row shows the id of the local image that step made (built parents are local; the base's are not).
        Map<Integer, Image> madeBy = new java.util.HashMap<>();
        Image step = image;
        for (int guard = 0; step != null && guard < 10_000; guard++) {
            madeBy.put(step.history().size(), step);
            step = step.parentId() == null ? null : inv.engine.images().byId(step.parentId()).orElse(null);
        }
        int layerIndex = image.layers().size() - 1;
        for (int i = history.size() - 1; i >= 0; i--) {
            HistoryEntry h = history.get(i);
            long size = 0;
            if (!h.emptyLayer() && layerIndex >= 0) {
                size = image.layers().get(layerIndex--).sizeBytes();
            }
            Map<String, Object> r = new LinkedHashMap<>();
            Image made = madeBy.get(i + 1);
            r.put("ID", made == null ? "<missing>" : truncate ? made.shortId() : made.id());
            r.put("CreatedSince", human ? HumanDuration.ago(inv.now(), h.createdNanos()) : Image.rfc3339(h.createdNanos()));
            r.put("CreatedAt", Image.rfc3339(h.createdNanos()));
            String createdBy = h.createdBy().replace("\t", " ");
            if (truncate && createdBy.codePointCount(0, createdBy.length()) > 45) {
                createdBy = createdBy.substring(0, createdBy.offsetByCodePoints(0, 44)) + "…";
            }
            r.put("CreatedBy", createdBy);
            r.put("Size", human ? HumanSize.decimal(size) : String.valueOf(size));
            r.put("Comment", h.comment());
            rows.add(r);
        }
        if (inv.cmd.bool("quiet")) {
            rows.forEach(r -> inv.outln((String) r.get("ID")));
            inv.exit(0);
            return;
        }
        try {
            inv.out(Formatter.render(inv.cmd.changed("format") ? inv.cmd.string("format") : HISTORY_FORMAT,
                    HISTORY_HEADERS, rows));
            inv.exit(0);
        } catch (TemplateException e) {
            inv.errln(e.getMessage());
            inv.exit(1);
        }
    }

    static void prune(Invocation inv) {
        PruneResult r = pruneImages(inv, inv.cmd.bool("all"));
        if (!r.lines().isEmpty()) {
            inv.outln("Deleted Images:");
            r.lines().forEach(inv::outln);
            inv.outln("");
        }
        inv.outln("Total reclaimed space: " + HumanSize.decimal(r.reclaimedBytes()));
        inv.exit(0);
    }

    /** Removes dangling images (all unused with {@code all}); returns the report lines. */
    static PruneResult pruneImages(Invocation inv, boolean all) {
        List<String> lines = new ArrayList<>();
        long before = inv.engine.images().layerStore().distinctLayerBytes();
        Map<String, List<Container>> users = inv.engine.imageUsers();
        for (Image image : inv.engine.images().images()) {
            boolean dangling = inv.engine.images().isDangling(image);
            if (users.containsKey(image.id()) || !(dangling || all)) {
                continue;
            }
            if (!inv.engine.images().children(image).isEmpty()) {
                continue;
            }
            for (ImageReference t : inv.engine.images().tagsOf(image)) {
                inv.engine.images().untag(t);
                lines.add("untagged: " + t.familiarString());
            }
            inv.engine.images().remove(image);
            lines.add("deleted: " + image.id());
        }
        long after = inv.engine.images().layerStore().distinctLayerBytes();
        return new PruneResult(lines, Math.max(0, before - after));
    }
}
