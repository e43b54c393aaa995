package clusterlab.kernel.fs;

import java.util.Objects;

/** One entry of a {@link MountTable}: {@code fs} appears at {@code target}, read-only or not. */
public record Mount(FsPath target, Filesystem fs, boolean readOnly) {
    public Mount {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(fs, "fs");
    }
}
