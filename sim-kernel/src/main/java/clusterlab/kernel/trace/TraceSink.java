package clusterlab.kernel.trace;

/** Where trace records go. Sinks receive each record with its canonical JSON line. */
public interface TraceSink extends AutoCloseable {
    void accept(TraceRecord record, String canonicalJson);

    @Override
    default void close() {}
}
