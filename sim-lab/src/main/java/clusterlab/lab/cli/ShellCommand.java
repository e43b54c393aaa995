package clusterlab.lab.cli;

import clusterlab.kernel.OutsideSimulation;
import clusterlab.lab.shell.LabSession;
import clusterlab.lab.shell.LabShell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lab shell}: a simulated cluster and a terminal on node1. On a terminal, JLine gives
 * history, line editing and completion; with piped input every line is echoed after its prompt
 * so the output reads like the course's transcripts.
 */
@OutsideSimulation("reads the person's keyboard or a piped script; the simulation itself stays single-threaded")
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "Start a simulated cluster and type into node1's terminal (:help lists lab commands).")
final class ShellCommand implements Callable<Integer> {
    private static final String[] COMPLETIONS = {
        "docker", "docker container", "docker container run", "docker container ls", "docker container exec",
        "docker container stop", "docker container rm", "docker container logs", "docker container inspect",
        "docker image", "docker image ls", "docker image pull", "docker image build", "docker system prune",
        "docker run", "docker ps", "docker images", "docker exec", "docker logs", "docker stop", "docker rm",
        "docker swarm init", "docker node ls", "docker service create", "docker service ls", "docker service ps",
        ":node", ":advance", ":time", ":seed", ":crash", ":restart", ":partition", ":block", ":heal", ":loss",
        ":latency", ":capture", ":trace", ":help", ":quit"};

    @Option(names = "--nodes", description = "Number of machines, node1..nodeN (default: ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int nodes;

    @Option(names = "--seed", description = "Seed of the simulation (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        boolean interactive = System.console() != null;
        if (interactive) {
            out.println("clusterlab shell: a simulated cluster; :help lists lab commands, :quit leaves.");
        }
        LabSession session = new LabSession(seed, nodes, text -> {
            if (interactive) {
                out.print(text);
            } else {
                // A transcript, not a screen: full-screen redraws become plain separations.
                out.print(text.replace("\u001b[H\u001b[2J", "\n").replace("\u001b[2J\u001b[H", "\n"));
            }
            out.flush();
        });
        LabShell shell = new LabShell(session, seed, out);
        if (interactive) {
            runInteractive(shell, session);
        } else {
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while (!shell.wantsToQuit() && (line = in.readLine()) != null) {
                if (line.startsWith(":") || session.echoesInput()) {
                    out.println(line); // echo after the prompt, as a terminal would have shown it
                }
                shell.line(line);
            }
            out.println();
        }
        session.close();
        return 0;
    }

    private static void runInteractive(LabShell shell, LabSession session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .completer(new StringsCompleter(COMPLETIONS)).build();
            while (!shell.wantsToQuit()) {
                String line;
                try {
                    // A secret (docker swarm unlock's key) is typed without echo, as on a real tty.
                    line = session.echoesInput() ? reader.readLine("")
                            : reader.readLine("", LineReaderImpl.NULL_MASK);
                } catch (UserInterruptException ctrlC) {
                    shell.line("^C");
                    continue;
                } catch (EndOfFileException eof) {
                    break;
                }
                shell.line(line);
            }
        }
    }
}
