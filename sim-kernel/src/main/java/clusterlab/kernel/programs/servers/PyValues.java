package clusterlab.kernel.programs.servers;

import java.util.List;
import java.util.Set;

/** Runtime values of the Python subset and their {@code str()}. */
final class PyValues {
    /** Python's None (Java null is never a Python value here). */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
            "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    /** A module object: its name. */
    record Module(String name) {}

    /** A built-in callable: its qualified name. */
    record Builtin(String name) {}

    /** A bound method of a built-in object (e.g. {@code app.route}). */
    record Method(Object self, String name) {}

    /** A user function. */
    record Function(PyAst.Def def) {}

    /** {@code app.route(rule, methods=...)} waiting for the function it decorates. */
    record RouteDecorator(FlaskApp app, String rule, List<String> methods) {}

    /** A Python exception on its way up: type and message. */
    static final class PyException extends RuntimeException {
        final String type;
        final int line;

        PyException(String type, String message, int line) {
            super(message);
            this.type = type;
            this.line = line;
        }
    }

    private PyValues() {}

    static String str(Object v) {
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(repr(l.get(i)));
            }
            return s.append(']').toString();
        }
        if (v instanceof Module m) {
            return "<module '" + m.name() + "'>";
        }
        if (v instanceof Function f) {
            return "<function " + f.def().name() + ">";
        }
        return String.valueOf(v);
    }

    static String repr(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return str(v);
    }

    static String typeName(Object v) {
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v == NONE) {
            return "NoneType";
        }
        if (v instanceof Module) {
            return "module";
        }
        return "function";
    }
}
