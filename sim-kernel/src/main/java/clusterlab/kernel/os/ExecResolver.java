package clusterlab.kernel.os;

import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.fs.FsPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds what {@code execve} would run: PATH lookup, permission checks, ELF program headers and
 * {@code #!} interpreters, on the filesystem of the process's mount namespace.
 */
final class ExecResolver {
    /** The PATH a shell uses when the environment has none (Debian's default for root). */
    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    /** Linux allows 4 levels of #! interpreters (BINPRM_MAX_RECURSION). */
    private static final int MAX_INTERPRETER_DEPTH = 4;

    /** The outcome: the program to start, the file it came from and the final argv. */
    record Resolved(Program program, String path, List<String> argv) {}

    private final ProgramRegistry registry;

    ExecResolver(ProgramRegistry registry) {
        this.registry = registry;
    }

    /**
     * Finds the executable for {@code argv[0]} ({@code explicitPath} if given).
     *
     * @throws OsException ENOENT when nothing is found, EACCES when it is not executable,
     *     ENOEXEC when the file is not a program this machine can run
     */
    Resolved resolve(Filesystem fs, String cwd, String pathVariable, List<String> argv, String explicitPath) {
        String name = argv.get(0);
        String path = explicitPath != null ? absolute(cwd, explicitPath)
                : name.contains("/") ? absolute(cwd, name) : search(fs, pathVariable, name);
        return load(fs, path, argv, 0);
    }

    /** {@code command -v}: the path PATH lookup finds for a name, or null. */
    String which(Filesystem fs, String cwd, String pathVariable, String name) {
        try {
            return name.contains("/") ? (isExecutableFile(fs, absolute(cwd, name)) ? absolute(cwd, name) : null)
                    : search(fs, pathVariable, name);
        } catch (OsException e) {
            return null;
        }
    }

    private String search(Filesystem fs, String pathVariable, String name) {
        String pathList = pathVariable == null ? DEFAULT_PATH : pathVariable;
        boolean sawDenied = false;
        for (String dir : pathList.split(":", 64)) {
            if (dir.isEmpty() || !dir.startsWith("/")) {
                continue;
            }
            String candidate = (dir.endsWith("/") ? dir : dir + "/") + name;
            FileStat st = statOrNull(fs, candidate);
            if (st != null && st.isRegularFile()) {
                if (canExecute(st)) {
                    return candidate;
                }
                sawDenied = true;
            }
        }
        throw new OsException(sawDenied ? Errno.EACCES : Errno.ENOENT, name);
    }

    private Resolved load(Filesystem fs, String path, List<String> argv, int depth) {
        FileStat st;
        try {
            st = fs.stat(path);
        } catch (FsException e) {
            throw new OsException(e.errno(), argv.get(0));
        }
        if (st.isDirectory() || !canExecute(st)) {
            throw new OsException(Errno.EACCES, argv.get(0));
        }
        byte[] content = fs.readFile(path);
        Optional<String> programName = ProgramRegistry.programOf(content);
        if (programName.isPresent()) {
            Program program = registry.create(programName.get())
                    .orElseThrow(() -> new OsException(Errno.ENOEXEC, argv.get(0)));
            return new Resolved(program, path, argv);
        }
        if (content.length > 2 && content[0] == '#' && content[1] == '!' && depth < MAX_INTERPRETER_DEPTH) {
            int end = 2;
            while (end < content.length && content[end] != '\n' && end < 256) {
                end++;
            }
            String line = new String(content, 2, end - 2, StandardCharsets.UTF_8).strip();
            if (line.isEmpty()) {
                throw new OsException(Errno.ENOEXEC, argv.get(0));
            }
            int space = line.indexOf(' ');
            String interpreter = space < 0 ? line : line.substring(0, space);
            List<String> newArgv = new ArrayList<>();
            newArgv.add(interpreter);
            if (space >= 0) {
                newArgv.add(line.substring(space + 1).strip());
            }
            newArgv.add(path);
            newArgv.addAll(argv.subList(1, argv.size()));
            return load(fs, absolute("/", interpreter), newArgv, depth + 1);
        }
        throw new OsException(Errno.ENOEXEC, argv.get(0));
    }

    private static boolean isExecutableFile(Filesystem fs, String path) {
        FileStat st = statOrNull(fs, path);
        return st != null && st.isRegularFile() && canExecute(st);
    }

    private static FileStat statOrNull(Filesystem fs, String path) {
        try {
            return fs.stat(path);
        } catch (FsException e) {
            return null;
        }
    }

    private static boolean canExecute(FileStat st) {
        return (st.mode() & 0111) != 0; // root may exec a file if any x bit is set
    }

    private static String absolute(String cwd, String path) {
        return FsPath.resolve(FsPath.of(cwd), path).toString();
    }
}
