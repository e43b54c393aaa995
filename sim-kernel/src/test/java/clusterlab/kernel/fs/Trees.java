package clusterlab.kernel.fs;

import java.util.List;
import java.util.function.LongSupplier;

/** Fixtures: a small ubuntu-like base layer, and a textual dump of any tree for comparing views. */
final class Trees {
    private Trees() {}

    /** A virtual clock tests can move: {@code clock.now = ...}. */
    static final class Clock implements LongSupplier {
        long now;

        Clock(long now) { this.now = now; }

        @Override
        public long getAsLong() { return now; }
    }

    static Layer ubuntuLike() {
        long t = 1_000;
        return Layer.of(List.of(
                LayerEntry.directory("/bin", 0755, 0, 0, t),
                LayerEntry.file("/bin/sh", Blob.ofUtf8("#!sh"), 0755, 0, 0, t),
                LayerEntry.directory("/etc", 0755, 0, 0, t),
                LayerEntry.file("/etc/passwd", Blob.ofUtf8("root:x:0:0:root:/root:/bin/bash\n"), 0644, 0, 0, t),
                LayerEntry.file("/etc/hostname", Blob.ofUtf8("ubuntu\n"), 0644, 0, 0, t),
                LayerEntry.file("/etc/group", Blob.ofUtf8("root:x:0:\n"), 0644, 0, 0, t),
                LayerEntry.directory("/tmp", 01777, 0, 0, t),
                LayerEntry.directory("/var", 0755, 0, 0, t),
                LayerEntry.directory("/var/log", 0755, 0, 0, t),
                LayerEntry.file("/var/log/dpkg.log", Blob.ofUtf8("installed\n"), 0644, 0, 0, t),
                LayerEntry.directory("/usr", 0755, 0, 0, t),
                LayerEntry.directory("/usr/bin", 0755, 0, 0, t),
                LayerEntry.symlink("/usr/bin/sh", "/bin/sh", 0, 0, t)));
    }

    /** Every entry below the root with its type, mode, owner, mtime and content or target. */
    static String dump(Filesystem fs) {
        StringBuilder out = new StringBuilder();
        FsWalk.walk(fs, FsPath.ROOT, (path, stat) -> {
            if (path.isRoot()) {
                return;
            }
            out.append(stat.modeString()).append(' ').append(stat.uid()).append(':').append(stat.gid())
                    .append(' ').append(stat.mtimeNanos()).append(' ').append(path);
            if (stat.isRegularFile()) {
                out.append(" = ").append(fs.readString(path.toString()));
            } else if (stat.isSymlink()) {
                out.append(" -> ").append(fs.readlink(path.toString()));
            }
            out.append('\n');
        });
        return out.toString();
    }

    static List<String> lines(List<FsChange> changes) {
        return changes.stream().map(FsChange::line).toList();
    }
}
