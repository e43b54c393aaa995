package clusterlab.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Remembers, per lesson, the step the person was last on, in {@code progress.properties} under
 * {@code ${user.home}/.clusterlab} (or the directory in the system property
 * {@value #DIRECTORY_PROPERTY}, which tests set so they never touch the real home). A file that
 * cannot be read or written costs only the convenience, never the lesson: errors are swallowed
 * and reported by {@link #lastError()}.
 */
public final class ProgressStore {
    public static final String DIRECTORY_PROPERTY = "clusterlab.progress.dir";
    static final String FILE_NAME = "progress.properties";

    private final Path file;
    private String lastError = "";

    public ProgressStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The store the app uses: the system property's directory, else ~/.clusterlab. */
    public static ProgressStore standard() {
        String dir = System.getProperty(DIRECTORY_PROPERTY);
        return new ProgressStore(dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".clusterlab"));
    }

    public Path file() {
        return file;
    }

    /** The step index (0-based) last reached in the lesson, 0 when none is stored. */
    public int lastStep(String lessonId) {
        String v = read().getProperty(key(lessonId));
        try {
            return v == null ? 0 : Math.max(0, Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            return 0; // an edited file: start at the beginning rather than fail
        }
    }

    /** Stores the step index for the lesson, keeping the other lessons' entries. */
    public void remember(String lessonId, int step) {
        Properties p = read();
        p.setProperty(key(lessonId), String.valueOf(step));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "clusterlab: the lesson step each lesson was left at (0 = the first)");
            }
            // Written aside and moved, so a crash mid-write never leaves half a file.
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            lastError = "cannot save progress to " + file + ": " + e.getMessage();
        }
    }

    /** Why the last read or write failed, "" when it did not. */
    public String lastError() {
        return lastError;
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                lastError = "cannot read progress from " + file + ": " + e.getMessage();
            }
        }
        return p;
    }

    private static String key(String lessonId) {
        return lessonId + ".step";
    }
}
