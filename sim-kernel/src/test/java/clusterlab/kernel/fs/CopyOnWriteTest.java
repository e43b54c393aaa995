package clusterlab.kernel.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layers are shared, not copied: 100 containers over one 10 MB image cost the image once. */
class CopyOnWriteTest {
    private static final int IMAGE_BYTES = 10 * 1024 * 1024;

    @Test
    void hundredOverlaysCostTheLayerOncePlusTheirUppers() {
        byte[] big = new byte[IMAGE_BYTES];
        for (int i = 0; i < big.length; i += 4096) {
            big[i] = (byte) i;
        }
        Layer image = Layer.of(List.of(
                LayerEntry.file("/usr/lib/libbig.so", Blob.of(big), 0755, 0, 0, 0),
                LayerEntry.file("/etc/config", Blob.ofUtf8("a=1\n"), 0644, 0, 0, 0)));
        Trees.Clock clock = new Trees.Clock(1);
        List<OverlayFs> containers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            OverlayFs c = new OverlayFs(List.of(image), clock);
            c.writeString("/etc/config", "a=" + i + "\n");
            c.chmod("/usr/lib/libbig.so", 0700);
            containers.add(c);
        }
        ContentAccounting accounting = new ContentAccounting().add(image);
        containers.forEach(accounting::add);
        long uppers = 0;
        for (OverlayFs c : containers) {
            uppers += c.readFile("/etc/config").length;
        }
        // The big file was copied up 100 times (chmod), but its bytes are stored once.
        assertThat(accounting.distinctContentBytes()).isEqualTo(image.sizeBytes() + uppers);
        assertThat(accounting.distinctContentBytes()).isLessThan(IMAGE_BYTES + 100 * 1024);
        // Docker's view of each container still counts the copied-up file, as `docker ps -s` would.
        assertThat(containers.get(7).upperSizeBytes()).isEqualTo(IMAGE_BYTES + "a=7\n".length());
        assertThat(containers.get(7).readFile("/usr/lib/libbig.so")[4096]).isEqualTo(big[4096]);
    }

    @Test
    void rewritingACopiedUpFileReplacesItsBlobAndLeavesTheLayerAlone() {
        Layer image = Layer.of(List.of(LayerEntry.file("/f", Blob.ofUtf8("old"), 0644, 0, 0, 0)));
        OverlayFs c = new OverlayFs(List.of(image), () -> 0);
        Blob shared = image.entry("/f").orElseThrow().content();
        c.chmod("/f", 0600);
        assertThat(c.content("/f")).isSameAs(shared);
        c.writeString("/f", "new");
        assertThat(c.content("/f")).isNotSameAs(shared);
        assertThat(new LayerFs(image).readString("/f")).isEqualTo("old");
        assertThat(c.stat("/f").mode()).isEqualTo(0600);
    }
}
