package clusterlab.runtime.build;

import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The build context the client sends: every file under the context directory, read from the
 * client's filesystem, with the size of the tar stream Docker would send and the content hashes
 * COPY and ADD put in their history ({@code file:<sha256>}).
 */
public final class BuildContext {
    /** Bounds the walk (a context of "/" would otherwise read the whole machine). */
    public static final int MAX_ENTRIES = 50_000;
    public static final long MAX_BYTES = 1L << 30;
    private static final int TAR_BLOCK = 512;

    /**
     * One file, directory or symlink of the context.
     *
     * @param path relative to the context root, {@code /}-separated, no leading slash
     */
    public record Entry(String path, FileStat stat, Blob content, String linkTarget) {
        public boolean isDirectory() {
            return stat.isDirectory();
        }
    }

    private final TreeMap<String, Entry> entries;

    private BuildContext(TreeMap<String, Entry> entries) {
        this.entries = entries;
    }

    /** Raised when the context cannot be read in the lab (too big). */
    public static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /** Reads the directory {@code root} (absolute) of {@code fs}. */
    public static BuildContext read(Filesystem fs, String root) throws TooLargeException {
        TreeMap<String, Entry> entries = new TreeMap<>();
        long[] bytes = {0};
        walk(fs, root, "", entries, bytes);
        return new BuildContext(entries);
    }

    /** A context from entries already in memory (tests, stdin contexts). */
    public static BuildContext of(List<Entry> list) {
        TreeMap<String, Entry> entries = new TreeMap<>();
        for (Entry e : list) {
            entries.put(e.path(), e);
        }
        return new BuildContext(entries);
    }

    private static void walk(Filesystem fs, String dir, String rel, TreeMap<String, Entry> out, long[] bytes)
            throws TooLargeException {
        List<String> names;
        try {
            names = fs.list(dir);
        } catch (FsException unreadable) {
            return;
        }
        for (String name : names) {
            if (out.size() >= MAX_ENTRIES) {
                throw new TooLargeException("the build context has more than " + MAX_ENTRIES + " files");
            }
            String abs = dir.equals("/") ? "/" + name : dir + "/" + name;
            String childRel = rel.isEmpty() ? name : rel + "/" + name;
            FileStat st = fs.lstatOrNull(abs);
            if (st == null) {
                continue;
            }
            if (st.isDirectory()) {
                out.put(childRel, new Entry(childRel, st, null, null));
                walk(fs, abs, childRel, out, bytes);
            } else if (st.isSymlink()) {
                out.put(childRel, new Entry(childRel, st, null, fs.readlink(abs)));
            } else if (st.isRegularFile()) {
                Blob content;
                try {
                    content = fs.content(abs);
                } catch (FsException unreadable) {
                    continue;
                }
                bytes[0] += content.sizeBytes();
                if (bytes[0] > MAX_BYTES) {
                    throw new TooLargeException("the build context is larger than " + MAX_BYTES + " bytes");
                }
                out.put(childRel, new Entry(childRel, st, content, null));
            }
        }
    }

    /**
     * The bytes of the tar stream the client sends: a 512-byte header per entry, file content
     * padded to 512, and the two zero blocks that end an archive.
     */
    public long tarSizeBytes() {
        long size = 2L * TAR_BLOCK;
        for (Entry e : entries.values()) {
            size += TAR_BLOCK;
            if (e.content() != null) {
                size += (e.content().sizeBytes() + TAR_BLOCK - 1) / TAR_BLOCK * TAR_BLOCK;
            }
        }
        return size;
    }

    public Optional<Entry> entry(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    /** Every entry strictly under directory {@code path} ("" for the root), sorted. */
    public List<Entry> under(String path) {
        List<Entry> out = new ArrayList<>();
        String prefix = path.isEmpty() ? "" : path + "/";
        for (Entry e : entries.tailMap(prefix, true).values()) {
            if (!e.path().startsWith(prefix)) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** The entries directly in directory {@code path} ("" for the root). */
    public List<Entry> children(String path) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : under(path)) {
            String tail = path.isEmpty() ? e.path() : e.path().substring(path.length() + 1);
            if (!tail.contains("/")) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Docker's source hash: {@code file:<hex>} over the tar header fields that matter (name, mode,
     * owner, size, type, link) and the content, so an edit to the file, not its mtime, changes
     * it; {@code dir:<hex>} over the hashes of everything inside.
     */
    public String hash(String path) {
        Entry e = entries.get(path);
        if (e == null && !path.isEmpty()) {
            return "";
        }
        if (e != null && !e.isDirectory()) {
            return "file:" + fileHash(e);
        }
        StringBuilder all = new StringBuilder();
        for (Entry child : under(path)) {
            all.append(child.path()).append(child.isDirectory() ? "dir" : fileHash(child)).append(',');
        }
        return "dir:" + sha256(all.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String fileHash(Entry e) {
        String name = e.path().substring(e.path().lastIndexOf('/') + 1);
        StringBuilder header = new StringBuilder();
        header.append("name").append(name)
                .append("mode").append(e.stat().mode())
                .append("uid").append(e.stat().uid())
                .append("gid").append(e.stat().gid())
                .append("size").append(e.content() == null ? 0 : e.content().sizeBytes())
                .append("typeflag").append(e.linkTarget() != null ? '2' : '0')
                .append("linkname").append(e.linkTarget() == null ? "" : e.linkTarget())
                .append("uname").append("gname").append("devmajor0").append("devminor0");
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(header.toString().getBytes(StandardCharsets.UTF_8));
            if (e.content() != null) {
                md.update(e.content().bytes());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Docker's {@code units.HumanSizeWithPrecision(size, 4)}: decimal units, four significant
     * digits, trailing zeros dropped ({@code 2.048kB}, {@code 512B}, {@code 10.24kB}).
     */
    public static String humanSize(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
        double size = bytes;
        int unit = 0;
        while (size >= 1000 && unit < units.length - 1) {
            size /= 1000;
            unit++;
        }
        java.math.BigDecimal d = new java.math.BigDecimal(size).round(new java.math.MathContext(4));
        String text = d.stripTrailingZeros().toPlainString();
        return text + units[unit];
    }
}
