package clusterlab.kernel.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes each record's canonical JSON as one line of a file (JSON Lines). */
public final class JsonLinesTraceSink implements TraceSink {
    private final Path path;
    private final BufferedWriter out;

    public JsonLinesTraceSink(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace to " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(TraceRecord record, String canonicalJson) {
        try {
            out.write(canonicalJson);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace to " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close trace " + path + ": " + e.getMessage(), e);
        }
    }
}
