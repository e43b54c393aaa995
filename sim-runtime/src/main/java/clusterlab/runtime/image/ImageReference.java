package clusterlab.runtime.image;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An image name as Docker normalizes it (docker/distribution {@code reference.ParseNormalizedNamed}):
 * {@code nginx} is {@code docker.io/library/nginx:latest}, {@code student/app} is
 * {@code docker.io/student/app:latest}, a first component with a dot, a colon or equal to
 * {@code localhost} is a registry domain.
 *
 * @param domain the registry, e.g. {@code docker.io} or {@code localhost:5000}
 * @param path the repository path inside the registry, e.g. {@code library/nginx}
 * @param tag the tag, or null when the reference names a digest only (or no tag was given,
 *     see {@link #parseNormalized})
 * @param digest {@code sha256:<64 hex>} or null
 */
public record ImageReference(String domain, String path, String tag, String digest) {
    public static final String DOCKER_HUB = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    public static final String INVALID_FORMAT = "invalid reference format";
    public static final String MUST_BE_LOWERCASE = "invalid reference format: repository name must be lowercase";
    private static final int NAME_TOTAL_LENGTH_MAX = 255;
    private static final int INPUT_LENGTH_MAX = 4096;

    // The grammar of docker/distribution reference/regexp.go, anchored.
    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]*)";
    private static final String COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(
            "((?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT + ")*)(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
    private static final Pattern FULL_HEX_ID = Pattern.compile("[a-f0-9]{64}");

    public ImageReference {
        if (domain == null || domain.isEmpty() || path == null || path.isEmpty()) {
            throw new IllegalArgumentException(INVALID_FORMAT);
        }
    }

    /**
     * Parses and normalizes a reference the way {@code docker pull} and {@code docker run} do,
     * adding the tag {@code latest} when neither a tag nor a digest is given.
     *
     * @throws IllegalArgumentException with Docker's message for a malformed reference
     */
    public static ImageReference parse(String text) {
        ImageReference r = parseNormalized(text);
        return r.tag == null && r.digest == null ? r.withTag(DEFAULT_TAG) : r;
    }

    /** Like {@link #parse} but leaves the tag null when none was given ({@code docker pull} says so). */
    public static ImageReference parseNormalized(String text) {
        if (text == null || text.length() > INPUT_LENGTH_MAX) {
            throw new IllegalArgumentException(INVALID_FORMAT);
        }
        if (FULL_HEX_ID.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid repository name (" + text
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        // splitDockerDomain: the first component is a registry only if it looks like a host name.
        String domain;
        String remainder;
        int slash = text.indexOf('/');
        String first = slash < 0 ? "" : text.substring(0, slash);
        if (slash < 0 || (!first.contains(".") && !first.contains(":") && !first.equals("localhost")
                && first.toLowerCase(Locale.ROOT).equals(first))) {
            domain = DOCKER_HUB;
            remainder = text;
        } else {
            domain = first;
            remainder = text.substring(slash + 1);
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        if (domain.equals(DOCKER_HUB) && remainder.indexOf('/') < 0) {
            remainder = "library/" + remainder;
        }
        int tagSep = remainder.indexOf(':');
        String remoteName = tagSep < 0 ? remainder : remainder.substring(0, tagSep);
        if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
            throw new IllegalArgumentException(MUST_BE_LOWERCASE);
        }
        var m = REFERENCE.matcher(domain + "/" + remainder);
        if (!m.matches()) {
            throw new IllegalArgumentException(INVALID_FORMAT);
        }
        String name = m.group(1);
        if (name.length() > NAME_TOTAL_LENGTH_MAX) {
            throw new IllegalArgumentException("repository name must not be more than 255 characters");
        }
        String digest = m.group(3);
        if (digest != null) {
            digest = validDigest(digest);
        }
        return new ImageReference(domain, name.substring(domain.length() + 1), m.group(2), digest);
    }

    private static String validDigest(String digest) {
        int colon = digest.indexOf(':');
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        if (!algorithm.equals("sha256")) {
            throw new IllegalArgumentException("unsupported digest algorithm");
        }
        if (hex.length() != 64) {
            throw new IllegalArgumentException("invalid checksum digest length");
        }
        if (!hex.toLowerCase(Locale.ROOT).equals(hex)) {
            throw new IllegalArgumentException("invalid checksum digest format");
        }
        return digest;
    }

    public ImageReference withTag(String newTag) { return new ImageReference(domain, path, newTag, digest); }

    public ImageReference withDigest(String newDigest) { return new ImageReference(domain, path, tag, newDigest); }

    /** Just the repository: no tag, no digest. */
    public ImageReference nameOnly() { return new ImageReference(domain, path, null, null); }

    public boolean isDockerHub() { return domain.equals(DOCKER_HUB); }

    /** {@code docker.io/library/nginx}. */
    public String repository() { return domain + "/" + path; }

    /** The repository as Docker prints it: {@code nginx}, {@code student/app}, {@code localhost:5000/app}. */
    public String familiarName() {
        if (isDockerHub()) {
            if (path.startsWith("library/") && path.indexOf('/', "library/".length()) < 0) {
                return path.substring("library/".length());
            }
            return path;
        }
        return repository();
    }

    /** {@code nginx:latest}, {@code nginx@sha256:…}. */
    public String familiarString() { return familiarName() + suffix(); }

    /** {@code docker.io/library/nginx:latest}. */
    @Override
    public String toString() { return repository() + suffix(); }

    private String suffix() {
        return (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
