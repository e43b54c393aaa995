package clusterlab.runtime.build;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.fs.OverlayFs;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.ContainerLog;
import clusterlab.runtime.engine.CreateSpec;
import clusterlab.runtime.engine.Engine;
import clusterlab.runtime.engine.EngineException;
import clusterlab.runtime.image.HistoryEntry;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageConfig;
import clusterlab.runtime.image.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The classic builder (Docker 18.09) on an {@link Engine}: one step per instruction, each making
 * an image on top of the previous one. RUN runs in a container and commits its changes; CMD, ENV
 * and the other metadata steps commit an empty container; COPY and ADD write the context's files
 * into a new layer. A step whose result is already in the store is taken from the
 * {@link BuildCache}. The output is the daemon's build stream, line for line.
 */
public final class Builder {
    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");
    // Virtual durations of the daemon's own work (container create, commit, removal, a copy).
    static final long CREATE_NANOS = 60 * Time.MILLISECOND;
    static final long COMMIT_NANOS = 80 * Time.MILLISECOND;
    static final long REMOVE_NANOS = 30 * Time.MILLISECOND;
    static final long COPY_NANOS = 50 * Time.MILLISECOND;
    static final long CACHE_NANOS = 2 * Time.MILLISECOND;

    /** Where the build stream goes. */
    public interface Output {
        void out(String text);
    }

    /** Delays the builder's next action (the client's process schedules it, so a killed client stops the build). */
    public interface Scheduler {
        void schedule(long delayNanos, Runnable action);
    }

    /** Gets a base image into the store: pull lines to {@code line}, then {@code ready} or {@code failed}. */
    public interface BaseImages {
        void pull(String reference, Consumer<String> line, Consumer<Image> ready, Consumer<String> failed);
    }

    /** What {@code docker image build} asked for. */
    public record Options(List<ImageReference> tags, Map<String, String> buildArgs, boolean noCache, boolean remove,
            boolean forceRemove, boolean pull, SortedMap<String, String> labels) {
        public Options {
            tags = List.copyOf(tags);
            buildArgs = new LinkedHashMap<>(buildArgs);
            labels = new TreeMap<>(labels);
        }
    }

    /** The built image, or the error the build failed with (for stderr). */
    public record Result(Image image, String error) {
        public boolean ok() {
            return image != null;
        }
    }

    private final Engine engine;
    private final BuildContext context;
    private final Options options;
    private final Output output;
    private final Scheduler scheduler;
    private final BaseImages bases;
    private final BuildCache cache;
    private final WordExpander words;
    private final List<Instruction> steps;
    private final String tmpDir;
    private Consumer<Result> done;

    // The state of the current stage, as Docker's dispatchState.
    private int index;
    private boolean staged;
    private Image current;
    private ImageConfig config = ImageConfig.empty();
    private SortedSet<String> volumes = new TreeSet<>();
    private List<String> shell = DEFAULT_SHELL;
    private boolean cmdSet;
    private final BuildArgs args;
    private final Map<String, Image> stages = new LinkedHashMap<>();
    private String stageName;

    public Builder(Engine engine, Dockerfile dockerfile, BuildContext context, Options options, Output output,
            Scheduler scheduler, BaseImages bases) {
        this.engine = engine;
        this.context = context;
        this.options = options;
        this.output = output;
        this.scheduler = scheduler;
        this.bases = bases;
        this.cache = new BuildCache(engine.images());
        this.words = new WordExpander(dockerfile.escape());
        this.args = new BuildArgs(options.buildArgs());
        List<Instruction> all = new ArrayList<>(dockerfile.instructions());
        if (!options.labels().isEmpty()) {
            all.add(Instruction.labelOption(options.labels()));
        }
        this.steps = all;
        this.tmpDir = "/var/lib/docker/tmp/docker-builder"
                + engine.simulation().random().stream("build/" + engine.host().name()).nextInt(1_000_000_000);
    }

    /** Runs the build; {@code done} is called once, at the end. */
    public void run(Consumer<Result> onDone) {
        this.done = onDone;
        next();
    }

    private void next() {
        if (index >= steps.size()) {
            finish();
            return;
        }
        Instruction in = steps.get(index);
        output.out("Step " + (index + 1) + "/" + steps.size() + " : " + in.original() + "\n");
        try {
            dispatch(in);
        } catch (StepException e) {
            fail(e.getMessage());
        }
    }

    /** A step's failure: the build stops with this message. */
    private static final class StepException extends Exception {
        private static final long serialVersionUID = 1L;

        StepException(String message) {
            super(message);
        }
    }

    private void stepDone(long delayNanos) {
        output.out(" ---> " + (current == null ? "" : current.shortId()) + "\n");
        index++;
        scheduler.schedule(delayNanos, this::next);
    }

    private void fail(String message) {
        Consumer<Result> d = done;
        done = r -> { };
        d.accept(new Result(null, message));
    }

    private void finish() {
        if (current == null) {
            fail("No image was generated. Is your Dockerfile empty?");
            return;
        }
        List<String> unused = args.unused();
        if (!unused.isEmpty()) {
            output.out("[Warning] One or more build-args [" + String.join(" ", unused) + "] were not consumed\n");
        }
        output.out("Successfully built " + current.shortId() + "\n");
        for (ImageReference tag : options.tags()) {
            engine.images().tag(current, tag);
            ImageReference shown = tag.tag() == null && tag.digest() == null ? tag.withTag(ImageReference.DEFAULT_TAG) : tag;
            output.out("Successfully tagged " + shown.familiarString() + "\n");
        }
        Consumer<Result> d = done;
        done = r -> { };
        d.accept(new Result(current, null));
    }

    // ---- variables ---------------------------------------------------------------------------

    private Function<String, String> env() {
        return args.lookup(config.env());
    }

    private String expand(String word) throws StepException {
        try {
            return words.expand(word, env());
        } catch (IllegalArgumentException e) {
            throw new StepException("failed to process \"" + word + "\": " + e.getMessage());
        }
    }

    private List<String> expandAll(List<String> raw) throws StepException {
        List<String> out = new ArrayList<>();
        for (String w : raw) {
            out.add(expand(w));
        }
        return out;
    }

    // ---- dispatch ----------------------------------------------------------------------------

    private void dispatch(Instruction in) throws StepException {
        if (!staged && !in.keyword().equals("FROM")) {
            if (in.keyword().equals("ARG")) {
                metaArg(in);
                return;
            }
            throw new StepException("No build stage in current context");
        }
        switch (in.keyword()) {
            case "FROM" -> from(in);
            case "RUN" -> run(in);
            case "COPY", "ADD" -> copy(in);
            case "CMD" -> {
                List<String> cmd = in.isJson() ? in.json() : withShell(in.rest());
                cmdSet = true;
                metadata("CMD " + GoQuote.list(cmd), config.withCmd(cmd), false);
            }
            case "ENTRYPOINT" -> {
                List<String> ep = in.isJson() ? in.json() : in.rest().isEmpty() ? null : withShell(in.rest());
                ImageConfig next = config.withEntrypoint(ep);
                if (!cmdSet) {
                    next = next.withCmd(null); // an ENTRYPOINT drops the base image's CMD, not this file's
                }
                metadata("ENTRYPOINT " + GoQuote.list(ep == null ? List.of() : ep), next, false);
            }
            case "ENV" -> env(in);
            case "LABEL" -> label(in);
            case "ARG" -> arg(in);
            case "EXPOSE" -> expose(in);
            case "USER" -> {
                String user = expand(in.rest());
                metadata("USER " + user, config.withUser(user), false);
            }
            case "WORKDIR" -> workdir(in);
            case "STOPSIGNAL" -> {
                String sig = expand(in.rest());
                metadata("STOPSIGNAL " + sig, config.withStopSignal(sig), false);
            }
            case "MAINTAINER" -> metadata("MAINTAINER " + in.rest(), config, false);
            case "VOLUME" -> volume(in);
            case "SHELL" -> {
                shell = in.json();
                metadata("SHELL " + GoQuote.list(shell), config, false);
            }
            default -> throw new StepException(in.keyword() + " is not available in this lab's builder");
        }
    }

    private List<String> withShell(String text) {
        List<String> cmd = new ArrayList<>(shell);
        cmd.add(text);
        return cmd;
    }

    private void metaArg(Instruction in) throws StepException {
        String word = words.rawWords(in.rest()).get(0);
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        String value = eq < 0 ? null : expand(word.substring(eq + 1));
        args.declareMeta(name, value);
        index++;
        scheduler.schedule(0, this::next); // a meta ARG prints only its Step line
    }

    private void from(Instruction in) throws StepException {
        List<String> w = words.rawWords(in.rest());
        String name;
        try {
            name = words.expand(w.get(0), args::meta);
        } catch (IllegalArgumentException e) {
            throw new StepException("failed to process \"" + w.get(0) + "\": " + e.getMessage());
        }
        if (stageName != null) {
            stages.put(stageName, current); // a later FROM or COPY --from names the stage's result
        }
        staged = true;
        args.newStage();
        shell = DEFAULT_SHELL;
        cmdSet = false;
        Image stage = stages.get(name.toLowerCase(java.util.Locale.ROOT));
        stageName = w.size() == 3 ? w.get(2).toLowerCase(java.util.Locale.ROOT) : null;
        Consumer<Image> ready = base -> {
            current = base;
            config = base == null ? ImageConfig.empty() : base.config();
            volumes = base == null ? new TreeSet<>() : new TreeSet<>(base.volumes());
            stepDone(CACHE_NANOS);
        };
        if (name.equalsIgnoreCase("scratch")) {
            ready.accept(null);
            return;
        }
        if (stage != null) {
            ready.accept(stage);
            return;
        }
        var local = engine.images().resolve(name);
        if (local.isPresent() && !options.pull()) {
            ready.accept(local.get());
            return;
        }
        bases.pull(name, line -> output.out(line + "\n"), ready, this::fail);
    }

    // ---- RUN ---------------------------------------------------------------------------------

    private void run(Instruction in) {
        List<String> cmd = in.isJson() ? in.json() : withShell(in.rest());
        TreeMap<String, String> runArgs = args.forRun(config.env());
        List<String> saved = new ArrayList<>();
        List<String> env = new ArrayList<>(config.env());
        if (!runArgs.isEmpty()) {
            // Docker records the build args in the history so a different value misses the cache.
            saved.add("|" + runArgs.size());
            for (Map.Entry<String, String> a : runArgs.entrySet()) {
                saved.add(a.getKey() + "=" + a.getValue());
                env.add(a.getKey() + "=" + a.getValue());
            }
        }
        saved.addAll(cmd);
        String createdBy = String.join(" ", saved);
        if (cacheHit(createdBy, config)) {
            return;
        }
        Container c;
        try {
            c = engine.create(containerSpec(cmd, env));
        } catch (EngineException e) {
            fail(e.getMessage());
            return;
        }
        output.out(" ---> Running in " + c.shortId() + "\n");
        Consumer<ContainerLog.Entry> follower = e -> output.out(e.text());
        c.log().follow(follower);
        try {
            engine.start(c);
        } catch (EngineException e) {
            c.log().unfollow(follower);
            fail(e.getMessage());
            return;
        }
        engine.whenExited(c, status -> {
            c.log().unfollow(follower);
            if (status != 0) {
                String message = "The command '" + String.join(" ", cmd) + "' returned a non-zero code: " + status;
                if (options.forceRemove()) {
                    removeContainer(c, () -> fail(message));
                } else {
                    fail(message);
                }
                return;
            }
            commit(c.rootfs().commit(), createdBy, config);
            scheduler.schedule(COMMIT_NANOS, () -> finishContainerStep(c));
        });
    }

    private CreateSpec containerSpec(List<String> cmd, List<String> env) {
        CreateSpec base = CreateSpec.of(current.id());
        return new CreateSpec(current.id(), null, cmd, List.of(), env, null,
                config.workingDir().isEmpty() ? null : config.workingDir(),
                config.user().isEmpty() ? null : config.user(), false, false, List.of(), false, List.of(),
                0, 0, 0, base.restartPolicy(), null, false, null, null, null, null);
    }

    private void finishContainerStep(Container c) {
        if (options.remove() || options.forceRemove()) {
            removeContainer(c, () -> stepDone(0));
        } else {
            stepDone(0);
        }
    }

    private void removeContainer(Container c, Runnable then) {
        output.out("Removing intermediate container " + c.shortId() + "\n");
        try {
            engine.remove(c, true, true, () -> scheduler.schedule(REMOVE_NANOS, then));
        } catch (EngineException gone) {
            scheduler.schedule(REMOVE_NANOS, then);
        }
    }

    // ---- metadata steps ----------------------------------------------------------------------

    /**
     * A step that only changes the config: a container is created with the step as a
     * {@code #(nop)} comment, committed (an empty layer) and removed, as the classic builder does.
     *
     * @param singleArg WORKDIR, COPY and ADD write their comment as one argument (one space
     *     after {@code #(nop)}), the others as two (two spaces)
     */
    private void metadata(String comment, ImageConfig next, boolean singleArg) {
        metadataWith(comment, next, singleArg, null);
    }

    private void metadataWith(String comment, ImageConfig next, boolean singleArg, Consumer<OverlayFs> change) {
        List<String> nop = new ArrayList<>(shell);
        if (singleArg) {
            nop.add("#(nop) " + comment);
        } else {
            nop.add("#(nop) ");
            nop.add(comment);
        }
        String createdBy = String.join(" ", nop);
        if (cacheHit(createdBy, next)) {
            config = next;
            return;
        }
        if (current == null) {
            // FROM scratch has no image to make a container from; the step commits nothing but config.
            commit(Layer.EMPTY, createdBy, next);
            config = next;
            stepDone(COMMIT_NANOS);
            return;
        }
        Container c;
        try {
            c = engine.create(containerSpec(nop, config.env()));
        } catch (EngineException e) {
            fail(e.getMessage());
            return;
        }
        output.out(" ---> Running in " + c.shortId() + "\n");
        if (change != null) {
            change.accept(c.rootfs());
        }
        scheduler.schedule(CREATE_NANOS, () -> {
            commit(c.rootfs().commit(), createdBy, next);
            config = next;
            scheduler.schedule(COMMIT_NANOS, () -> finishContainerStep(c));
        });
    }

    private boolean cacheHit(String createdBy, ImageConfig next) {
        if (options.noCache()) {
            return false;
        }
        var hit = cache.probe(current, createdBy, next, volumes);
        if (hit.isEmpty()) {
            return false;
        }
        output.out(" ---> Using cache\n");
        current = hit.get();
        stepDone(CACHE_NANOS);
        return true;
    }

    /** Makes the step's image: the parent's layers plus this one unless empty, one more history entry. */
    private void commit(Layer layer, String createdBy, ImageConfig next) {
        long now = engine.simulation().now();
        boolean empty = layer.entries().isEmpty();
        List<Layer> layers = new ArrayList<>(current == null ? List.of() : current.layers());
        List<HistoryEntry> history = new ArrayList<>(current == null ? List.of() : current.history());
        if (!empty) {
            layers.add(layer);
        }
        history.add(new HistoryEntry(now, createdBy, "", empty));
        Image image = Image.builder().config(next).layers(layers).history(history).created(now)
                .parent(current == null ? null : current.id()).dockerVersion(Engine.VERSION).volumes(volumes).build();
        current = engine.images().add(image);
    }

    private void env(Instruction in) throws StepException {
        LinkedHashMap<String, String> env = new LinkedHashMap<>(BuildArgs.envMap(config.env()));
        StringBuilder comment = new StringBuilder("ENV");
        for (String[] kv : nameValues(in)) {
            env.remove(kv[0]); // a redefined variable moves to the end, as Docker rewrites Env
            env.put(kv[0], kv[1]);
            comment.append(' ').append(kv[0]).append('=').append(kv[1]);
        }
        List<String> list = new ArrayList<>();
        env.forEach((k, v) -> list.add(k + "=" + v));
        metadata(comment.toString(), config.withEnv(list), false);
    }

    private void label(Instruction in) throws StepException {
        TreeMap<String, String> labels = new TreeMap<>(config.labels());
        StringBuilder comment = new StringBuilder("LABEL");
        for (String[] kv : nameValues(in)) {
            labels.put(kv[0], kv[1]);
            comment.append(' ').append(kv[0]).append('=').append(kv[1]);
        }
        metadata(comment.toString(), config.withLabels(labels), false);
    }

    /** ENV and LABEL pairs, expanded against the state before this instruction. */
    private List<String[]> nameValues(Instruction in) throws StepException {
        List<String> w = words.rawWords(in.rest());
        List<String[]> out = new ArrayList<>();
        if (!w.get(0).contains("=")) {
            String rest = in.rest().substring(in.rest().indexOf(w.get(0)) + w.get(0).length()).strip();
            out.add(new String[] {expand(w.get(0)), expand(rest)});
            return out;
        }
        for (String word : w) {
            int eq = word.indexOf('=');
            out.add(new String[] {expand(word.substring(0, eq)), expand(word.substring(eq + 1))});
        }
        return out;
    }

    private void arg(Instruction in) throws StepException {
        String word = words.rawWords(in.rest()).get(0);
        int eq = word.indexOf('=');
        String name = eq < 0 ? word : word.substring(0, eq);
        String value = eq < 0 ? null : expand(word.substring(eq + 1));
        value = args.declare(name, value);
        metadata("ARG " + name + (eq < 0 ? "" : "=" + value), config, false);
    }

    private void expose(Instruction in) throws StepException {
        List<String> ports;
        try {
            ports = words.expandWords(in.rest(), env());
        } catch (IllegalArgumentException e) {
            throw new StepException("failed to process \"" + in.rest() + "\": " + e.getMessage());
        }
        TreeSet<String> all = new TreeSet<>(config.exposedPorts());
        TreeSet<String> these;
        try {
            these = ExposedPorts.parse(ports);
        } catch (IllegalArgumentException e) {
            throw new StepException(e.getMessage());
        }
        all.addAll(these);
        metadata("EXPOSE " + String.join(" ", these), config.withExposedPorts(all), false);
    }

    private void volume(Instruction in) throws StepException {
        List<String> vols = in.isJson() ? expandAll(in.json()) : words.expandWords(in.rest(), env());
        SortedSet<String> before = volumes;
        volumes = new TreeSet<>(volumes);
        for (String v : vols) {
            if (v.isBlank()) {
                volumes = before;
                throw new StepException("VOLUME specified can not be an empty string");
            }
            volumes.add(v);
        }
        metadata("VOLUME " + GoQuote.list(vols), config, false);
    }

    private void workdir(Instruction in) throws StepException {
        String dir = expand(in.rest());
        String abs = dir.startsWith("/") ? dir
                : (config.workingDir().isEmpty() ? "/" : config.workingDir()) + "/" + dir;
        String resolved = CopyStep.normalize(abs);
        metadataWith("WORKDIR " + resolved, config.withWorkingDir(resolved), true, fs -> {
            if (!fs.exists(resolved)) {
                fs.mkdirs(resolved); // Docker makes the directory in the step's container, so it is in the layer
            }
        });
    }

    // ---- COPY / ADD --------------------------------------------------------------------------

    private void copy(Instruction in) throws StepException {
        if (in.flags().containsKey("from")) {
            throw new StepException("COPY --from is not available in this lab's builder");
        }
        List<String> args = in.isJson() ? in.json() : words.rawWords(in.rest());
        List<String> expanded = expandAll(args);
        String chown = in.flags().containsKey("chown") ? expand(in.flags().get("chown")) : null;
        int[] owner;
        try {
            owner = Ownership.parse(chown, current == null ? List.of() : current.layers(), engine.simulation()::now);
        } catch (IllegalArgumentException e) {
            throw new StepException(e.getMessage());
        }
        CopyStep.Plan plan;
        try {
            plan = CopyStep.plan(in.keyword(), context, expanded.subList(0, expanded.size() - 1),
                    expanded.get(expanded.size() - 1), config.workingDir(), chown, owner, tmpDir);
        } catch (CopyStep.CopyException e) {
            throw new StepException(e.getMessage());
        }
        String createdBy = String.join(" ", shell) + " #(nop) " + plan.createdBy();
        if (cacheHit(createdBy, config)) {
            return;
        }
        Layer layer;
        try {
            layer = CopyStep.apply(plan, context, current == null ? List.of() : current.layers(),
                    engine.simulation()::now);
        } catch (CopyStep.CopyException e) {
            throw new StepException(e.getMessage());
        }
        commit(layer, createdBy, config);
        stepDone(COPY_NANOS);
    }
}
