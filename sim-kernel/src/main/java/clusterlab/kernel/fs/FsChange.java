package clusterlab.kernel.fs;

import java.util.List;
import java.util.Objects;

/** One line of {@code docker diff}: a path added (A), changed (C) or deleted (D) in a container. */
public record FsChange(Kind kind, String path) {
    public enum Kind {
        ADDED("A"), CHANGED("C"), DELETED("D");

        private final String letter;

        Kind(String letter) { this.letter = letter; }

        /** The letter docker prints ({@code {{.Type}}}). */
        public String letter() { return letter; }
    }

    public FsChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    /** {@code "C /etc"}: the {@code {{.Type}} {{.Path}}} line docker prints. */
    public String line() { return kind.letter() + " " + path; }

    /** The whole output of {@code docker diff}: one line per change, each ending in a newline. */
    public static String formatDockerDiff(List<FsChange> changes) {
        StringBuilder out = new StringBuilder();
        for (FsChange c : changes) {
            out.append(c.line()).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() { return line(); }
}
