package clusterlab.runtime.cli.format;

import java.util.List;

/** A method-like field of a {@link GoStruct}, called with the template's arguments. */
@FunctionalInterface
public interface TemplateMethod {

    /** Returns the value; throw {@link IllegalArgumentException} for Go's "error calling" case. */
    Object call(List<Object> args);
}
