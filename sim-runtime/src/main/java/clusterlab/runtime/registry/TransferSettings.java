package clusterlab.runtime.registry;

import clusterlab.kernel.Time;

/**
 * The network and disk speeds of pulls and pushes between one engine and one registry.
 *
 * @param downloadBitsPerSecond the link's speed towards the engine
 * @param uploadBitsPerSecond the link's speed towards the registry
 * @param requestLatencyNanos one HTTP round trip (auth, manifest, each blob request)
 * @param extractBytesPerSecond how fast the engine unpacks a downloaded layer
 * @param maxConcurrentDownloads dockerd's {@code max-concurrent-downloads}, 3
 * @param maxConcurrentUploads dockerd's {@code max-concurrent-uploads}, 5
 */
public record TransferSettings(long downloadBitsPerSecond, long uploadBitsPerSecond, long requestLatencyNanos,
                               long extractBytesPerSecond, int maxConcurrentDownloads, int maxConcurrentUploads) {
    public TransferSettings {
        if (downloadBitsPerSecond <= 0 || uploadBitsPerSecond <= 0 || extractBytesPerSecond <= 0
                || maxConcurrentDownloads <= 0 || maxConcurrentUploads <= 0 || requestLatencyNanos < 0) {
            throw new IllegalArgumentException("transfer settings must be positive");
        }
    }

    /** Docker Hub from a classroom: 100 Mbit/s both ways, 50 ms round trips, 250 MB/s unpacking. */
    public static TransferSettings hub() {
        return new TransferSettings(DockerHub.DEFAULT_BANDWIDTH_BITS_PER_SECOND, DockerHub.DEFAULT_BANDWIDTH_BITS_PER_SECOND,
                50 * Time.MILLISECOND, 250_000_000L, 3, 5);
    }

    public TransferSettings withBandwidth(long bitsPerSecond) {
        return new TransferSettings(bitsPerSecond, bitsPerSecond, requestLatencyNanos, extractBytesPerSecond,
                maxConcurrentDownloads, maxConcurrentUploads);
    }

    public TransferSettings withLatency(long nanos) {
        return new TransferSettings(downloadBitsPerSecond, uploadBitsPerSecond, nanos, extractBytesPerSecond,
                maxConcurrentDownloads, maxConcurrentUploads);
    }

    public TransferSettings withExtractRate(long bytesPerSecond) {
        return new TransferSettings(downloadBitsPerSecond, uploadBitsPerSecond, requestLatencyNanos, bytesPerSecond,
                maxConcurrentDownloads, maxConcurrentUploads);
    }
}
