package clusterlab.kernel.programs.servers;

import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.programs.servers.PyAst.Expr;
import clusterlab.kernel.programs.servers.PyAst.Stmt;
import clusterlab.kernel.programs.servers.PyValues.PyException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a parsed script: module statements top to bottom, Flask routes registered by decorators,
 * view functions called per request. Errors become Python exceptions with a traceback of
 * (line, function) frames.
 */
final class PyInterpreter {
    static final String SITE_PACKAGES = "/usr/local/lib/python3.6/site-packages";
    /** Standard-library modules the scripts may import (their functions beyond the few below are absent). */
    private static final Set<String> STDLIB = Set.of("os", "sys", "socket", "time", "json", "random", "datetime",
            "math", "re", "logging", "subprocess", "string", "collections");
    private static final int MAX_CALL_DEPTH = 100;

    /** What {@code app.run(...)} asked for; the module stops there, as the real call blocks. */
    record Run(FlaskApp app, String host, int port) {}

    private static final class Serve extends RuntimeException {
        final Run run;

        Serve(Run run) {
            super(null, null, false, false);
            this.run = run;
        }
    }

    /** One frame of the traceback: the function and the line it is at. */
    static final class Frame {
        final String function;
        int line;

        Frame(String function, int line) {
            this.function = function;
            this.line = line;
        }
    }

    private final Filesystem fs;
    private final Function<String, String> env;
    private final String hostname;
    private final Consumer<String> stdout;
    private final Map<String, Object> globals = new LinkedHashMap<>();
    private final List<Frame> stack = new ArrayList<>();
    /** The frames of the last exception, outermost first. */
    List<Frame> traceback = List.of();

    PyInterpreter(Filesystem fs, Function<String, String> env, String hostname, Consumer<String> stdout) {
        this.fs = fs;
        this.env = env;
        this.hostname = hostname;
        this.stdout = stdout;
        globals.put("__name__", "__main__");
    }

    /** Runs the module; returns the server to start, or null when the script just ends. */
    Run runModule(List<Stmt> module) {
        stack.add(new Frame("<module>", 0));
        try {
            exec(module, globals);
            return null;
        } catch (Serve serve) {
            return serve.run;
        } finally {
            stack.clear();
        }
    }

    /** Calls a view function for a request; returns its value. */
    Object callView(PyAst.Def view) {
        stack.add(new Frame(view.name(), view.line()));
        try {
            return call(view, List.of());
        } finally {
            stack.clear();
        }
    }

    private Object call(PyAst.Def def, List<Object> args) {
        if (stack.size() > MAX_CALL_DEPTH) {
            throw raise("RecursionError", "maximum recursion depth exceeded");
        }
        if (!args.isEmpty()) {
            throw raise("TypeError", def.name() + "() takes 0 positional arguments but " + args.size() + " were given");
        }
        Map<String, Object> locals = new HashMap<>();
        try {
            exec(def.body(), locals);
        } catch (ReturnValue r) {
            return r.value;
        }
        return PyValues.NONE;
    }

    private static final class ReturnValue extends RuntimeException {
        final Object value;

        ReturnValue(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    private void exec(List<Stmt> body, Map<String, Object> scope) {
        for (Stmt s : body) {
            stack.get(stack.size() - 1).line = s.line();
            if (s instanceof PyAst.Import imp) {
                for (String[] m : imp.modules()) {
                    scope.put(m[1], importModule(m[0]));
                }
            } else if (s instanceof PyAst.FromImport from) {
                PyValues.Module module = importModule(from.module());
                for (String name : from.names()) {
                    scope.put(name, member(module, name, true));
                }
            } else if (s instanceof PyAst.Assign a) {
                scope.put(a.target(), eval(a.value(), scope));
            } else if (s instanceof PyAst.ExprStmt e) {
                eval(e.value(), scope);
            } else if (s instanceof PyAst.Def d) {
                Object f = new PyValues.Function(d);
                for (int i = d.decorators().size() - 1; i >= 0; i--) {
                    stack.get(stack.size() - 1).line = d.line() - d.decorators().size() + i;
                    f = applyDecorator(eval(d.decorators().get(i), scope), f);
                }
                scope.put(d.name(), f);
            } else if (s instanceof PyAst.Return r) {
                throw new ReturnValue(eval(r.value(), scope));
            } else if (s instanceof PyAst.If i) {
                exec(truthy(eval(i.condition(), scope)) ? i.body() : i.orElse(), scope);
            }
        }
    }

    private Object applyDecorator(Object decorator, Object f) {
        if (decorator instanceof PyValues.RouteDecorator route && f instanceof PyValues.Function fn) {
            route.app().routes.add(new FlaskApp.Route(route.rule(), route.methods(), fn.def()));
            return f;
        }
        throw raise("TypeError", "'" + PyValues.typeName(decorator) + "' object is not callable");
    }

    private PyValues.Module importModule(String dotted) {
        String top = dotted.contains(".") ? dotted.substring(0, dotted.indexOf('.')) : dotted;
        boolean found = STDLIB.contains(top) || fs.exists(SITE_PACKAGES + "/" + top + "/__init__.py")
                || fs.exists(SITE_PACKAGES + "/" + top + ".py");
        if (!found) {
            throw raise("ModuleNotFoundError", "No module named '" + top + "'");
        }
        return new PyValues.Module(dotted);
    }

    private Object member(PyValues.Module module, String name, boolean fromImport) {
        String q = module.name() + "." + name;
        return switch (q) {
            case "flask.Flask", "os.getenv", "socket.gethostname", "os.getcwd" -> new PyValues.Builtin(q);
            case "os.environ" -> new PyValues.Module("os.environ");
            default -> {
                if (fromImport) {
                    throw raise("ImportError", "cannot import name '" + name + "'");
                }
                throw raise("AttributeError", "module '" + module.name() + "' has no attribute '" + name + "'");
            }
        };
    }

    private Object eval(Expr e, Map<String, Object> scope) {
        if (e instanceof PyAst.Str s) {
            return s.value();
        }
        if (e instanceof PyAst.Num n) {
            return n.value();
        }
        if (e instanceof PyAst.Const c) {
            return c.value();
        }
        if (e instanceof PyAst.FStr f) {
            StringBuilder b = new StringBuilder();
            for (Object part : f.parts()) {
                b.append(part instanceof String s ? s : PyValues.str(eval((Expr) part, scope)));
            }
            return b.toString();
        }
        if (e instanceof PyAst.Name n) {
            return lookup(n.id(), scope);
        }
        if (e instanceof PyAst.ListLit l) {
            List<Object> items = new ArrayList<>();
            for (Expr item : l.items()) {
                items.add(eval(item, scope));
            }
            return items;
        }
        if (e instanceof PyAst.Attr a) {
            return attribute(eval(a.object(), scope), a.name());
        }
        if (e instanceof PyAst.Subscript s) {
            return subscript(eval(s.object(), scope), eval(s.index(), scope));
        }
        if (e instanceof PyAst.BinOp b) {
            return add(eval(b.left(), scope), eval(b.right(), scope));
        }
        if (e instanceof PyAst.Compare c) {
            boolean eq = equal(eval(c.left(), scope), eval(c.right(), scope));
            return c.op().equals("==") == eq;
        }
        PyAst.Call c = (PyAst.Call) e;
        Object fn = eval(c.function(), scope);
        List<Object> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(eval(a, scope));
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> k : c.kwargs().entrySet()) {
            kwargs.put(k.getKey(), eval(k.getValue(), scope));
        }
        return invoke(fn, args, kwargs);
    }

    private Object lookup(String name, Map<String, Object> scope) {
        if (scope.containsKey(name)) {
            return scope.get(name);
        }
        if (globals.containsKey(name)) {
            return globals.get(name);
        }
        return switch (name) {
            case "print", "str", "len" -> new PyValues.Builtin(name);
            default -> throw raise("NameError", "name '" + name + "' is not defined");
        };
    }

    private Object attribute(Object target, String name) {
        if (target instanceof PyValues.Module m) {
            if (m.name().equals("os.environ") && name.equals("get")) {
                return new PyValues.Builtin("os.getenv");
            }
            return member(m, name, false);
        }
        if (target instanceof FlaskApp && (name.equals("route") || name.equals("run"))) {
            return new PyValues.Method(target, name);
        }
        if (target instanceof String && (name.equals("upper") || name.equals("lower") || name.equals("strip"))) {
            return new PyValues.Method(target, name);
        }
        throw raise("AttributeError", "'" + PyValues.typeName(target) + "' object has no attribute '" + name + "'");
    }

    private Object subscript(Object target, Object index) {
        if (target instanceof PyValues.Module m && m.name().equals("os.environ") && index instanceof String key) {
            String v = env.apply(key);
            if (v == null) {
                throw raise("KeyError", PyValues.repr(key));
            }
            return v;
        }
        throw raise("TypeError", "'" + PyValues.typeName(target) + "' object is not subscriptable");
    }

    private Object add(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x + y;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        }
        if (a instanceof String) {
            throw raise("TypeError", "must be str, not " + PyValues.typeName(b));
        }
        throw raise("TypeError", "unsupported operand type(s) for +: '" + PyValues.typeName(a) + "' and '"
                + PyValues.typeName(b) + "'");
    }

    private static boolean equal(Object a, Object b) {
        return a == b || a != null && a.equals(b);
    }

    private static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        return v != PyValues.NONE;
    }

    private Object invoke(Object fn, List<Object> args, Map<String, Object> kwargs) {
        if (fn instanceof PyValues.Function f) {
            stack.add(new Frame(f.def().name(), f.def().line()));
            try {
                return call(f.def(), args);
            } finally {
                if (!stack.isEmpty()) {
                    stack.remove(stack.size() - 1);
                }
            }
        }
        if (fn instanceof PyValues.Method m) {
            return method(m, args, kwargs);
        }
        if (fn instanceof PyValues.Builtin b) {
            return builtin(b.name(), args, kwargs);
        }
        throw raise("TypeError", "'" + PyValues.typeName(fn) + "' object is not callable");
    }

    private Object builtin(String name, List<Object> args, Map<String, Object> kwargs) {
        switch (name) {
            case "print" -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < args.size(); i++) {
                    b.append(i == 0 ? "" : " ").append(PyValues.str(args.get(i)));
                }
                stdout.accept(b.append('\n').toString());
                return PyValues.NONE;
            }
            case "str" -> {
                return args.isEmpty() ? "" : PyValues.str(args.get(0));
            }
            case "len" -> {
                if (args.size() == 1 && args.get(0) instanceof String s) {
                    return (long) s.length();
                }
                if (args.size() == 1 && args.get(0) instanceof List<?> l) {
                    return (long) l.size();
                }
                throw raise("TypeError", "object has no len()");
            }
            case "flask.Flask" -> {
                return new FlaskApp();
            }
            case "socket.gethostname" -> {
                return hostname;
            }
            case "os.getcwd" -> {
                return "/";
            }
            case "os.getenv" -> {
                if (args.isEmpty() || !(args.get(0) instanceof String key)) {
                    throw raise("TypeError", "str expected, not " + (args.isEmpty() ? "nothing" : PyValues.typeName(args.get(0))));
                }
                String v = env.apply(key);
                return v != null ? v : args.size() > 1 ? args.get(1) : kwargs.getOrDefault("default", PyValues.NONE);
            }
            default -> throw raise("NotImplementedError", name + " is not available in this simulation");
        }
    }

    private Object method(PyValues.Method m, List<Object> args, Map<String, Object> kwargs) {
        if (m.self() instanceof String s) {
            return switch (m.name()) {
                case "upper" -> s.toUpperCase(java.util.Locale.ROOT);
                case "lower" -> s.toLowerCase(java.util.Locale.ROOT);
                default -> s.strip();
            };
        }
        FlaskApp app = (FlaskApp) m.self();
        if (m.name().equals("route")) {
            if (args.isEmpty() || !(args.get(0) instanceof String rule)) {
                throw raise("TypeError", "route() missing 1 required positional argument: 'rule'");
            }
            List<String> methods = new ArrayList<>();
            Object given = kwargs.get("methods");
            if (given instanceof List<?> list) {
                for (Object o : list) {
                    methods.add(PyValues.str(o).toUpperCase(java.util.Locale.ROOT));
                }
            } else {
                methods.add("GET");
            }
            return new PyValues.RouteDecorator(app, rule, methods);
        }
        Object host = kwargs.containsKey("host") ? kwargs.get("host") : args.size() > 0 ? args.get(0) : PyValues.NONE;
        Object port = kwargs.containsKey("port") ? kwargs.get("port") : args.size() > 1 ? args.get(1) : PyValues.NONE;
        int portNumber = 5000;
        if (port instanceof Long p) {
            portNumber = (int) (long) p;
        } else if (port instanceof String p && p.matches("\\d{1,5}")) {
            portNumber = Integer.parseInt(p);
        }
        if (portNumber < 0 || portNumber > 65535) {
            throw raise("OverflowError", "getsockaddrarg: port must be 0-65535.");
        }
        throw new Serve(new Run(app, host instanceof String h ? h : "127.0.0.1", portNumber));
    }

    private PyException raise(String type, String message) {
        traceback = new ArrayList<>();
        for (Frame f : stack) {
            Frame copy = new Frame(f.function, f.line);
            traceback.add(copy);
        }
        return new PyException(type, message, stack.isEmpty() ? 0 : stack.get(stack.size() - 1).line);
    }
}
