package clusterlab.kernel.programs.servers;

import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code python} of the python:3.6.1-alpine image: {@code python SCRIPT}, {@code python -c CODE},
 * {@code python -m pip ...}, {@code python --version}, or a script on standard input. Scripts are the
 * Flask subset {@link PyParser} reads; {@code app.run()} starts the Werkzeug development server
 * ({@link FlaskServer}).
 */
public final class Python implements Program {
    static final String VERSION = "3.6.1";

    private ProcessContext ctx;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        ctx.allocate(9L << 20);
        ctx.setVirtualMemory(24L << 20);
        List<String> args = ctx.args();
        if (args.isEmpty() || args.get(0).equals("-")) {
            StringBuilder source = new StringBuilder();
            ctx.readInput(text -> {
                if (source.length() < (1 << 20)) {
                    source.append(text);
                }
            }, () -> run("<stdin>", source.toString(), List.of()));
            return;
        }
        String first = args.get(0);
        switch (first) {
            case "--version", "-V" -> {
                ctx.println("Python " + VERSION);
                ctx.exit(0);
            }
            case "-c" -> {
                if (args.size() < 2) {
                    ctx.eprintln("Argument expected for the -c option");
                    usage();
                    return;
                }
                run("<string>", args.get(1), args.subList(2, args.size()));
            }
            case "-m" -> {
                if (args.size() >= 2 && args.get(1).equals("pip")) {
                    new Pip().start(ctx, args.subList(2, args.size()));
                } else {
                    ctx.eprintln("/usr/local/bin/python: No module named " + (args.size() >= 2 ? args.get(1) : ""));
                    ctx.exit(1);
                }
            }
            default -> {
                if (first.startsWith("-") && !first.equals("-u")) {
                    ctx.eprintln("Unknown option: " + first);
                    usage();
                    return;
                }
                int i = first.equals("-u") ? 1 : 0;
                if (i >= args.size()) {
                    run("<stdin>", "", List.of());
                    return;
                }
                String script = args.get(i);
                String text;
                try {
                    text = ctx.fs().readString(ctx.resolve(script));
                } catch (FsException e) {
                    ctx.eprintln("python: can't open file '" + script + "': [Errno " + e.errno().number() + "] "
                            + e.errno().text());
                    ctx.exit(2);
                    return;
                }
                run(script, text, args.subList(i + 1, args.size()));
            }
        }
    }

    private void usage() {
        ctx.eprintln("usage: python [option] ... [-c cmd | -m mod | file | -] [arg] ...");
        ctx.eprintln("Try `python -h' for more information.");
        ctx.exit(2);
    }

    private void run(String file, String source, List<String> argv) {
        List<PyAst.Stmt> module;
        try {
            module = PyParser.parse(source);
        } catch (PyParser.PySyntaxError e) {
            ctx.eprint(e.render(file));
            ctx.exit(1);
            return;
        }
        PyInterpreter interpreter = new PyInterpreter(ctx.fs(), ctx::getenv, ctx.hostname(), ctx::print);
        PyInterpreter.Run run;
        try {
            run = interpreter.runModule(module);
        } catch (PyValues.PyException e) {
            ctx.eprint(traceback(file, source, interpreter.traceback, e));
            ctx.exit(1);
            return;
        }
        if (run == null) {
            ctx.exit(0);
            return;
        }
        new FlaskServer(ctx, interpreter, run, file, source).start();
    }

    /** CPython's traceback: the frames outermost first, each with its source line, then the error. */
    static String traceback(String file, String source, List<PyInterpreter.Frame> frames, PyValues.PyException e) {
        String[] lines = source.split("\n", -1);
        StringBuilder b = new StringBuilder("Traceback (most recent call last):\n");
        List<PyInterpreter.Frame> shown = new ArrayList<>(frames);
        for (PyInterpreter.Frame f : shown) {
            b.append("  File \"").append(file).append("\", line ").append(f.line).append(", in ").append(f.function)
                    .append('\n');
            if (f.line >= 1 && f.line <= lines.length) {
                b.append("    ").append(lines[f.line - 1].strip()).append('\n');
            }
        }
        return b.append(e.type).append(": ").append(e.getMessage()).append('\n').toString();
    }
}
