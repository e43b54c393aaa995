package clusterlab.runtime.cli.format;

/** A template that does not parse or execute, with Go's text/template message. */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
        super(message);
    }
}
