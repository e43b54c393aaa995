package clusterlab.swarm.manager;

import clusterlab.kernel.SimRandom;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** SwarmKit's identifiers and join tokens, drawn from seeded randomness. */
public final class Ids {
    /** SWMTKN-1-{50 base36 CA digest}-{25 base36 secret}; anything else is "invalid join token". */
    private static final Pattern TOKEN = Pattern.compile("SWMTKN-1-([0-9a-z]{50})-([0-9a-z]{25})");

    private Ids() {
    }

    /** identity.NewID: 128 random bits in base36, zero-padded to 25 characters. */
    public static String newId(SimRandom random) {
        byte[] b = new byte[16];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return pad(new BigInteger(1, b).toString(36), 25);
    }

    /** The root CA's fingerprint as a token carries it: SHA-256 of the certificate in base36. */
    public static String caDigest(SimRandom random) {
        StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        pem.append(random.hex(64)).append('\n').append("-----END CERTIFICATE-----\n");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(pem.toString().getBytes(StandardCharsets.US_ASCII));
            return pad(new BigInteger(1, d).toString(36), 50);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /**
     * The cluster's ID (identity.NewID in SwarmKit), derived from the root CA's digest rather than
     * drawn: the cluster object is born with the CA, and drawing would shift every later draw of
     * the initialising node's random stream.
     */
    public static String clusterId(String caDigest) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("cluster/" + caDigest).getBytes(StandardCharsets.US_ASCII));
            return pad(new BigInteger(1, java.util.Arrays.copyOf(d, 16)).toString(36), 25);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** The CA digest part of a well-formed join token ({@code SWMTKN-1-<digest>-<secret>}). */
    static String tokenCaDigest(String token) {
        String[] parts = token.split("-");
        return parts.length == 4 ? parts[2] : "";
    }

    /** The id of the swarm's ingress network: the same on every node of the swarm. */
    public static String ingressNetworkId(String caDigest) {
        return clusterId("ingress/" + caDigest);
    }

    /** A manager unlock key: SWMKEY-1- and 32 random bytes in unpadded standard base64. */
    public static String unlockKey(SimRandom random) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return "SWMKEY-1-" + java.util.Base64.getEncoder().withoutPadding().encodeToString(b);
    }

    /** A Raft member id: positive and non-zero (0 means "none" to Raft). */
    public static long raftId(SimRandom random) {
        return 1 + random.nextLong(Long.MAX_VALUE - 1);
    }

    public static boolean wellFormedToken(String token) {
        return TOKEN.matcher(token).matches();
    }

    private static String pad(String s, int width) {
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
