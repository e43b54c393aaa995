package clusterlab.kernel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountTest {
    private final Trees.Clock clock = new Trees.Clock(10);
    private final MemoryFs host = new MemoryFs(clock);
    private final Layer nginxImage = Layer.of(List.of(
            LayerEntry.directory("/usr/share/nginx/html", 0755, 0, 0, 0),
            LayerEntry.file("/usr/share/nginx/html/index.html", Blob.ofUtf8("Welcome to nginx!"), 0644, 0, 0, 0),
            LayerEntry.directory("/data", 0755, 0, 0, 0)));
    private final OverlayFs rootfs = new OverlayFs(List.of(nginxImage), clock);
    private final MountTable table = new MountTable(rootfs);
    private final MountedFs container = new MountedFs(table);

    MountTest() {
        host.mkdirs("/etc");
        host.writeString("/etc/hostname", "node1\n");
    }

    @Test
    void aReadOnlyFileBindMountShowsTheSourceAndFollowsItsChanges() {
        table.mount("/usr/share/nginx/html/index.html", new BindFs(host, "/etc/hostname"), true);
        assertThat(container.readString("/usr/share/nginx/html/index.html")).isEqualTo("node1\n");
        host.writeString("/etc/hostname", "node2\n");
        assertThat(container.readString("/usr/share/nginx/html/index.html")).isEqualTo("node2\n");
        assertThat(container.stat("/usr/share/nginx/html/index.html").isRegularFile()).isTrue();

        assertThatThrownBy(() -> container.writeString("/usr/share/nginx/html/index.html", "hacked"))
                .isInstanceOfSatisfying(FsException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EROFS);
                    assertThat(e.reason()).isEqualTo("Read-only file system");
                });
        assertThatThrownBy(() -> container.chmod("/usr/share/nginx/html/index.html", 0777))
                .hasMessageEndingWith("Read-only file system");
        assertThat(host.readString("/etc/hostname")).isEqualTo("node2\n");
        assertThat(rootfs.readString("/usr/share/nginx/html/index.html")).as("hidden, not replaced")
                .isEqualTo("Welcome to nginx!");
    }

    @Test
    void aReadOnlyDirectoryMountRefusesEveryChange() {
        host.mkdirs("/srv/site");
        host.writeString("/srv/site/a.html", "a");
        table.mount("/usr/share/nginx/html", new BindFs(host, "/srv/site"), true);
        assertThat(container.list("/usr/share/nginx/html")).containsExactly("a.html");
        for (Runnable write : List.<Runnable>of(
                () -> container.writeString("/usr/share/nginx/html/b.html", "b"),
                () -> container.unlink("/usr/share/nginx/html/a.html"),
                () -> container.mkdir("/usr/share/nginx/html/sub"),
                () -> container.symlink("a.html", "/usr/share/nginx/html/l"))) {
            assertThatThrownBy(write::run).isInstanceOfSatisfying(FsException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EROFS));
        }
        assertThat(host.list("/srv/site")).containsExactly("a.html");
    }

    @Test
    void aWritableVolumeTakesWritesAndTheRootfsDoesNot() {
        MemoryFs volume = new MemoryFs(clock);
        table.mount("/data/db", volume, false);
        container.writeString("/data/db/journal", "j");
        assertThat(volume.readString("/journal")).isEqualTo("j");
        assertThat(rootfs.changes()).isEmpty();
        assertThat(container.list("/data")).as("the mount point shows in its parent").containsExactly("db");
        container.writeString("/data/top", "t");
        assertThat(Trees.lines(rootfs.changes())).containsExactly("C /data", "A /data/top");
    }

    @Test
    void symlinksResolveInTheContainerNamespace() {
        MemoryFs volume = new MemoryFs(clock);
        volume.symlink("/usr/share/nginx/html", "/site");
        table.mount("/vol", volume, false);
        assertThat(container.readString("/vol/site/index.html")).isEqualTo("Welcome to nginx!");
        container.symlink("/vol", "/shortcut");
        container.writeString("/shortcut/new", "n");
        assertThat(volume.readString("/new")).isEqualTo("n");
    }

    @Test
    void mountPointsAreBusyAndRenameDoesNotCrossMounts() {
        MemoryFs volume = new MemoryFs(clock);
        volume.writeString("/f", "x");
        table.mount("/data/db", volume, false);
        assertThatThrownBy(() -> container.rmdir("/data/db")).isInstanceOfSatisfying(FsException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        assertThatThrownBy(() -> container.removeRecursive("/data")).isInstanceOfSatisfying(FsException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
        assertThatThrownBy(() -> container.rename("/data/db/f", "/f")).isInstanceOfSatisfying(FsException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EXDEV));
        container.rename("/data/db/f", "/data/db/g");
        assertThat(volume.list("/")).containsExactly("g");
        assertThatThrownBy(() -> table.mount("/data/db", volume, false)).isInstanceOf(FsException.class);
        table.unmount("/data/db");
        assertThat(container.list("/data")).isEmpty();
        assertThatThrownBy(() -> table.unmount("/data/db")).isInstanceOf(FsException.class);
    }

    @Test
    void missingDirectoriesOnTheWayToAMountPointAppear() {
        table.mount("/run/secrets/token", new BindFs(host, "/etc/hostname"), true);
        assertThat(container.stat("/run").isDirectory()).isTrue();
        assertThat(container.list("/run/secrets")).containsExactly("token");
        assertThat(container.readString("/run/secrets/token")).isEqualTo("node1\n");
    }

    @Test
    void aBindOfAMissingSourceFails() {
        assertThatThrownBy(() -> new BindFs(host, "/nope")).isInstanceOfSatisfying(FsException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void aReadOnlyRootStillAllowsWritesToWritableMounts() {
        MountTable readOnlyRoot = new MountTable(rootfs);
        readOnlyRoot.mount("/", rootfs, true);
        MemoryFs tmpfs = new MemoryFs(clock);
        readOnlyRoot.mount("/tmp", tmpfs, false);
        MountedFs view = new MountedFs(readOnlyRoot);
        assertThatThrownBy(() -> view.writeString("/x", "1")).hasMessage("/x: Read-only file system");
        view.writeString("/tmp/x", "1");
        assertThat(tmpfs.readString("/x")).isEqualTo("1");
        MountTable copy = readOnlyRoot.copy();
        copy.unmount("/tmp");
        assertThat(readOnlyRoot.mounts()).hasSize(2);
        assertThat(copy.mounts()).hasSize(1);
    }
}
