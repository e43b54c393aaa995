package clusterlab.kernel.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Differential check: any sequence of calls on an overlay behaves exactly like the same calls on
 * a plain copy of its image (same results, same errno, same final tree with mtimes), and
 * committing the overlay then stacking the layer reproduces its view.
 */
class OverlayModelPropertyTest {
    private static final List<String> PATHS = List.of("/etc", "/etc/passwd", "/etc/new", "/tmp", "/tmp/x",
            "/var", "/var/log", "/var/log/dpkg.log", "/d", "/d/e", "/usr/bin/sh", "/usr/bin");

    record Op(int kind, String a, String b) {
        void apply(Filesystem fs) {
            switch (kind) {
                case 0 -> fs.writeString(a, "w" + b.length());
                case 1 -> fs.appendString(a, "+");
                case 2 -> fs.mkdir(a);
                case 3 -> fs.unlink(a);
                case 4 -> fs.rmdir(a);
                case 5 -> fs.removeRecursive(a);
                case 6 -> fs.rename(a, b);
                case 7 -> fs.chmod(a, 0700);
                case 8 -> fs.symlink(b, a);
                default -> fs.chown(a, 7, 7);
            }
        }
    }

    @Provide
    Arbitrary<List<Op>> programs() {
        Arbitrary<String> path = Arbitraries.of(PATHS);
        return Combinators.combine(Arbitraries.integers().between(0, 9), path, path).as(Op::new).list().ofMinSize(8).ofMaxSize(30);
    }

    private static String outcome(Filesystem fs, Op op) {
        try {
            op.apply(fs);
            return "ok";
        } catch (FsException e) {
            return e.errno().name();
        }
    }

    @Property(tries = 150)
    void overlayBehavesLikeAPlainCopyOfItsImage(@ForAll("programs") List<Op> program) {
        Layer image = Trees.ubuntuLike();
        Trees.Clock clock = new Trees.Clock(10_000);
        OverlayFs overlay = new OverlayFs(List.of(image), clock);
        MemoryFs plain = new MemoryFs(clock);
        FsCopy.copy(new LayerFs(image), "/", plain, "/");
        long step = 0;
        int succeeded = 0;
        for (Op op : program) {
            clock.now = 20_000 + step++;
            String result = outcome(overlay, op);
            assertThat(result).as(op.toString()).isEqualTo(outcome(plain, op));
            succeeded += result.equals("ok") ? 1 : 0;
        }
        // Shows in the jqwik report that programs do change the tree, so the comparison has teeth.
        Statistics.label("successful calls").collect(Math.min(succeeded, 5) + (succeeded >= 5 ? "+" : ""));
        assertThat(Trees.dump(overlay)).isEqualTo(Trees.dump(plain));

        Layer committed = overlay.commit();
        assertThat(Trees.dump(new LayerFs(List.of(image, committed)))).isEqualTo(Trees.dump(overlay));
        LayerFs before = new LayerFs(image);
        for (FsChange change : overlay.changes()) {
            boolean existedBefore = before.lstatOrNull(change.path()) != null;
            boolean existsNow = overlay.lstatOrNull(change.path()) != null;
            switch (change.kind()) {
                case ADDED -> assertThat(!existedBefore && existsNow).as(change.line()).isTrue();
                case CHANGED -> assertThat(existedBefore && existsNow).as(change.line()).isTrue();
                // A directory deleted and made again is reported D (it is opaque now), so it may exist.
                case DELETED -> assertThat(existedBefore).as(change.line()).isTrue();
            }
        }
        List<FsPath> paths = overlay.changes().stream().map(c -> FsPath.of(c.path())).toList();
        assertThat(paths).isSorted().doesNotHaveDuplicates();
    }
}
