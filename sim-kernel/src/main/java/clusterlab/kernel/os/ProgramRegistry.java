package clusterlab.kernel.os;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The simulated executables a machine knows, by name. A program exists inside a container only if
 * its image has the file: an executable file's content is a small ELF-looking header naming the
 * program ({@link #binary}), so {@code /usr/sbin/nginx} runs nginx only where that file is.
 */
public final class ProgramRegistry {
    private static final String MAGIC = "\u007fELF\u0002\u0001\u0001 clusterlab-program ";

    private final TreeMap<String, Supplier<Program>> programs = new TreeMap<>();

    public ProgramRegistry register(String name, Supplier<Program> factory) {
        if (name == null || name.isBlank() || name.contains("\n")) {
            throw new IllegalArgumentException("invalid program name: " + name);
        }
        programs.put(name, factory);
        return this;
    }

    public Optional<Program> create(String name) {
        Supplier<Program> f = programs.get(name);
        return f == null ? Optional.empty() : Optional.of(f.get());
    }

    public SortedMap<String, Supplier<Program>> programs() {
        return Collections.unmodifiableSortedMap(programs);
    }

    /** The content of an executable file that runs program {@code name}. */
    public static byte[] binary(String name) {
        return (MAGIC + name + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The program an executable file runs, if its content is such a binary. */
    public static Optional<String> programOf(byte[] content) {
        byte[] magic = MAGIC.getBytes(StandardCharsets.ISO_8859_1);
        if (content.length <= magic.length) {
            return Optional.empty();
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return Optional.empty();
            }
        }
        int end = magic.length;
        while (end < content.length && content[end] != '\n' && end - magic.length < 64) {
            end++;
        }
        return Optional.of(new String(content, magic.length, end - magic.length, StandardCharsets.ISO_8859_1));
    }

    /** True if the content looks like an ELF file at all (for "Exec format error" vs scripts). */
    public static boolean isElf(byte[] content) {
        return content.length >= 4 && content[0] == 0x7f && content[1] == 'E' && content[2] == 'L' && content[3] == 'F';
    }
}
