package clusterlab.kernel.fs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of a regular file, immutable once created.
 *
 * <p>Immutability is what makes copy-on-write cheap: a layer, every overlay above it, a copied-up
 * file and a {@code docker cp} of it all point at the same array, and a write replaces the file's
 * Blob instead of touching the array. The array never escapes: factories copy what they are given
 * and {@link #bytes()} returns a copy. Equality is identity, so accounting can count distinct
 * blobs; compare contents with {@link #contentEquals}.
 */
public final class Blob {
    public static final Blob EMPTY = new Blob(new byte[0]);

    private final byte[] data;

    private Blob(byte[] data) {
        this.data = data;
    }

    /** A blob holding a copy of {@code bytes}, so later changes to the caller's array do not leak in. */
    public static Blob of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? EMPTY : new Blob(bytes.clone());
    }

    public static Blob ofUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length == 0 ? EMPTY : new Blob(bytes);
    }

    /** This blob followed by {@code more}: what an append ({@code >>}) stores as the new content. */
    public Blob append(byte[] more) {
        if (more.length == 0) {
            return this;
        }
        byte[] joined = Arrays.copyOf(data, Math.addExact(data.length, more.length));
        System.arraycopy(more, 0, joined, data.length, more.length);
        return new Blob(joined);
    }

    public int sizeBytes() { return data.length; }

    /** A copy of the content; callers may do what they like with it. */
    public byte[] bytes() { return data.clone(); }

    public String utf8() { return new String(data, StandardCharsets.UTF_8); }

    public boolean contentEquals(Blob other) { return Arrays.equals(data, other.data); }

    /** Writes the content without copying it. */
    void writeTo(java.io.OutputStream out) throws java.io.IOException { out.write(data); }

    /** Feeds the content to a digest without copying it. */
    void updateDigest(MessageDigest digest) { digest.update(data); }

    @Override
    public String toString() { return "Blob[" + data.length + " bytes]"; }
}
