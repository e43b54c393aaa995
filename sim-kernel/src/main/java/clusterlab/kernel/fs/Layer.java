package clusterlab.kernel.fs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A read-only snapshot of a tree or of a change set: the unit of an image layer.
 *
 * <p>Immutable: it owns its nodes and never changes them, so any number of {@link LayerFs} and
 * {@link OverlayFs} views share one Layer without copying it. Entries may be whiteouts and
 * opaque directories, exactly what {@code docker commit} or a build step records.
 *
 * <p>{@link #digest()} is the SHA-256 of {@link #writeCanonical the canonical serialization}:
 * entries sorted by path, each with type, mode, owner, symlink target and content, in
 * Docker's tar naming ({@code .wh.name} whiteouts, {@code .wh..wh..opq} markers) and without
 * mtimes, so the same content always has the same digest however and whenever it was made.
 */
public final class Layer implements BlobHolder {
    public static final String WHITEOUT_PREFIX = ".wh.";
    public static final String OPAQUE_MARKER = ".wh..wh..opq";
    public static final Layer EMPTY = new Layer(rootNode());

    private static final byte[] MAGIC = "clusterlab-layer/1\n".getBytes(StandardCharsets.US_ASCII);

    private final Node root;
    private final long sizeBytes;
    /** Computed on first use and cached; the layer never changes, so neither does its digest. */
    private String digest;

    private Layer(Node root) {
        this.root = root;
        this.sizeBytes = root.contentBytes();
    }

    private static Node rootNode() {
        return Node.directory(FsDefaults.DIRECTORY_MODE, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, 0);
    }

    /**
     * A layer holding exactly these entries. A parent directory the entries do not name is
     * created as 0755 root:root with mtime 0, as extracting a tarball without it would.
     *
     * @throws IllegalArgumentException on a duplicate path or a path below a non-directory
     */
    public static Layer of(Collection<LayerEntry> entries) {
        TreeMap<FsPath, LayerEntry> sorted = new TreeMap<>();
        for (LayerEntry e : entries) {
            if (sorted.put(e.path(), e) != null) {
                throw new IllegalArgumentException("duplicate layer entry " + e.path());
            }
        }
        Node root = rootNode();
        for (LayerEntry e : sorted.values()) {
            Node parent = root;
            for (String segment : e.path().parent().segments()) {
                Node next = parent.children.get(segment);
                if (next == null) {
                    next = Node.directory(FsDefaults.DIRECTORY_MODE, FsDefaults.ROOT_UID, FsDefaults.ROOT_GID, 0);
                    parent.children.put(segment, next);
                } else if (!next.isDirectory()) {
                    throw new IllegalArgumentException("parent of " + e.path() + " is not a directory in this layer");
                }
                parent = next;
            }
            // Sorted order puts every entry before its children, so nothing is here yet.
            parent.children.put(e.path().name(), e.toNode());
        }
        return new Layer(root);
    }

    /** A snapshot of a whole filesystem (a base image's root), sharing its content blobs. */
    public static Layer snapshot(Filesystem fs) {
        List<LayerEntry> entries = new ArrayList<>();
        FsWalk.walk(fs, FsPath.ROOT, (path, stat) -> {
            if (path.isRoot()) {
                return;
            }
            String p = path.toString();
            entries.add(switch (stat.type()) {
                case DIRECTORY -> LayerEntry.directory(p, stat.mode(), stat.uid(), stat.gid(), stat.mtimeNanos());
                case REGULAR_FILE -> LayerEntry.file(p, fs.content(p), stat.mode(), stat.uid(), stat.gid(), stat.mtimeNanos());
                case SYMLINK -> LayerEntry.symlink(p, fs.readlink(p), stat.uid(), stat.gid(), stat.mtimeNanos());
            });
        });
        return of(entries);
    }

    /** Takes ownership of a tree nobody else will change (an overlay's upper, deep-copied). */
    static Layer ofTree(Node root) {
        return new Layer(root);
    }

    Node root() { return root; }

    /** Every entry, parents before children, siblings by name. */
    public List<LayerEntry> entries() {
        List<LayerEntry> out = new ArrayList<>();
        collect(FsPath.ROOT, root, out);
        return out;
    }

    private static void collect(FsPath path, Node dir, List<LayerEntry> out) {
        for (Map.Entry<String, Node> e : dir.children.entrySet()) {
            FsPath child = path.child(e.getKey());
            out.add(LayerEntry.fromNode(child, e.getValue()));
            if (e.getValue().isDirectory()) {
                collect(child, e.getValue(), out);
            }
        }
    }

    /** The entry this layer itself holds at {@code path} (not looking at layers below). */
    public Optional<LayerEntry> entry(String path) {
        FsPath p = FsPath.of(path);
        Node n = root;
        for (String segment : p.segments()) {
            n = n.children == null ? null : n.children.get(segment);
            if (n == null) {
                return Optional.empty();
            }
        }
        return p.isRoot() ? Optional.empty() : Optional.of(LayerEntry.fromNode(p, n));
    }

    /** The sizes of the files and symlinks this layer adds: Docker's layer SIZE. */
    public long sizeBytes() { return sizeBytes; }

    /** {@code sha256:<64 hex>} of the canonical serialization. */
    public String digest() {
        if (digest == null) {
            MessageDigest sha = sha256();
            try {
                writeCanonical(new OutputStream() {
                    @Override public void write(int b) { sha.update((byte) b); }
                    @Override public void write(byte[] b, int off, int len) { sha.update(b, off, len); }
                });
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            digest = "sha256:" + HexFormat.of().formatHex(sha.digest());
        }
        return digest;
    }

    /** The canonical serialization as one array (tests, small layers); see {@link #writeCanonical}. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeCanonical(out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /**
     * Writes the canonical form: a magic line, then per entry in path order a header line
     * {@code <type> <mode octal> <uid> <gid> <len>:<tar name>} followed by, for a symlink,
     * {@code  <len>:<target>}, for a file {@code  <size>} and then the content bytes. Types:
     * d directory, f file, l symlink, w whiteout; an opaque directory is followed by a
     * {@code w} entry named {@code dir/.wh..wh..opq}. Lengths make every field unambiguous.
     */
    public void writeCanonical(OutputStream out) throws IOException {
        out.write(MAGIC);
        for (LayerEntry e : entries()) {
            String name = e.tarName();
            switch (e.kind()) {
                case DIRECTORY -> {
                    header(out, 'd', e, name, "");
                    if (e.opaque()) {
                        String marker = e.path().toString().substring(1) + "/" + OPAQUE_MARKER;
                        header(out, 'w', LayerEntry.whiteout(e.path().child(OPAQUE_MARKER).toString()), marker, "");
                    }
                }
                case REGULAR_FILE -> {
                    header(out, 'f', e, name, " " + e.content().sizeBytes());
                    e.content().writeTo(out);
                    out.write('\n');
                }
                case SYMLINK -> header(out, 'l', e, name, " " + lengthPrefixed(e.symlinkTarget()));
                case WHITEOUT -> header(out, 'w', e, name, "");
            }
        }
    }

    private static void header(OutputStream out, char type, LayerEntry e, String name, String tail) throws IOException {
        String line = type + " " + String.format("%04o", e.mode()) + " " + e.uid() + " " + e.gid() + " "
                + lengthPrefixed(name) + tail + "\n";
        out.write(line.getBytes(StandardCharsets.UTF_8));
    }

    private static String lengthPrefixed(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length + ":" + s;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void forEachBlob(Consumer<Blob> sink) { root.forEachBlob(sink); }

    @Override
    public String toString() { return "Layer[" + digest().substring(0, 19) + ", " + sizeBytes + " bytes]"; }
}
