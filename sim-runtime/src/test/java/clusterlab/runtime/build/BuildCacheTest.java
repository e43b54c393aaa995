package clusterlab.runtime.build;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.host.Host;
import clusterlab.runtime.DockerRuntime;
import clusterlab.runtime.engine.Engine;
import clusterlab.runtime.image.Image;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Cache hits and misses, and ids that depend only on content and the seed. */
class BuildCacheTest {
    private static final Pattern BUILT = Pattern.compile("Successfully built ([0-9a-f]{12})");
    private static final String DOCKERFILE = "FROM alpine\nCOPY a.txt /a.txt\nRUN echo built > /built\n"
            + "ENV X=1\nCOPY b.txt /b.txt\n";

    private final DockerRuntime docker = DockerRuntime.withHosts(11, 1);
    private final Host host = docker.cluster().hosts().get(0);
    private final Engine engine = docker.engine(host.name());

    private void write(String path, String text) {
        host.disk().mkdirs("/root/ctx");
        host.disk().writeString("/root/ctx/" + path, text);
    }

    private CommandResult build(String... flags) {
        List<String> argv = new java.util.ArrayList<>(List.of("docker", "build", "-t", "app"));
        argv.addAll(List.of(flags));
        argv.add("ctx");
        CommandResult r = host.run(argv, null, 300L * 1_000_000_000L);
        assertThat(r.exitStatus()).as(r.stdout() + r.stderr()).isZero();
        return r;
    }

    private static String builtId(CommandResult r) {
        Matcher m = BUILT.matcher(r.stdout());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static long usingCache(CommandResult r) {
        return r.stdout().lines().filter(l -> l.equals(" ---> Using cache")).count();
    }

    @Test
    void secondBuildIsAllCacheAndSameId() {
        write("Dockerfile", DOCKERFILE);
        write("a.txt", "a");
        write("b.txt", "b");
        CommandResult first = build();
        assertThat(usingCache(first)).isZero();
        CommandResult second = build();
        assertThat(usingCache(second)).isEqualTo(4);
        assertThat(second.stdout()).doesNotContain("Running in");
        assertThat(builtId(second)).isEqualTo(builtId(first));
    }

    @Test
    void aChangedFileMissesFromItsStepOn() {
        write("Dockerfile", DOCKERFILE);
        write("a.txt", "a");
        write("b.txt", "b");
        String first = builtId(build());
        write("a.txt", "A");
        CommandResult r = build();
        assertThat(usingCache(r)).isZero(); // COPY a.txt is step 2: everything after it rebuilds
        assertThat(builtId(r)).isNotEqualTo(first);
        write("a.txt", "a");
        CommandResult back = build();
        assertThat(usingCache(back)).isEqualTo(4); // the first chain is still in the store
        assertThat(builtId(back)).isEqualTo(first);
        write("b.txt", "B");
        assertThat(usingCache(build())).isEqualTo(3);
    }

    @Test
    void noCacheRebuildsButCopyLayersAreContentAddressed() {
        write("Dockerfile", DOCKERFILE);
        write("a.txt", "a");
        write("b.txt", "b");
        Image first = engine.images().resolve(builtId(build())).orElseThrow();
        CommandResult r = build("--no-cache");
        assertThat(usingCache(r)).isZero();
        Image second = engine.images().resolve(builtId(r)).orElseThrow();
        assertThat(second.id()).isNotEqualTo(first.id()); // created times differ
        List<Layer> a = first.layers();
        List<Layer> b = second.layers();
        assertThat(a).hasSameSizeAs(b);
        assertThat(b.get(1).digest()).isEqualTo(a.get(1).digest()); // COPY a.txt: same bytes, same layer
        assertThat(b.get(b.size() - 1).digest()).isEqualTo(a.get(a.size() - 1).digest());
    }

    @Test
    void intermediateImagesAreUntaggedChildren() {
        write("Dockerfile", DOCKERFILE);
        write("a.txt", "a");
        write("b.txt", "b");
        Image app = engine.images().resolve(builtId(build())).orElseThrow();
        int steps = 0;
        Image img = app;
        while (img.parentId() != null) {
            Image parent = engine.images().byId(img.parentId()).orElseThrow();
            assertThat(engine.images().children(parent)).contains(img);
            if (parent.parentId() != null) {
                assertThat(engine.images().isDangling(parent)).isTrue();
            }
            img = parent;
            steps++;
        }
        assertThat(steps).isEqualTo(4);
        assertThat(engine.images().tagsOf(img)).isNotEmpty(); // the pulled alpine
        assertThat(app.history().get(app.history().size() - 2).emptyLayer()).isTrue(); // ENV
        assertThat(engine.containers()).isEmpty(); // --rm removed every step's container
    }

    @Test
    void sameSeedSameContextSameIds() {
        DockerRuntime other = DockerRuntime.withHosts(11, 1);
        Host h2 = other.cluster().hosts().get(0);
        for (Host h : List.of(host, h2)) {
            h.disk().mkdirs("/root/ctx");
            h.disk().writeString("/root/ctx/Dockerfile", DOCKERFILE);
            h.disk().writeString("/root/ctx/a.txt", "a");
            h.disk().writeString("/root/ctx/b.txt", "b");
        }
        CommandResult r1 = host.run(List.of("docker", "build", "ctx"), null, 300L * 1_000_000_000L);
        CommandResult r2 = h2.run(List.of("docker", "build", "ctx"), null, 300L * 1_000_000_000L);
        assertThat(r2.stdout()).isEqualTo(r1.stdout());
    }
}
