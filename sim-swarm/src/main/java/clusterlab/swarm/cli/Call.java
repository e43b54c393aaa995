package clusterlab.swarm.cli;

import clusterlab.kernel.os.ProcessContext;
import clusterlab.runtime.cli.args.ParsedCommand;
import clusterlab.swarm.manager.SwarmNode;
import clusterlab.swarm.store.ClusterStore;

/** One run of a swarm or node command: the process, the parsed command line, this host's swarm node. */
final class Call {
    final ProcessContext ctx;
    final ParsedCommand cmd;
    final SwarmNode node;
    private boolean done;

    Call(ProcessContext ctx, ParsedCommand cmd, SwarmNode node) {
        this.ctx = ctx;
        this.cmd = cmd;
        this.node = node;
    }

    /** The store this manager's requests read, or null after reporting why this node cannot serve them. */
    ClusterStore store() {
        String err = node.managerError();
        if (err != null) {
            daemonError(err);
            return null;
        }
        return node.store();
    }

    long now() {
        return ctx.now();
    }

    String arg(int i) {
        return cmd.args().get(i);
    }

    void out(String text) {
        if (live()) {
            ctx.print(text);
        }
    }

    /**
     * Whether the process may still print: answers can come back from another machine's events
     * after this one crashed or the user pressed Ctrl-C.
     */
    private boolean live() {
        return !done && ctx.process().isAlive();
    }

    /** Success: prints {@code text} (may be empty) and exits 0. */
    void ok(String text) {
        if (live()) {
            done = true;
            ctx.print(text);
            ctx.exit(0);
        }
    }

    /** {@code Error response from daemon: <message>} and status 1. */
    void daemonError(String message) {
        fail("Error response from daemon: " + message);
    }

    /** A client-side error line and status 1. */
    void fail(String line) {
        if (live()) {
            done = true;
            ctx.eprintln(line);
            ctx.exit(1);
        }
    }

    /** Prints {@code text} (one or more lines, without the final newline) to stderr and exits with {@code status}. */
    void failWith(String text, int status) {
        if (live()) {
            done = true;
            ctx.eprintln(text);
            ctx.exit(status);
        }
    }

    /**
     * {@code inspect --format}: renders each document through the template and answers; false
     * (nothing printed) when no format was given.
     */
    boolean answerWithFormat(java.util.List<? extends java.util.Map<String, Object>> docs) {
        if (!cmd.changed("format") || cmd.string("format").isEmpty()) {
            return false;
        }
        StringBuilder out = new StringBuilder();
        try {
            clusterlab.runtime.cli.format.Template t = clusterlab.runtime.cli.format.Template.parse(cmd.string("format"));
            for (java.util.Map<String, Object> d : docs) {
                out.append(t.render(d)).append('\n');
            }
        } catch (clusterlab.runtime.cli.format.TemplateException e) {
            fail(e.getMessage());
            return true;
        }
        ok(out.toString());
        return true;
    }

    /**
     * Writes {@code commands} through the leader and then runs {@code then}; a failed write is
     * reported as the daemon's error instead. With nothing to write, {@code then} runs at once.
     */
    void writeThen(java.util.List<String> commands, Runnable then) {
        if (commands.isEmpty()) {
            then.run();
            return;
        }
        node.write(commands, e -> {
            if (e != null) {
                daemonError(e);
            } else {
                then.run();
            }
        });
    }

    /** Ends with {@code status}, having printed what it had to already. */
    void exit(int status) {
        if (live()) {
            done = true;
            ctx.exit(status);
        }
    }

    /** Whether the command can still print (it was not answered, and its process lives). */
    boolean open() {
        return live();
    }

    /** Success or the daemon error, for the callbacks of swarm node operations. */
    void okOrError(String error, String text) {
        if (error == null) {
            ok(text);
        } else {
            daemonError(error);
        }
    }
}
