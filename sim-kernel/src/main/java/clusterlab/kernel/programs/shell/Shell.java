package clusterlab.kernel.programs.shell;

import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.Terminal;
import clusterlab.kernel.programs.shell.Ast.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code bash} and {@code sh} (dash): {@code -c 'commands' [name [args]]}, {@code script [args]},
 * commands from stdin, or interactive with prompts ({@code -i}, or when stdin is a terminal).
 *
 * <p>Input is taken a line at a time and parsed when it forms complete commands, so here-documents
 * and open quotes continue on the next line (with the PS2 prompt when interactive), earlier
 * commands run before a later syntax error, and a line typed while a command runs waits its turn.
 */
public final class Shell implements Program {
    /** bash's resident set at start (ps RSS), and its mapped size. */
    static final long RSS_BYTES = 3L << 20;
    static final long VSZ_BYTES = 18L << 20;
    /** Bound on the text of one command being assembled from lines. */
    static final int MAX_COMMAND_CHARS = Parser.MAX_INPUT_CHARS;

    private ProcessContext ctx;
    private Session session;
    private Interpreter top;
    private ShellState state;
    private Consumer<Consumer<String>> lines;
    private final StringBuilder pending = new StringBuilder();
    private int linesRead;
    private int firstLineOfPending = 1;
    private boolean commandString;
    private boolean reading;

    @Override
    public void start(ProcessContext ctx) {
        this.ctx = ctx;
        ctx.allocate(RSS_BYTES);
        ctx.setVirtualMemory(VSZ_BYTES);
        String argv0 = ctx.argv().get(0);
        if (argv0.startsWith("-")) {
            argv0 = argv0.substring(1); // a login shell's "-bash"
        }
        String base = argv0.substring(argv0.lastIndexOf('/') + 1);
        boolean bash = !base.equals("sh") && !base.equals("dash");
        String name = bash ? "bash" : "sh";

        List<String> args = ctx.args();
        boolean interactiveFlag = false;
        boolean errexit = false;
        String command = null;
        boolean forceStdin = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("--login") || a.equals("--norc") || a.equals("--noprofile") || a.equals("--posix")) {
                continue;
            }
            if (!a.startsWith("-") && !a.startsWith("+") || a.equals("-") || a.equals("+")) {
                break;
            }
            if (a.startsWith("--")) {
                ctx.eprintln(argv0 + ": " + a + ": invalid option");
                ctx.exit(2);
                return;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'c' -> command = "";
                    case 'i' -> interactiveFlag = true;
                    case 'e' -> errexit = a.startsWith("-");
                    case 's' -> forceStdin = true;
                    case 'l', 'x', 'u', 'v', 'h', 'B', 'm', 'o', 'p', 'f', 'a', 'n' -> { }
                    default -> {
                        ctx.eprintln(argv0 + ": -" + c + ": invalid option");
                        ctx.exit(2);
                        return;
                    }
                }
            }
        }
        List<String> operands = args.subList(Math.min(i, args.size()), args.size());
        String scriptName = null;
        String text = null;
        state = new ShellState();
        state.arg0 = argv0;
        if (command != null) {
            if (operands.isEmpty()) {
                ctx.eprintln(argv0 + ": -c: option requires an argument");
                ctx.exit(2);
                return;
            }
            text = operands.get(0);
            commandString = true;
            if (operands.size() > 1) {
                state.arg0 = operands.get(1);
                state.positional = new ArrayList<>(operands.subList(2, operands.size()));
            }
        } else if (!operands.isEmpty() && !forceStdin) {
            scriptName = operands.get(0);
            try {
                text = ctx.fs().readString(ctx.resolve(scriptName));
            } catch (FsException | IllegalArgumentException e) {
                String reason = e instanceof FsException fe ? fe.errno().text() : "File name too long";
                ctx.eprintln(bash ? argv0 + ": " + scriptName + ": " + reason
                        : argv0 + ": 0: cannot open " + scriptName + ": No such file");
                ctx.exit(bash ? 127 : 2);
                return;
            }
            state.arg0 = scriptName;
            state.positional = new ArrayList<>(operands.subList(1, operands.size()));
        } else {
            state.positional = new ArrayList<>(operands);
        }
        boolean interactive = interactiveFlag || text == null && ctx.isTty() && ctx.process().stdio().in() != null;
        String shellPath = ctx.process().executablePath();
        session = new Session(ctx, new Messages(bash, name, scriptName == null ? state.arg0 : argv0, scriptName), interactive, shellPath);
        importEnvironment(bash, interactive);
        state.errexit = errexit;
        state.shellPid = ctx.pid();
        top = new Interpreter(session, state, this::shutdown);
        if (text != null) {
            lines = new TextLines(text)::next;
        } else {
            lines = session.input::nextLine;
        }
        if (interactive) {
            ctx.onSignal(Signal.SIGINT, this::interruptedAtPrompt);
            ctx.ignore(Signal.SIGTERM);
            ctx.ignore(Signal.SIGQUIT);
            Terminal terminal = session.terminal();
            if (terminal != null) {
                terminal.setForeground(ctx.process());
            }
        }
        ctx.compute(Session.COMMAND_CPU_NANOS, this::readCommand);
    }

    private void importEnvironment(boolean bash, boolean interactive) {
        for (Map.Entry<String, String> e : ctx.env().entrySet()) {
            if (ShellState.isName(e.getKey())) {
                state.set(e.getKey(), e.getValue());
                state.exported.add(e.getKey());
            }
        }
        state.set("PWD", ctx.cwd());
        state.exported.add("PWD");
        int level = 0;
        try {
            level = Integer.parseInt(state.get("SHLVL") == null ? "0" : state.get("SHLVL").strip());
        } catch (NumberFormatException e) {
            level = 0;
        }
        state.set("SHLVL", String.valueOf(level + 1));
        state.exported.add("SHLVL");
        if (interactive && state.get("PS1") == null) {
            state.set("PS1", bash ? "\\u@\\h:\\w\\$ " : ctx.credentials().isRoot() ? "# " : "$ ");
        }
        if (state.get("PS2") == null) {
            state.set("PS2", "> ");
        }
    }

    // ---- the read-parse-run loop ---------------------------------------------------------------

    private void readCommand() {
        if (top.exited()) {
            return;
        }
        if (session.interactive) {
            ctx.eprint(session.finishedJobsReport());
            ctx.eprint(prompt(pending.length() == 0 ? "PS1" : "PS2"));
        }
        reading = true;
        lines.accept(this::onLine);
    }

    private String prompt(String variable) {
        String ps = state.get(variable);
        return ps == null ? "" : Prompt.expand(ps, ctx, state, session.messages.shellName(),
                session.messages.bash());
    }

    private void onLine(String line) {
        reading = false;
        if (top.exited()) {
            return;
        }
        if (line == null) {
            endOfInput();
            return;
        }
        linesRead++;
        if (pending.length() + line.length() < MAX_COMMAND_CHARS) {
            pending.append(line).append('\n');
        }
        List<String> warnings = new ArrayList<>();
        Script script;
        try {
            script = Parser.parse(pending.toString(), false, firstLineOfPending, warnings);
        } catch (ShellSyntaxException e) {
            if (e.incomplete()) {
                readCommand();
            } else {
                syntaxError(e, line);
            }
            return;
        }
        run(script, warnings);
    }

    private void run(Script script, List<String> warnings) {
        printWarnings(warnings);
        pending.setLength(0);
        firstLineOfPending = linesRead + 1;
        top.runScript(script, new Io(null, true, ctx.process().stdio().out(), ctx.process().stdio().err()),
                status -> readCommand());
    }

    private void printWarnings(List<String> warnings) {
        for (String w : warnings) {
            ctx.eprint(session.messages.warning(w, session.interactive, commandString, Math.max(1, linesRead)));
        }
    }

    private void syntaxError(ShellSyntaxException e, String line) {
        ctx.eprint(session.messages.syntaxError(e, session.interactive, commandString, line));
        pending.setLength(0);
        firstLineOfPending = linesRead + 1;
        state.lastStatus = 2;
        if (session.interactive) {
            readCommand();
        } else {
            ctx.exit(2);
        }
    }

    private void endOfInput() {
        if (pending.length() > 0) {
            List<String> warnings = new ArrayList<>();
            Script script;
            try {
                script = Parser.parse(pending.toString(), true, firstLineOfPending, warnings);
            } catch (ShellSyntaxException e) {
                ctx.eprint(session.messages.syntaxError(e, session.interactive, commandString, null));
                if (session.interactive && session.messages.bash()) {
                    ctx.eprint("exit\n");
                }
                ctx.exit(2);
                return;
            }
            printWarnings(warnings);
            pending.setLength(0);
            top.runScript(script, new Io(null, true, ctx.process().stdio().out(), ctx.process().stdio().err()),
                    status -> shutdown(status));
            return;
        }
        if (session.interactive && session.messages.bash()) {
            ctx.eprint("exit\n");
        }
        shutdown(state.lastStatus);
    }

    private void shutdown(int status) {
        ctx.exit(status);
    }

    /** Ctrl-C in an interactive shell: a job gets it itself; at the prompt, start a fresh line. */
    private void interruptedAtPrompt(Signal signal) {
        if (session.foregroundWaits > 0 || !reading) {
            return;
        }
        pending.setLength(0);
        firstLineOfPending = linesRead + 1;
        session.input.discardPartialLine();
        state.lastStatus = 130;
        ctx.eprint("\n" + prompt("PS1"));
    }

    /** Lines of a -c string or a script file. */
    private static final class TextLines {
        private final String text;
        private int pos;

        TextLines(String text) {
            this.text = text;
        }

        void next(Consumer<String> onLine) {
            if (pos >= text.length()) {
                onLine.accept(null);
                return;
            }
            int nl = text.indexOf('\n', pos);
            String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            pos = nl < 0 ? text.length() : nl + 1;
            onLine.accept(line);
        }
    }
}
