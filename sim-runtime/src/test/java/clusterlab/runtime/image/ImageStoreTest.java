package clusterlab.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.kernel.fs.Layer;
import clusterlab.kernel.fs.LayerEntry;
import clusterlab.kernel.fs.Blob;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageStoreTest {

    private static Image small(String marker, long created) {
        Layer l = Layer.of(List.of(LayerEntry.file("/" + marker, Blob.ofUtf8(marker), 0644, 0, 0, 0)));
        return Image.of(ImageConfig.empty().withCmd(List.of("sh")), List.of(l),
                List.of(HistoryEntry.layer(created, "COPY " + marker)), created, null);
    }

    @Test
    void resolvesNamesThenIdPrefixes() {
        ImageStore store = new ImageStore();
        Image a = small("a", 1);
        store.tag(a, ImageReference.parse("nginx"));
        String hex = a.id().substring(7);
        assertThat(store.resolve("nginx")).contains(a);
        assertThat(store.resolve("nginx:latest")).contains(a);
        assertThat(store.resolve("docker.io/library/nginx:latest")).contains(a);
        assertThat(store.resolve(hex.substring(0, 1))).contains(a);
        assertThat(store.resolve(a.shortId())).contains(a);
        assertThat(store.resolve("sha256:" + hex.substring(0, 5))).contains(a);
        assertThat(store.resolve(a.id())).contains(a);
        assertThat(store.resolve(hex)).contains(a);
        assertThat(store.resolve("nginx:1.12")).isEmpty();
        assertThat(store.resolve("UPPER")).isEmpty();
        assertThatThrownBy(() -> store.resolveStrict("x")).isInstanceOf(NoSuchImageException.class)
                .hasMessage("No such image: x:latest");
        assertThatThrownBy(() -> store.resolveStrict("nginx:9.9")).hasMessage("No such image: nginx:9.9");
        assertThatThrownBy(() -> store.resolveStrict("sha256:" + "0".repeat(64))).hasMessage("No such image: sha256:" + "0".repeat(64));
        assertThatThrownBy(() -> store.resolveStrict("Bad")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid reference format: repository name must be lowercase");
    }

    @Test
    void ambiguousPrefixFindsNothing() {
        ImageStore store = new ImageStore();
        // Find two images whose ids share a first hex digit (16 candidates suffice by pigeonhole... use 17).
        Image first = null;
        Image second = null;
        for (int i = 0; i < 17 && second == null; i++) {
            Image img = small("m" + i, i);
            store.add(img);
            for (Image other : store.images()) {
                if (other != img && other.id().charAt(7) == img.id().charAt(7)) {
                    first = other;
                    second = img;
                }
            }
        }
        assertThat(second).isNotNull();
        String prefix = first.id().substring(7, 8);
        assertThat(store.resolve(prefix)).isEmpty();
        assertThat(store.resolve(first.shortId())).contains(first);
        assertThat(store.images()).hasSizeGreaterThan(1);
        assertThat(store.images().get(0).createdNanos()).isGreaterThanOrEqualTo(store.images().get(1).createdNanos());
    }

    @Test
    void tagsMoveAndImagesDangle() {
        ImageStore store = new ImageStore();
        Image a = small("a", 1);
        Image b = small("b", 2);
        store.tag(a, ImageReference.parse("app"));
        store.tag(a, ImageReference.parse("app:v1"));
        assertThat(store.tagsOf(a)).extracting(ImageReference::familiarString).containsExactly("app:latest", "app:v1");
        assertThat(store.tag(b, ImageReference.parse("app"))).contains(a);
        assertThat(store.tagsOf(a)).extracting(ImageReference::familiarString).containsExactly("app:v1");
        assertThat(store.untag(ImageReference.parse("app:v1"))).contains(a);
        assertThat(store.isDangling(a)).isTrue();
        assertThat(store.resolve(a.shortId())).contains(a);
        store.addDigest(b, ImageReference.parse("app"), "sha256:" + "b".repeat(64));
        assertThat(store.digestsOf(b)).extracting(ImageReference::familiarString).containsExactly("app@sha256:" + "b".repeat(64));
        assertThat(store.resolve("app@sha256:" + "b".repeat(64))).contains(b);
        assertThat(store.remove(b)).isTrue();
        assertThat(store.resolve("app")).isEmpty();
        assertThat(store.layerStore().contains(b.layers().get(0).digest())).isFalse();
    }

    @Test
    void sharedLayersAreCountedOnce() {
        ImageStore store = new ImageStore();
        Image a = OfficialImages.shared().image("nginx:1.12").orElseThrow();
        Image b = OfficialImages.shared().image("nginx:1.13").orElseThrow();
        store.tag(a, ImageReference.parse("nginx:1.12"));
        store.tag(b, ImageReference.parse("nginx:1.13"));
        // The Debian base and the identical log-symlink layer are shared; the nginx install is not.
        long shared = a.layers().get(0).sizeBytes() + a.layers().get(2).sizeBytes();
        assertThat(a.layers().get(2).digest()).isEqualTo(b.layers().get(2).digest());
        assertThat(store.layerStore().distinctLayerBytes()).isEqualTo(a.sizeBytes() + b.sizeBytes() - shared)
                .isLessThan(a.sizeBytes() + b.sizeBytes());
        assertThat(store.layerStore().layers()).hasSize(4);
        assertThat(store.layerStore().layerUsers(a.layers().get(0))).isEqualTo(2);
        assertThat(store.layerStore().layerUsers(a.layers().get(1))).isEqualTo(1);
        store.remove(a);
        assertThat(store.layerStore().layerUsers(b.layers().get(0))).isEqualTo(1);
        assertThat(store.layerStore().distinctLayerBytes()).isEqualTo(b.sizeBytes());
    }

    @Test
    void sameContentSameId() {
        assertThat(small("x", 5).id()).isEqualTo(small("x", 5).id());
        assertThat(small("x", 5).id()).isNotEqualTo(small("x", 6).id());
        assertThat(small("x", 5).configJson()).contains("\"diff_ids\":[\"sha256:");
    }
}
