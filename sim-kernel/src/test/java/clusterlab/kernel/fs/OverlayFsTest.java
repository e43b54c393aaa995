package clusterlab.kernel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayFsTest {
    private final Layer base = Trees.ubuntuLike();
    private final Trees.Clock clock = new Trees.Clock(50_000);
    private final OverlayFs container = new OverlayFs(List.of(base), clock);

    @Test
    void readsFallThroughToTheLayers() {
        assertThat(container.readString("/etc/hostname")).isEqualTo("ubuntu\n");
        assertThat(container.list("/etc")).containsExactly("group", "hostname", "passwd");
        assertThat(container.stat("/tmp").modeString()).isEqualTo("drwxrwxrwt");
        assertThat(container.readString("/usr/bin/sh")).isEqualTo("#!sh");
        assertThat(container.changes()).isEmpty();
        assertThat(container.upperSizeBytes()).isZero();
    }

    @Test
    void creatingAFileShowsItsParentAsChanged() {
        container.writeString("/tmp/x", "hi");
        assertThat(Trees.lines(container.changes())).containsExactly("C /tmp", "A /tmp/x");
        assertThat(FsChange.formatDockerDiff(container.changes())).isEqualTo("C /tmp\nA /tmp/x\n");
        assertThat(container.stat("/tmp").modeString()).as("copy-up keeps the mode").isEqualTo("drwxrwxrwt");
    }

    @Test
    void deletingALowerFileLeavesAWhiteout() {
        container.unlink("/etc/passwd");
        assertThat(Trees.lines(container.changes())).containsExactly("C /etc", "D /etc/passwd");
        assertThat(container.list("/etc")).containsExactly("group", "hostname");
        assertThat(container.exists("/etc/passwd")).isFalse();
        assertThat(new LayerFs(base).exists("/etc/passwd")).as("the layer is untouched").isTrue();
        assertThat(container.commit().entry("/etc/passwd")).get()
                .extracting(LayerEntry::kind).isEqualTo(EntryKind.WHITEOUT);
    }

    @Test
    void rewritingALowerFileShowsOnlyTheFileAsOverlay2Does() {
        container.appendString("/etc/hostname", "more\n");
        assertThat(container.readString("/etc/hostname")).isEqualTo("ubuntu\nmore\n");
        assertThat(Trees.lines(container.changes())).containsExactly("C /etc/hostname");
        assertThat(container.stat("/etc/hostname").mtimeNanos()).isEqualTo(50_000);
        assertThat(container.stat("/etc").mtimeNanos()).as("copy-up restores the parent's times").isEqualTo(1_000);
    }

    @Test
    void chmodAndChownCopyUp() {
        container.chmod("/bin/sh", 0700);
        container.chown("/var/log/dpkg.log", 101, 101);
        assertThat(Trees.lines(container.changes())).containsExactly("C /bin/sh", "C /var/log/dpkg.log");
        assertThat(new LayerFs(base).stat("/bin/sh").mode()).isEqualTo(0755);
        assertThat(container.stat("/bin/sh").mode()).isEqualTo(0700);
        assertThat(container.readString("/bin/sh")).isEqualTo("#!sh");
    }

    @Test
    void aNewDirectoryListsItsChildrenAsAdded() {
        container.mkdirs("/app/static");
        container.writeString("/app/app.py", "print()");
        container.writeString("/app/static/i.css", "");
        assertThat(Trees.lines(container.changes()))
                .containsExactly("A /app", "A /app/app.py", "A /app/static", "A /app/static/i.css");
    }

    @Test
    void deletingADirectoryShowsOnlyTheDirectory() {
        container.removeRecursive("/var/log");
        assertThat(Trees.lines(container.changes())).containsExactly("C /var", "D /var/log");
        container.removeRecursive("/usr");
        assertThat(Trees.lines(container.changes())).containsExactly("D /usr", "C /var", "D /var/log");
        assertThat(container.list("/")).containsExactly("bin", "etc", "tmp", "var");
    }

    @Test
    void addingThenDeletingANewFileLeavesNoTrace() {
        container.writeString("/etc/new", "x");
        container.unlink("/etc/new");
        assertThat(container.commit().entry("/etc/new")).as("no whiteout needed").isEmpty();
        assertThat(container.list("/etc")).containsExactly("group", "hostname", "passwd");
    }

    @Test
    void aDirectoryRemovedAndRecreatedIsOpaque() {
        container.removeRecursive("/etc");
        container.mkdir("/etc");
        container.writeString("/etc/only", "1");
        assertThat(container.list("/etc")).containsExactly("only");
        assertThat(container.exists("/etc/passwd")).isFalse();
        assertThat(Trees.lines(container.changes())).containsExactly("D /etc", "A /etc/only");
        LayerEntry etc = container.commit().entry("/etc").orElseThrow();
        assertThat(etc.kind()).isEqualTo(EntryKind.DIRECTORY);
        assertThat(etc.opaque()).isTrue();
        assertThat(new String(container.commit().canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("etc/.wh..wh..opq");
    }

    @Test
    void aFileRecreatedOverItsWhiteoutIsChanged() {
        container.unlink("/etc/passwd");
        container.writeString("/etc/passwd", "new");
        assertThat(Trees.lines(container.changes())).containsExactly("C /etc", "C /etc/passwd");
        assertThat(container.stat("/etc/passwd").mode()).isEqualTo(FsDefaults.FILE_MODE);
    }

    @Test
    void overlaysSharingLayersDoNotSeeEachOthersWrites() {
        OverlayFs other = new OverlayFs(List.of(base), clock);
        container.writeString("/tmp/mine", "secret");
        container.unlink("/etc/group");
        container.appendString("/etc/hostname", "x");
        assertThat(other.exists("/tmp/mine")).isFalse();
        assertThat(other.exists("/etc/group")).isTrue();
        assertThat(other.readString("/etc/hostname")).isEqualTo("ubuntu\n");
        assertThat(other.changes()).isEmpty();
    }

    @Test
    void renamingALowerDirectoryMovesItsWholeTree() {
        container.rename("/var", "/srv");
        assertThat(container.readString("/srv/log/dpkg.log")).isEqualTo("installed\n");
        assertThat(container.exists("/var")).isFalse();
        assertThat(Trees.lines(container.changes())).containsExactly(
                "A /srv", "A /srv/log", "A /srv/log/dpkg.log", "D /var");
        container.mkdir("/var");
        assertThat(container.list("/var")).as("the recreated directory hides the old one").isEmpty();
    }

    @Test
    void renameOntoAnEmptyLowerDirectoryHidesItsOldContentsForGood() {
        container.mkdir("/newtmp");
        container.writeString("/newtmp/a", "a");
        container.removeRecursive("/var/log");
        container.mkdir("/var/log");
        container.rename("/newtmp", "/var/log");
        assertThat(container.list("/var/log")).containsExactly("a");
    }

    @Test
    void commitThenStackingReproducesTheView() {
        clock.now = 60_000;
        container.writeString("/tmp/x", "x");
        container.unlink("/etc/passwd");
        container.chmod("/bin/sh", 0700);
        container.removeRecursive("/var");
        container.mkdirs("/var/lib/app");
        container.symlink("/var/lib/app", "/data");
        container.rename("/etc/group", "/etc/group.bak");
        Layer committed = container.commit();

        List<Layer> stacked = List.of(base, committed);
        assertThat(Trees.dump(new LayerFs(stacked))).isEqualTo(Trees.dump(container));
        OverlayFs next = new OverlayFs(stacked, clock);
        assertThat(Trees.dump(next)).isEqualTo(Trees.dump(container));
        assertThat(next.changes()).isEmpty();
        assertThat(committed.sizeBytes()).isEqualTo(container.upperSizeBytes());
    }

    @Test
    void upperSizeCountsWhatTheContainerWrote() {
        container.writeString("/tmp/a", "12345");
        container.chmod("/etc/passwd", 0600);
        assertThat(container.upperSizeBytes()).isEqualTo(5 + container.stat("/etc/passwd").sizeBytes());
    }

    @Test
    void writesOnALayerFsAreRefused() {
        LayerFs image = new LayerFs(base);
        assertThatThrownBy(() -> image.writeString("/etc/x", "1"))
                .isInstanceOf(FsException.class).hasMessage("/etc/x: Read-only file system");
        assertThatThrownBy(() -> image.unlink("/etc/passwd")).isInstanceOf(FsException.class)
                .extracting(e -> ((FsException) e).errno()).isEqualTo(Errno.EROFS);
    }

    @Test
    void anOverlayWithoutLayersIsAPlainWritableTree() {
        OverlayFs empty = new OverlayFs(List.of(), clock);
        empty.mkdir("/a");
        empty.writeString("/a/f", "1");
        empty.removeRecursive("/a");
        empty.mkdir("/a");
        assertThat(empty.list("/a")).isEmpty();
        assertThat(empty.commit().entries()).extracting(LayerEntry::opaque).containsExactly(false);
        List<String> lines = new ArrayList<>(Trees.lines(empty.changes()));
        assertThat(lines).containsExactly("A /a");
    }
}
