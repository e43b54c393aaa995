package clusterlab.kernel.programs.servers;

/** The tiny subset of the MongoDB wire protocol the simulated mongod answers. */
public final class MongoMessages {
    private MongoMessages() {}

    /**
     * An OP_QUERY on {@code <database>.$cmd} running one command ({@code ping}, {@code isMaster},
     * {@code buildInfo}); {@link #wireBytes()} is the size of such a message with its BSON body.
     */
    public record Command(String database, String name) {
        public int wireBytes() {
            return 16 + 4 + database.length() + 6 + 8 + 5 + name.length() + 1 + 11;
        }
    }

    /** The reply document, in the shell's JSON-like notation. */
    public record Reply(String document, boolean ok) {
        public int wireBytes() {
            return 36 + document.length();
        }
    }
}
