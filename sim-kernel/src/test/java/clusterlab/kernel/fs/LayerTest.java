package clusterlab.kernel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerTest {

    private static List<LayerEntry> entries(long mtime, String passwd, int passwdMode, int uid) {
        return List.of(
                LayerEntry.directory("/etc", 0755, 0, 0, mtime),
                LayerEntry.file("/etc/passwd", Blob.ofUtf8(passwd), passwdMode, uid, 0, mtime),
                LayerEntry.symlink("/etc/localtime", "/usr/share/zoneinfo/UTC", 0, 0, mtime),
                LayerEntry.whiteout("/etc/old"),
                LayerEntry.opaqueDirectory("/var/cache", 0755, 0, 0, mtime));
    }

    @Test
    void digestIgnoresInsertionOrderAndMtimes() {
        List<LayerEntry> shuffled = new ArrayList<>(entries(99, "root", 0644, 0));
        Collections.reverse(shuffled);
        Layer a = Layer.of(entries(1, "root", 0644, 0));
        Layer b = Layer.of(shuffled);
        assertThat(b.digest()).isEqualTo(a.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(b.canonicalBytes()).isEqualTo(a.canonicalBytes());
    }

    @Test
    void digestChangesWithContentModeOwnerAndWhiteouts() {
        String digest = Layer.of(entries(1, "root", 0644, 0)).digest();
        assertThat(Layer.of(entries(1, "rooT", 0644, 0)).digest()).isNotEqualTo(digest);
        assertThat(Layer.of(entries(1, "root", 0600, 0)).digest()).isNotEqualTo(digest);
        assertThat(Layer.of(entries(1, "root", 0644, 1)).digest()).isNotEqualTo(digest);
        List<LayerEntry> withoutWhiteout = new ArrayList<>(entries(1, "root", 0644, 0));
        withoutWhiteout.remove(3);
        assertThat(Layer.of(withoutWhiteout).digest()).isNotEqualTo(digest);
    }

    @Test
    void canonicalFormUsesDockersWhiteoutNamesAndLengthPrefixes() {
        String text = new String(Layer.of(entries(1, "root", 0644, 0)).canonicalBytes(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("clusterlab-layer/1\n"
                + "d 0755 0 0 4:etc/\n"
                + "l 0777 0 0 13:etc/localtime 23:/usr/share/zoneinfo/UTC\n"
                + "w 0000 0 0 11:etc/.wh.old\n"
                + "f 0644 0 0 10:etc/passwd 4\nroot\n"
                + "d 0755 0 0 4:var/\n"
                + "d 0755 0 0 10:var/cache/\n"
                + "w 0000 0 0 22:var/cache/.wh..wh..opq\n");
    }

    @Test
    void sizeAddsFilesAndSymlinksAndEntriesComeBackInPathOrder() {
        Layer layer = Layer.of(entries(1, "root", 0644, 0));
        assertThat(layer.sizeBytes()).isEqualTo(4 + "/usr/share/zoneinfo/UTC".length());
        assertThat(layer.entries()).extracting(e -> e.path().toString())
                .containsExactly("/etc", "/etc/localtime", "/etc/old", "/etc/passwd", "/var", "/var/cache");
        assertThat(layer.entry("/var").orElseThrow().mode()).as("implicit parent").isEqualTo(0755);
        assertThat(layer.entry("/etc/old").orElseThrow().tarName()).isEqualTo("etc/.wh.old");
        assertThat(Layer.EMPTY.entries()).isEmpty();
    }

    @Test
    void rejectsDuplicatesAndEntriesBelowAFile() {
        assertThatThrownBy(() -> Layer.of(List.of(LayerEntry.whiteout("/a"), LayerEntry.whiteout("/a"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Layer.of(List.of(LayerEntry.file("/a", Blob.EMPTY, 0644, 0, 0, 0),
                LayerEntry.file("/a/b", Blob.EMPTY, 0644, 0, 0, 0)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LayerEntry.whiteout("/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotOfAMemoryFsCapturesTheTreeAndSharesItsBlobs() {
        MemoryFs host = new MemoryFs(() -> 3);
        host.mkdirs("/etc/nginx");
        host.writeString("/etc/nginx/nginx.conf", "worker_processes 1;");
        host.chown("/etc/nginx/nginx.conf", 101, 101);
        host.symlink("nginx/nginx.conf", "/etc/conf");
        Layer layer = Layer.snapshot(host);
        assertThat(Trees.dump(new LayerFs(layer))).isEqualTo(Trees.dump(host));
        assertThat(new ContentAccounting().add(host).add(layer).distinctBlobs()).isEqualTo(1);
        host.writeString("/etc/nginx/nginx.conf", "changed");
        assertThat(new LayerFs(layer).readString("/etc/nginx/nginx.conf")).as("immutable").isEqualTo("worker_processes 1;");
    }

    @Test
    void upperLayersWinAndWhiteoutsHideLowerOnes() {
        Layer bottom = Layer.of(List.of(
                LayerEntry.file("/a", Blob.ofUtf8("bottom"), 0644, 0, 0, 0),
                LayerEntry.file("/d/keep", Blob.ofUtf8("k"), 0644, 0, 0, 0),
                LayerEntry.file("/d/gone", Blob.ofUtf8("g"), 0644, 0, 0, 0)));
        Layer top = Layer.of(List.of(
                LayerEntry.file("/a", Blob.ofUtf8("top"), 0644, 0, 0, 0),
                LayerEntry.whiteout("/d/gone"),
                LayerEntry.file("/d/new", Blob.ofUtf8("n"), 0644, 0, 0, 0)));
        LayerFs view = new LayerFs(List.of(bottom, top));
        assertThat(view.readString("/a")).isEqualTo("top");
        assertThat(view.list("/d")).containsExactly("keep", "new");
        Layer opaque = Layer.of(List.of(LayerEntry.opaqueDirectory("/d", 0700, 0, 0, 0)));
        LayerFs hidden = new LayerFs(List.of(bottom, top, opaque));
        assertThat(hidden.list("/d")).isEmpty();
        assertThat(hidden.stat("/d").mode()).isEqualTo(0700);
    }
}
