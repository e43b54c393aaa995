package clusterlab.runtime.image;

/** The daemon's "No such image: nginx:latest"; {@link #getMessage()} is the text Docker prints. */
public final class NoSuchImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoSuchImageException(String message) {
        super(message);
    }
}
