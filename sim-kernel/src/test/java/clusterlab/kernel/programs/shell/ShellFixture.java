package clusterlab.kernel.programs.shell;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.kernel.os.ProgramRegistry;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.Stdio;
import clusterlab.kernel.os.Terminal;
import clusterlab.kernel.os.Tty;
import java.util.List;
import java.util.Locale;

/**
 * A one-host cluster with the shells and a few tiny test-only programs (the real coreutils are
 * written elsewhere): cat, upper (stdin to upper case), sleep N, exitwith N, sigself SIG.
 */
final class ShellFixture {
    final Cluster cluster = new Cluster(42);
    final Host host = cluster.addHost("node1");

    ShellFixture() {
        ProgramRegistry r = cluster.programs();
        r.register("testcat", () -> ctx -> {
            if (ctx.args().isEmpty()) {
                ctx.readInput(ctx::print, () -> ctx.exit(0));
            } else {
                for (String f : ctx.args()) {
                    ctx.print(ctx.fs().readString(ctx.resolve(f)));
                }
                ctx.exit(0);
            }
        });
        r.register("testupper", () -> ctx -> ctx.readInput(t -> ctx.print(t.toUpperCase(Locale.ROOT)),
                () -> ctx.exit(0)));
        r.register("testsleep", () -> ctx -> ctx.schedule(Long.parseLong(ctx.args().get(0)) * Time.SECOND,
                () -> ctx.exit(0)));
        r.register("testexit", () -> ctx -> ctx.exit(Integer.parseInt(ctx.args().get(0))));
        r.register("testsigself", () -> ctx -> ctx.kill(ctx.pid(), Signal.parse(ctx.args().get(0))));
        install("testcat", "/bin/cat");
        install("testupper", "/usr/bin/upper");
        install("testsleep", "/bin/sleep");
        install("testexit", "/usr/bin/exitwith");
        install("testsigself", "/usr/bin/sigself");
        cluster.simulation().runFor(Time.MILLISECOND);
    }

    private void install(String program, String path) {
        host.disk().writeContent(path, Blob.of(ProgramRegistry.binary(program)));
        host.disk().chmod(path, 0755);
    }

    /** The outcome of a non-interactive run: stdout, stderr, status (-1: still running). */
    record Result(String stdout, String stderr, int status) {}

    Result run(List<String> argv, String stdin) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        clusterlab.kernel.os.Pipe in = null;
        if (stdin != null) {
            in = new clusterlab.kernel.os.Pipe();
            in.write(stdin);
            in.close();
        }
        Process p = host.spawn(argv, new Stdio(in, out::append, err::append, null));
        long deadline = cluster.simulation().now() + 10 * Time.MINUTE;
        cluster.simulation().runWhile(() -> p.isAlive() && cluster.simulation().now() <= deadline);
        return new Result(out.toString(), err.toString(), p.isAlive() ? -1 : p.exitStatus());
    }

    /** A person at a terminal running {@code shell}: what they type is echoed into the transcript. */
    final class Session {
        final StringBuilder screen = new StringBuilder();
        final Terminal terminal = new Terminal(Tty.of("pts/0"), (OutputSink) screen::append);
        final Process shell;

        Session(String... argv) {
            shell = host.spawn(List.of(argv), terminal.stdio());
            settle();
        }

        /** Types a line (echoed as a terminal does) and lets the simulation run a while. */
        void type(String line) {
            screen.append(line).append('\n');
            terminal.input().write(line + "\n");
            settle();
        }

        void ctrlC() {
            screen.append("^C");
            terminal.interrupt();
            settle();
        }

        void ctrlD() {
            terminal.input().close();
            settle();
        }

        void settle() {
            cluster.simulation().runFor(Time.SECOND);
        }

        void pause(long nanos) {
            cluster.simulation().runFor(nanos);
        }
    }
}
