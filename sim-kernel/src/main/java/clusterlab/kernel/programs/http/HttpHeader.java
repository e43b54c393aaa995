package clusterlab.kernel.programs.http;

/** One header field as it goes on the wire: {@code Name: value}. */
public record HttpHeader(String name, String value) {
    public HttpHeader {
        if (name == null || name.isEmpty() || value == null) {
            throw new IllegalArgumentException("header needs a name and a value");
        }
    }

    /** The line on the wire, without its CRLF. */
    public String line() {
        return name + ": " + value;
    }
}
