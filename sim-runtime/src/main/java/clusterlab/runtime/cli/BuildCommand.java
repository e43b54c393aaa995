package clusterlab.runtime.cli;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import clusterlab.runtime.build.BuildContext;
import clusterlab.runtime.build.Builder;
import clusterlab.runtime.build.Dockerfile;
import clusterlab.runtime.build.DockerfileParseException;
import clusterlab.runtime.build.DockerfileParser;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageReference;
import clusterlab.runtime.registry.RegistryClient;
import clusterlab.runtime.registry.TransferSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code docker image build [-t NAME[:TAG]]... [-f FILE] PATH}: reads the context directory and the
 * Dockerfile from the client's filesystem, prints {@code Sending build context to Docker daemon},
 * and streams the classic builder's output; {@code -q} prints only the image id.
 */
final class BuildCommand {
    /** How fast the client streams the context to the daemon over the socket. */
    private static final long CONTEXT_BYTES_PER_SECOND = 200_000_000L;
    private static final int MAX_STDIN_DOCKERFILE_CHARS = DockerfileParser.MAX_CHARS;

    private BuildCommand() {}

    static void build(Invocation inv) {
        List<ImageReference> tags = new ArrayList<>();
        for (String t : inv.cmd.strings("tag")) {
            try {
                tags.add(ImageReference.parseNormalized(t));
            } catch (IllegalArgumentException e) {
                inv.errln("invalid argument \"" + t + "\" for \"-t, --tag\" flag: " + e.getMessage());
                inv.errln("See '" + inv.commandPath() + " --help'.");
                inv.exit(125);
                return;
            }
        }
        Map<String, String> buildArgs = new LinkedHashMap<>();
        for (String a : inv.cmd.strings("build-arg")) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                String v = inv.ctx.getenv(a); // --build-arg NAME takes the client's value, as docker does
                if (v != null) {
                    buildArgs.put(a, v);
                }
            } else {
                buildArgs.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        TreeMap<String, String> labels = new TreeMap<>();
        for (String l : inv.cmd.strings("label")) {
            int eq = l.indexOf('=');
            labels.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
        }
        Builder.Options options = new Builder.Options(tags, buildArgs, inv.cmd.bool("no-cache"),
                inv.cmd.bool("rm"), inv.cmd.bool("force-rm"), inv.cmd.bool("pull"), labels);
        String path = inv.arg(0);
        if (path.equals("-")) {
            StringBuilder text = new StringBuilder();
            inv.ctx.readInput(chunk -> {
                if (text.length() < MAX_STDIN_DOCKERFILE_CHARS + 1) {
                    text.append(chunk);
                }
            }, () -> start(inv, options, BuildContext.of(List.of()), text.toString(), "Dockerfile"));
            return;
        }
        if (path.matches("(?i)(https?://|git@|github\\.com/|git://).*")) {
            inv.errln("unable to prepare context: building from a URL is not available in this lab");
            inv.exit(1);
            return;
        }
        Filesystem fs = inv.ctx.fs();
        String contextDir = inv.ctx.resolve(path);
        FileStat st = fs.exists(contextDir) ? fs.stat(contextDir) : null;
        if (st == null) {
            prepareError(inv, "path \"" + path + "\" not found");
            return;
        }
        if (!st.isDirectory()) {
            prepareError(inv, "context must be a directory: " + contextDir);
            return;
        }
        String dockerfilePath = dockerfilePath(inv, fs, contextDir);
        FileStat dst = fs.lstatOrNull(dockerfilePath);
        if (dst == null) {
            prepareError(inv, "unable to evaluate symlinks in Dockerfile path: lstat " + dockerfilePath
                    + ": no such file or directory");
            return;
        }
        String text;
        try {
            if (fs.stat(dockerfilePath).sizeBytes() > MAX_STDIN_DOCKERFILE_CHARS) {
                text = "x".repeat(MAX_STDIN_DOCKERFILE_CHARS + 1);
            } else {
                text = fs.readString(dockerfilePath);
            }
        } catch (FsException e) {
            prepareError(inv, "unable to evaluate symlinks in Dockerfile path: " + e.getMessage());
            return;
        }
        BuildContext context;
        try {
            context = BuildContext.read(fs, contextDir);
        } catch (BuildContext.TooLargeException e) {
            prepareError(inv, e.getMessage());
            return;
        }
        String name = dockerfilePath.startsWith(contextDir.equals("/") ? "/" : contextDir + "/")
                ? dockerfilePath.substring(contextDir.equals("/") ? 1 : contextDir.length() + 1)
                : dockerfilePath.substring(dockerfilePath.lastIndexOf('/') + 1);
        start(inv, options, context, text, name);
    }

    /** {@code -f} relative to the working directory, else to the context; default PATH/Dockerfile. */
    private static String dockerfilePath(Invocation inv, Filesystem fs, String contextDir) {
        String given = inv.cmd.string("file");
        if (given == null || given.isEmpty()) {
            return (contextDir.equals("/") ? "" : contextDir) + "/Dockerfile";
        }
        String fromCwd = inv.ctx.resolve(given);
        if (given.startsWith("/") || fs.exists(fromCwd)) {
            return fromCwd;
        }
        String inContext = (contextDir.equals("/") ? "" : contextDir) + "/" + given;
        return fs.exists(inContext) ? inContext : fromCwd;
    }

    private static void prepareError(Invocation inv, String message) {
        inv.errln("unable to prepare context: " + message);
        inv.exit(1);
    }

    private static void start(Invocation inv, Builder.Options options, BuildContext context, String text,
            String name) {
        boolean quiet = inv.cmd.bool("quiet");
        StringBuilder buffered = new StringBuilder();
        Consumer<String> out = quiet ? s -> {
            if (buffered.length() < (1 << 20)) {
                buffered.append(s);
            }
        } : inv::out;
        long contextBytes = context.tarSizeBytes();
        out.accept("Sending build context to Docker daemon  " + BuildContext.humanSize(contextBytes) + "\n");
        long sendNanos = Time.MILLISECOND + contextBytes * Time.SECOND / CONTEXT_BYTES_PER_SECOND;
        inv.ctx.schedule(sendNanos, () -> {
            Dockerfile dockerfile;
            try {
                dockerfile = DockerfileParser.parse(text, name);
            } catch (DockerfileParseException e) {
                if (quiet) {
                    inv.ctx.eprint(buffered.toString());
                }
                inv.errln("Error response from daemon: " + e.getMessage());
                inv.exit(1);
                return;
            }
            Builder builder = new Builder(inv.engine, dockerfile, context, options, out::accept,
                    (delay, action) -> inv.ctx.schedule(delay, action), (ref, line, ready, failed) ->
                            pullBase(inv, ref, line, ready, failed));
            builder.run(result -> {
                if (result.ok()) {
                    if (quiet) {
                        inv.outln(result.image().id());
                    }
                    inv.exit(0);
                } else {
                    if (quiet) {
                        inv.ctx.eprint(buffered.toString());
                    }
                    inv.errln(result.error());
                    inv.exit(1);
                }
            });
        });
    }

    /** FROM's pull: the lines of an implicit pull in the build stream, errors without the API prefix. */
    private static void pullBase(Invocation inv, String name, Consumer<String> line, Consumer<Image> ready,
            Consumer<String> failed) {
        ImageReference ref;
        try {
            ref = ImageReference.parseNormalized(name);
        } catch (IllegalArgumentException e) {
            failed.accept(e.getMessage());
            return;
        }
        if (ref.tag() == null && ref.digest() == null) {
            ref = ref.withTag(ImageReference.DEFAULT_TAG);
        }
        if (!ref.isDockerHub()) {
            failed.accept("Get https://" + ref.domain() + "/v2/: dial tcp: lookup " + ref.domain() + ": no such host");
            return;
        }
        RegistryClient client = new RegistryClient(inv.engine.images(), inv.engine.simulation());
        client.pull(inv.engine.hub(), RegistryClient.PullRequest.implicit(ref), TransferSettings.hub(), line, result -> {
            if (!inv.ctx.process().isAlive()) {
                return;
            }
            if (result.ok()) {
                ready.accept(result.image());
            } else {
                String error = result.error();
                String prefix = "Error response from daemon: ";
                failed.accept(error.startsWith(prefix) ? error.substring(prefix.length()) : error);
            }
        });
    }
}
