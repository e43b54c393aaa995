package clusterlab.runtime.cli.format;

import java.util.List;

/**
 * A function a template can call, with the Go signature text/template checks arguments
 * against. {@code variadic} is the element type of a trailing {@code ...} parameter.
 */
record TemplateFunction(String name, List<Param> params, Param variadic, Body body) {

    /** Go parameter types the simulator's functions use. */
    enum Param {
        /** interface{}: anything, a missing value becomes nil. */
        ANY("interface {}"),
        /** reflect.Value (builtins such as eq, len, index): anything, missing stays missing. */
        VALUE("reflect.Value"),
        STRING("string"),
        INT("int"),
        STRING_LIST("[]string");

        private final String goName;

        Param(String goName) {
            this.goName = goName;
        }

        String goName() {
            return goName;
        }
    }

    @FunctionalInterface
    interface Body {
        /** Throw {@link Failure} for a Go function's returned error (or a recovered panic). */
        Object apply(List<Object> args);
    }

    /** An error returned by the function, reported as "error calling name: message". */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    static TemplateFunction of(String name, Body body, Param... params) {
        return new TemplateFunction(name, List.of(params), null, body);
    }

    static TemplateFunction variadic(String name, Body body, Param variadic, Param... params) {
        return new TemplateFunction(name, List.of(params), variadic, body);
    }
}
