package clusterlab.runtime.registry;

/** A registry's refusal; {@link #getMessage()} is the text Docker prints after "Error response from daemon: " or alone. */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }
}
