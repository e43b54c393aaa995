package clusterlab.runtime.cli;

import clusterlab.kernel.os.ProcessContext;
import clusterlab.runtime.cli.args.ParsedCommand;
import clusterlab.runtime.engine.Engine;
import clusterlab.runtime.engine.EngineException;
import java.util.List;

/**
 * One run of the {@code docker} client: the parsed command line, the daemon it talks to, and the
 * process it runs in. Commands finish through {@link #exit}; errors print as Docker prints them.
 */
final class Invocation {
    final ProcessContext ctx;
    final Engine engine;
    final ParsedCommand cmd;
    private boolean failed;

    Invocation(ProcessContext ctx, Engine engine, ParsedCommand cmd) {
        this.ctx = ctx;
        this.engine = engine;
        this.cmd = cmd;
    }

    List<String> args() {
        return cmd.args();
    }

    String arg(int i) {
        return cmd.args().get(i);
    }

    /** The command as invoked ({@code docker run} or {@code docker container run}) for help hints. */
    String commandPath() {
        return cmd.command().commandPath();
    }

    long now() {
        return engine.simulation().now();
    }

    void out(String text) {
        ctx.print(text);
    }

    void outln(String line) {
        ctx.println(line);
    }

    void errln(String line) {
        ctx.eprintln(line);
    }

    /** {@code Error response from daemon: ...} on stderr; the command will end with status 1. */
    void daemonError(EngineException e) {
        failed = true;
        errln("Error response from daemon: " + e.getMessage());
    }

    /** A client-side error line; the command will end with status 1. */
    void clientError(String message) {
        failed = true;
        errln(message);
    }

    boolean failed() {
        return failed;
    }

    /** Ends with 1 if any error was reported, else 0. */
    void finish() {
        ctx.exit(failed ? 1 : 0);
    }

    void exit(int status) {
        ctx.exit(status);
    }

    /**
     * The container named by the first argument, or null after reporting the daemon's error
     * and ending the command (for commands on exactly one container).
     */
    clusterlab.runtime.engine.Container containerArgOrFinish() {
        try {
            return engine.container(arg(0));
        } catch (EngineException e) {
            daemonError(e);
            finish();
            return null;
        }
    }

    /** Inspect output: the JSON array, or each document through {@code --format}; then finishes. */
    void printInspect(List<java.util.Map<String, Object>> docs) {
        if (cmd.changed("format")) {
            for (java.util.Map<String, Object> d : docs) {
                try {
                    outln(clusterlab.runtime.cli.format.Template.parse(cmd.string("format")).render(d));
                } catch (clusterlab.runtime.cli.format.TemplateException e) {
                    clientError(e.getMessage());
                }
            }
        } else {
            out(clusterlab.runtime.cli.format.DockerJson.inspect(docs));
        }
        finish();
    }

    /**
     * {@code docker run}'s way of reporting: {@code docker: <message>.} and the help hint, status
     * 125 (or the one given).
     */
    void runError(String message, int status) {
        String m = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        errln("docker: " + m + ".");
        errln("See '" + commandPath() + " --help'.");
        ctx.exit(status);
    }
}
