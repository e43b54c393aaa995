package clusterlab.kernel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class FsPathTest {

    @Test
    void normalizesDotsDoubleSlashesAndTrailingSlash() {
        assertThat(FsPath.normalize("//a/./b/../c/")).isEqualTo("/a/c");
        assertThat(FsPath.normalize("/..")).isEqualTo("/");
        assertThat(FsPath.normalize("/../../etc")).isEqualTo("/etc");
        assertThat(FsPath.normalize("/")).isEqualTo("/");
        assertThat(FsPath.normalize("/a/b/../../..")).isEqualTo("/");
    }

    @Test
    void resolvesRelativeToCwdAndIgnoresCwdForAbsolute() {
        FsPath cwd = FsPath.of("/home/user");
        assertThat(FsPath.resolve(cwd, "../x").toString()).isEqualTo("/home/x");
        assertThat(FsPath.resolve(cwd, "docs/./a").toString()).isEqualTo("/home/user/docs/a");
        assertThat(FsPath.resolve(cwd, "/etc/passwd").toString()).isEqualTo("/etc/passwd");
        assertThat(FsPath.resolve(cwd, "").toString()).isEqualTo("/home/user");
    }

    @Test
    void parentNameChildAndRelations() {
        FsPath p = FsPath.of("/usr/share/nginx");
        assertThat(p.parent().toString()).isEqualTo("/usr/share");
        assertThat(p.name()).isEqualTo("nginx");
        assertThat(FsPath.ROOT.parent()).isEqualTo(FsPath.ROOT);
        assertThat(FsPath.ROOT.name()).isEmpty();
        assertThat(p.child("html").toString()).isEqualTo("/usr/share/nginx/html");
        assertThat(p.startsWith(FsPath.of("/usr"))).isTrue();
        assertThat(FsPath.of("/usrx").startsWith(FsPath.of("/usr"))).isFalse();
        assertThat(p.relativeTo(FsPath.of("/usr")).toString()).isEqualTo("/share/nginx");
        assertThat(FsPath.of("/data").append(FsPath.of("/db/x")).toString()).isEqualTo("/data/db/x");
        assertThatThrownBy(() -> p.child("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FsPath.of("relative")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersSegmentBySegmentLikeAWalk() {
        List<FsPath> paths = new ArrayList<>(List.of(FsPath.of("/etc-x"), FsPath.of("/etc/x"), FsPath.of("/etc"), FsPath.of("/")));
        paths.sort(null);
        assertThat(paths).extracting(FsPath::toString).containsExactly("/", "/etc", "/etc/x", "/etc-x");
    }

    @Provide
    Arbitrary<String> messyPaths() {
        Arbitrary<String> segment = Arbitraries.of("a", "b", "etc", "..", ".", "", "x y");
        return segment.list().ofMaxSize(12).map(s -> "/" + String.join("/", s));
    }

    @Property(tries = 300)
    void normalizeIsIdempotent(@ForAll("messyPaths") String path) {
        String once = FsPath.normalize(path);
        assertThat(FsPath.normalize(once)).isEqualTo(once);
    }

    @Property(tries = 300)
    void normalizeNeverEscapesRootNorKeepsDotSegments(@ForAll("messyPaths") String path) {
        String normalized = FsPath.normalize(path);
        assertThat(normalized).startsWith("/");
        assertThat(normalized.equals("/") || !normalized.endsWith("/")).isTrue();
        for (String segment : FsPath.of(normalized).segments()) {
            assertThat(segment).isNotIn("", ".", "..");
        }
    }

    @Property(tries = 300)
    void resolveOfAbsoluteIgnoresCwd(@ForAll("messyPaths") String cwd, @ForAll("messyPaths") String path) {
        assertThat(FsPath.resolve(FsPath.of(cwd), path)).isEqualTo(FsPath.of(path));
    }
}
