package clusterlab.kernel.programs.shell;

import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.OsException;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.programs.Echo;
import clusterlab.kernel.programs.shell.Ast.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/** The shell's builtin commands. Each reports its status to {@code done} exactly once. */
final class Builtins {
    @FunctionalInterface
    interface Builtin {
        void run(Interpreter it, List<String> argv, Io io, IntConsumer done);
    }

    private static final Map<String, Builtin> ALL = new TreeMap<>();
    static final List<String> KEYWORDS = List.of("if", "then", "elif", "else", "fi", "while", "until", "do", "done",
            "for", "in", "{", "}", "!");

    static {
        ALL.put(":", (it, a, io, done) -> done.accept(0));
        ALL.put("true", (it, a, io, done) -> done.accept(0));
        ALL.put("false", (it, a, io, done) -> done.accept(1));
        ALL.put("echo", Builtins::echo);
        ALL.put("pwd", (it, a, io, done) -> {
            io.out().write(it.session.ctx.cwd() + "\n");
            done.accept(0);
        });
        ALL.put("cd", Builtins::cd);
        ALL.put("export", Builtins::export);
        ALL.put("unset", (it, a, io, done) -> {
            for (String name : a.subList(1, a.size())) {
                if (!name.startsWith("-")) {
                    it.state.unset(name);
                }
            }
            done.accept(0);
        });
        ALL.put("exit", Builtins::exit);
        ALL.put("test", (it, a, io, done) -> done.accept(TestBuiltin.run(it, a.subList(1, a.size()), "test", io)));
        ALL.put("[", (it, a, io, done) -> {
            if (!a.get(a.size() - 1).equals("]")) {
                it.session.error(io.err(), "[: missing `]'");
                done.accept(2);
                return;
            }
            done.accept(TestBuiltin.run(it, a.subList(1, a.size() - 1), "[", io));
        });
        ALL.put("read", Builtins::read);
        ALL.put("source", Builtins::source);
        ALL.put(".", Builtins::source);
        ALL.put("exec", Builtins::exec);
        ALL.put("command", Builtins::command);
        ALL.put("type", Builtins::type);
        ALL.put("set", Builtins::set);
        ALL.put("shift", (it, a, io, done) -> {
            int n = 1;
            try {
                n = a.size() > 1 ? Integer.parseInt(a.get(1)) : 1;
            } catch (NumberFormatException e) {
                it.session.error(io.err(), "shift: " + a.get(1) + ": numeric argument required");
                done.accept(1);
                return;
            }
            if (n < 0 || n > it.state.positional.size()) {
                done.accept(1);
                return;
            }
            it.state.positional = new ArrayList<>(it.state.positional.subList(n, it.state.positional.size()));
            done.accept(0);
        });
        ALL.put("wait", Builtins::waitJobs);
    }

    private Builtins() {}

    /** The builtin called {@code name} in this shell (dash has no "source"), or null. */
    static Builtin lookup(String name, boolean bash) {
        if (!bash && name.equals("source")) {
            return null;
        }
        return ALL.get(name);
    }

    private static void echo(Interpreter it, List<String> a, Io io, IntConsumer done) {
        List<String> args = a.subList(1, a.size());
        if (it.session.messages.bash()) {
            io.out().write(Echo.render(args));
        } else {
            // dash's echo knows only -n and always interprets backslash escapes
            boolean newline = true;
            if (!args.isEmpty() && args.get(0).equals("-n")) {
                newline = false;
                args = args.subList(1, args.size());
            }
            String text = Echo.render(List.of("-ne", String.join(" ", args)));
            io.out().write(newline ? text + "\n" : text);
        }
        done.accept(0);
    }

    private static void cd(Interpreter it, List<String> a, Io io, IntConsumer done) {
        Session s = it.session;
        List<String> args = a.subList(1, a.size());
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        }
        if (args.size() > 1 && s.messages.bash()) {
            s.error(io.err(), "cd: too many arguments");
            done.accept(1);
            return;
        }
        String target;
        boolean print = false;
        if (args.isEmpty()) {
            target = it.state.get("HOME");
            if (target == null) {
                s.error(io.err(), "cd: HOME not set");
                done.accept(1);
                return;
            }
        } else if (args.get(0).equals("-")) {
            target = it.state.get("OLDPWD");
            if (target == null) {
                s.error(io.err(), "cd: OLDPWD not set");
                done.accept(1);
                return;
            }
            print = true;
        } else {
            target = args.get(0);
        }
        String old = s.ctx.cwd();
        try {
            s.ctx.chdir(target.isEmpty() ? "." : target);
        } catch (FsException e) {
            s.error(io.err(), s.messages.cdFailed(target, e.errno().text()));
            done.accept(s.messages.bash() ? 1 : 2);
            return;
        } catch (IllegalArgumentException e) {
            s.error(io.err(), s.messages.cdFailed(target, Redirections.NAME_TOO_LONG));
            done.accept(s.messages.bash() ? 1 : 2);
            return;
        }
        it.state.set("OLDPWD", old);
        it.state.set("PWD", s.ctx.cwd());
        if (print) {
            io.out().write(s.ctx.cwd() + "\n");
        }
        done.accept(0);
    }

    private static void export(Interpreter it, List<String> a, Io io, IntConsumer done) {
        List<String> args = a.subList(1, a.size());
        if (args.isEmpty() || args.equals(List.of("-p"))) {
            TreeMap<String, String> sorted = new TreeMap<>();
            for (String name : it.state.exported) {
                if (it.state.get(name) != null) {
                    sorted.put(name, it.state.get(name));
                }
            }
            StringBuilder sb = new StringBuilder();
            sorted.forEach((name, value) -> sb.append(it.session.messages.bash()
                    ? "declare -x " + name + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n"
                    : "export " + name + "='" + value.replace("'", "'\\''") + "'\n"));
            io.out().write(sb.toString());
            done.accept(0);
            return;
        }
        int status = 0;
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!ShellState.isName(name)) {
                it.session.error(io.err(), it.session.messages.bash()
                        ? "export: `" + arg + "': not a valid identifier" : "export: " + arg + ": bad variable name");
                status = it.session.messages.bash() ? 1 : 2;
                continue;
            }
            if (eq >= 0) {
                it.state.set(name, arg.substring(eq + 1));
            }
            it.state.exported.add(name);
        }
        done.accept(status);
    }

    private static void exit(Interpreter it, List<String> a, Io io, IntConsumer done) {
        Session s = it.session;
        if (s.interactive && s.messages.bash() && s.foregroundWaits == 0) {
            io.err().write("exit\n");
        }
        int status = it.state.lastStatus;
        if (a.size() > 1) {
            String arg = a.get(1);
            if (!arg.matches("[+-]?[0-9]{1,18}")) {
                s.error(io.err(), s.messages.bash() ? "exit: " + arg + ": numeric argument required"
                        : "exit: Illegal number: " + arg);
                it.exit(2);
                return;
            }
            if (a.size() > 2 && s.messages.bash()) {
                s.error(io.err(), "exit: too many arguments");
                done.accept(1);
                return;
            }
            status = (int) (Long.parseLong(arg) & 0xFF);
        }
        it.exit(status);
    }

    private static void read(Interpreter it, List<String> a, Io io, IntConsumer done) {
        boolean raw = false;
        List<String> names = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            String arg = a.get(i);
            if (arg.equals("-r")) {
                raw = true;
            } else if (arg.equals("-p") && i + 1 < a.size()) {
                if (it.session.ctx.isTty()) {
                    io.err().write(a.get(++i));
                } else {
                    i++;
                }
            } else {
                names.add(arg);
            }
        }
        if (names.isEmpty()) {
            names.add("REPLY");
        }
        boolean rawMode = raw;
        it.session.lineSource(io).accept(line -> {
            if (line == null) {
                for (String n : names) {
                    it.state.set(n, "");
                }
                done.accept(1);
                return;
            }
            String text = rawMode ? line : line.replaceAll("\\\\(.)", "$1");
            assignFields(it.state, names, text);
            done.accept(0);
        });
    }

    /** Splits a line as read does: one field per name, the rest of the line to the last name. */
    static void assignFields(ShellState state, List<String> names, String text) {
        String ifs = state.get("IFS") == null ? " \t\n" : state.get("IFS");
        String rest = stripIfs(text, ifs, true);
        for (int i = 0; i < names.size(); i++) {
            if (i == names.size() - 1) {
                state.set(names.get(i), stripIfs(rest, ifs, false));
                break;
            }
            int end = 0;
            while (end < rest.length() && ifs.indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            state.set(names.get(i), rest.substring(0, end));
            rest = end < rest.length() ? stripIfs(rest.substring(end + 1), ifs, true) : "";
        }
    }

    private static String stripIfs(String s, String ifs, boolean leading) {
        int b = 0;
        int e = s.length();
        if (leading) {
            while (b < e && Character.isWhitespace(s.charAt(b)) && ifs.indexOf(s.charAt(b)) >= 0) {
                b++;
            }
        } else {
            while (e > b && Character.isWhitespace(s.charAt(e - 1)) && ifs.indexOf(s.charAt(e - 1)) >= 0) {
                e--;
            }
        }
        return s.substring(b, e);
    }

    private static void source(Interpreter it, List<String> a, Io io, IntConsumer done) {
        Session s = it.session;
        if (a.size() < 2) {
            s.error(io.err(), a.get(0) + ": filename argument required");
            done.accept(2);
            return;
        }
        String file = a.get(1);
        String text;
        try {
            text = s.ctx.fs().readString(s.ctx.resolve(file));
        } catch (FsException | IllegalArgumentException e) {
            s.error(io.err(), s.messages.bash() ? file + ": " + (e instanceof FsException fe ? fe.errno().text()
                    : Redirections.NAME_TOO_LONG)
                    : ".: cannot open " + file + ": No such file");
            done.accept(s.messages.bash() ? 1 : 2);
            return;
        }
        Script script;
        try {
            script = Parser.parse(text, true, 1, new ArrayList<>());
        } catch (ShellSyntaxException e) {
            io.err().write(new Messages(s.messages.bash(), s.messages.shellName(), file, file)
                    .syntaxError(e, false, false, null));
            done.accept(2);
            return;
        }
        List<String> savedPositional = it.state.positional;
        if (a.size() > 2) {
            it.state.positional = new ArrayList<>(a.subList(2, a.size()));
        }
        it.runScript(script, io, status -> {
            if (a.size() > 2) {
                it.state.positional = savedPositional;
            }
            done.accept(status);
        });
    }

    private static void exec(Interpreter it, List<String> a, Io io, IntConsumer done) {
        if (a.size() < 2) {
            done.accept(0); // "exec >file" alone: permanent redirections are not simulated
            return;
        }
        Session s = it.session;
        for (String name : it.state.exported) {
            String v = it.state.get(name);
            if (v != null) {
                s.ctx.setenv(name, v);
            }
        }
        List<String> argv = a.subList(1, a.size());
        try {
            s.input.release(); // the new program reads stdin itself
            s.ctx.exec(argv);
        } catch (OsException | IllegalArgumentException e) {
            boolean missing = !(e instanceof OsException oe) || oe.errno() == Errno.ENOENT;
            s.error(io.err(), "exec: " + argv.get(0) + ": " + (missing ? "not found" : ((OsException) e).errno().text()));
            if (!s.interactive) {
                it.exit(missing ? 127 : 126);
            } else {
                done.accept(missing ? 127 : 126);
            }
        }
        // after a successful exec this shell's program is gone: nothing more of it runs
    }

    private static void command(Interpreter it, List<String> a, Io io, IntConsumer done) {
        if (a.size() > 2 && (a.get(1).equals("-v") || a.get(1).equals("-V"))) {
            boolean verbose = a.get(1).equals("-V");
            int status = 0;
            for (String name : a.subList(2, a.size())) {
                String found = describe(it, name, verbose);
                if (found == null) {
                    status = 1;
                    if (verbose) {
                        it.session.error(io.err(), "command: " + name + ": not found");
                    }
                } else {
                    io.out().write(found + "\n");
                }
            }
            done.accept(status);
            return;
        }
        if (a.size() < 2) {
            done.accept(0);
            return;
        }
        List<String> argv = a.subList(1, a.size());
        Builtin b = lookup(argv.get(0), it.session.messages.bash());
        if (b != null) {
            b.run(it, argv, io, done);
        } else {
            it.runArgv(argv, io, done);
        }
    }

    /** command -v (short) or type / command -V (verbose) output for one name, or null. */
    private static String describe(Interpreter it, String name, boolean verbose) {
        if (KEYWORDS.contains(name)) {
            return verbose ? name + " is a shell keyword" : name;
        }
        if (lookup(name, it.session.messages.bash()) != null) {
            return verbose ? name + " is a shell builtin" : name;
        }
        String path = it.session.ctx.which(name);
        if (path == null) {
            return null;
        }
        return verbose ? name + " is " + path : path;
    }

    private static void type(Interpreter it, List<String> a, Io io, IntConsumer done) {
        int status = 0;
        for (String name : a.subList(1, a.size())) {
            String found = describe(it, name, true);
            if (found == null) {
                status = 1;
                if (it.session.messages.bash()) {
                    it.session.error(io.err(), "type: " + name + ": not found");
                } else {
                    io.out().write(name + ": not found\n");
                }
            } else {
                io.out().write(found + "\n");
            }
        }
        done.accept(status);
    }

    private static void set(Interpreter it, List<String> a, Io io, IntConsumer done) {
        if (a.size() == 1) {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(it.state.vars).forEach((name, value) -> sb.append(name).append('=')
                    .append(value.matches("[A-Za-z0-9_./:@%+,-]*") ? value : "'" + value.replace("'", "'\\''") + "'")
                    .append('\n'));
            io.out().write(sb.toString());
            done.accept(0);
            return;
        }
        for (int i = 1; i < a.size(); i++) {
            String arg = a.get(i);
            if (arg.equals("--")) {
                it.state.positional = new ArrayList<>(a.subList(i + 1, a.size()));
                break;
            } else if (arg.equals("-o") || arg.equals("+o")) {
                if (i + 1 < a.size() && a.get(i + 1).equals("errexit")) {
                    it.state.errexit = arg.startsWith("-");
                }
                i++;
            } else if ((arg.startsWith("-") || arg.startsWith("+")) && arg.length() > 1) {
                if (arg.indexOf('e') > 0) {
                    it.state.errexit = arg.startsWith("-");
                }
                // other options (-x, -u, -o pipefail...) are accepted and not simulated
            } else {
                it.state.positional = new ArrayList<>(a.subList(i, a.size()));
                break;
            }
        }
        done.accept(0);
    }

    private static void waitJobs(Interpreter it, List<String> a, Io io, IntConsumer done) {
        List<Process> waitOn = new ArrayList<>();
        for (Session.Job j : it.session.jobs) {
            if (j.process != null && j.process.isAlive()
                    && (a.size() < 2 || a.contains(String.valueOf(j.process.localPid())))) {
                waitOn.add(j.process);
            }
        }
        waitNext(it, waitOn, 0, 0, done);
    }

    private static void waitNext(Interpreter it, List<Process> procs, int index, int status, IntConsumer done) {
        if (index >= procs.size()) {
            done.accept(status);
            return;
        }
        it.session.foregroundWaits++;
        it.session.ctx.waitFor(procs.get(index), s -> {
            it.session.foregroundWaits--;
            waitNext(it, procs, index + 1, s, done);
        });
    }
}
