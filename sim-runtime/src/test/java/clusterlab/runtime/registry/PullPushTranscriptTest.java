package clusterlab.runtime.registry;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.fs.LayerEntry;
import clusterlab.runtime.image.HistoryEntry;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageReference;
import clusterlab.kernel.testing.GoldenFile;
import clusterlab.runtime.image.ImageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden transcripts of pulls and pushes against the simulated Hub, checked verbatim.
 * Each case is a command, a {@code ----} line, the expected output and a {@code ----} line.
 * Regenerate with {@code -Dgolden.update=true} and review the diff.
 *
 * <p>Commands: {@code pull REF}, {@code run-pull REF} (docker run's implicit pull),
 * {@code push REF [as USER]}, {@code build NAME FROM TEXT} (a one-layer image on FROM with file
 * /app.py holding TEXT, tagged NAME), {@code account USER}. Each output line is prefixed with the
 * virtual time since the command started.
 */
class PullPushTranscriptTest {
    private static final Path FILE = Path.of("src/test/resources/clusterlab/runtime/registry/pull_push.txt");

    private final Simulation sim = new Simulation(42);
    private final ImageStore store = new ImageStore();
    private final Registry hub = DockerHub.create();
    private final RegistryClient client = new RegistryClient(store, sim);

    @Test
    void transcripts() throws IOException {
        GoldenFile.check(FILE, this::run, null);
    }

    private String run(String command) {
        String[] w = command.split(" ");
        long t0 = sim.now();
        List<String> out = new ArrayList<>();
        java.util.function.Consumer<String> sink = s -> out.add(String.format("[%8s] %s", secs(sim.now() - t0), s));
        switch (w[0]) {
            case "pull", "run-pull" -> {
                RegistryClient.PullRequest req;
                try {
                    req = w[0].equals("pull") ? RegistryClient.PullRequest.cli(w[1])
                            : RegistryClient.PullRequest.implicit(ImageReference.parse(w[1]));
                } catch (IllegalArgumentException e) {
                    return "(stderr) " + e.getMessage();
                }
                client.pull(hub, req, TransferSettings.hub(), sink, r -> out.add(r.ok()
                        ? "(ok " + r.image().shortId() + " in " + secs(r.durationNanos()) + ")"
                        : "(stderr) " + r.error()));
            }
            case "push" -> {
                String user = w.length > 3 && w[2].equals("as") ? w[3] : null;
                ImageReference ref = ImageReference.parse(w[1]);
                Image img = store.resolveStrict(w[1]);
                client.push(hub, ref, img, user, TransferSettings.hub(), sink, r -> out.add(r.ok()
                        ? "(ok in " + secs(r.durationNanos()) + ")" : "(stderr) " + r.error()));
            }
            case "build" -> {
                Image base = store.resolveStrict(w[3]);
                String text = command.substring(command.indexOf(w[3]) + w[3].length() + 1);
                Layer app = Layer.of(List.of(LayerEntry.file("/app.py", Blob.ofUtf8(text + "\n"), 0644, 0, 0, 0)));
                List<Layer> layers = new ArrayList<>(base.layers());
                layers.add(app);
                List<HistoryEntry> history = new ArrayList<>(base.history());
                history.add(HistoryEntry.layer(sim.now(), "/bin/sh -c #(nop) COPY file:x in /app.py "));
                Image built = Image.of(base.config(), layers, history, sim.now(), base.id());
                store.tag(built, ImageReference.parse(w[1]));
                out.add("(built " + built.shortId() + ")");
            }
            case "account" -> {
                DockerHub.addAccount(hub, w[1], "secret");
                out.add("(account " + w[1] + ")");
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
        sim.run();
        sim.runFor(Time.SECOND);
        return String.join("\n", out);
    }

    private static String secs(long nanos) {
        return String.format("%d.%03ds", nanos / Time.SECOND, (nanos % Time.SECOND) / Time.MILLISECOND);
    }
}
