package clusterlab.runtime.cli;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.runtime.cli.args.DockerArgs;
import clusterlab.runtime.cli.args.ParseException;
import clusterlab.runtime.cli.args.ParsedCommand;
import clusterlab.runtime.engine.Engine;
import clusterlab.runtime.engine.EngineException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code docker} client as a program on a simulated machine: it parses its command line like
 * docker/cli, reaches the daemon through {@code /var/run/docker.sock}, runs the command and exits
 * with Docker's status codes.
 */
public final class DockerCli implements Program {
    public static final String SOCKET = "/var/run/docker.sock";
    /** The grammar is immutable once built; building it once per JVM keeps each command cheap. */
    private static final DockerArgs GRAMMAR = new DockerArgs();
    private static final Map<String, Consumer<Invocation>> COMMANDS = new TreeMap<>();

    static {
        COMMANDS.put("container run", inv -> RunCommand.run(inv, true));
        COMMANDS.put("container create", inv -> RunCommand.run(inv, false));
        COMMANDS.put("container ls", ContainerCommands::ls);
        COMMANDS.put("container start", ContainerCommands::start);
        COMMANDS.put("container stop", ContainerCommands::stop);
        COMMANDS.put("container restart", ContainerCommands::restart);
        COMMANDS.put("container kill", ContainerCommands::kill);
        COMMANDS.put("container rm", ContainerCommands::rm);
        COMMANDS.put("container pause", ContainerCommands::pause);
        COMMANDS.put("container unpause", ContainerCommands::unpause);
        COMMANDS.put("container rename", ContainerCommands::rename);
        COMMANDS.put("container wait", ContainerCommands::waitFor);
        COMMANDS.put("container logs", ContainerCommands::logs);
        COMMANDS.put("container exec", ContainerCommands::exec);
        COMMANDS.put("container inspect", ContainerCommands::inspect);
        COMMANDS.put("container port", ContainerCommands::port);
        COMMANDS.put("container top", ContainerCommands::top);
        COMMANDS.put("container diff", ContainerCommands::diff);
        COMMANDS.put("container stats", StatsCommand::stats);
        COMMANDS.put("container prune", SystemCommands::containerPrune);
        COMMANDS.put("system prune", SystemCommands::prune);
        COMMANDS.put("system df", SystemCommands::df);
        COMMANDS.put("system info", SystemCommands::info);
        COMMANDS.put("info", SystemCommands::info);
        COMMANDS.put("version", SystemCommands::version);
        COMMANDS.put("volume create", SystemCommands::volumeCreate);
        COMMANDS.put("volume ls", SystemCommands::volumeLs);
        COMMANDS.put("volume rm", SystemCommands::volumeRm);
        COMMANDS.put("network create", SystemCommands::networkCreate);
        COMMANDS.put("network ls", SystemCommands::networkLs);
        COMMANDS.put("network rm", SystemCommands::networkRm);
        COMMANDS.put("image pull", ImageCommands::pull);
        COMMANDS.put("image ls", ImageCommands::ls);
        COMMANDS.put("image rm", ImageCommands::rm);
        COMMANDS.put("image tag", ImageCommands::tag);
        COMMANDS.put("image inspect", ImageCommands::inspect);
        COMMANDS.put("image history", ImageCommands::history);
        COMMANDS.put("image build", BuildCommand::build);
        COMMANDS.put("image prune", ImageCommands::prune);
        COMMANDS.put("inspect", DockerCli::inspectAny);
        COMMANDS.put("login", RegistryCommands::login);
        COMMANDS.put("logout", RegistryCommands::logout);
        COMMANDS.put("image push", RegistryCommands::push);
    }

    @Override
    public void start(ProcessContext ctx) {
        ctx.allocate(24L << 20);
        ctx.setVirtualMemory(700L << 20);
        ParsedCommand cmd;
        try {
            cmd = GRAMMAR.parse(ctx.args());
        } catch (ParseException e) {
            ctx.eprint(e.getMessage().endsWith("\n") ? e.getMessage() : e.getMessage() + "\n");
            ctx.exit(e.exitStatus());
            return;
        }
        for (String w : cmd.warnings()) {
            ctx.eprintln(w);
        }
        switch (cmd.kind()) {
            case HELP -> {
                if (cmd.outputToStderr()) {
                    ctx.eprint(cmd.output());
                } else {
                    ctx.print(cmd.output());
                }
                ctx.exit(0);
                return;
            }
            case VERSION -> {
                ctx.println("Docker version " + Engine.VERSION + ", build " + SystemCommands.CLIENT_BUILD);
                ctx.exit(0);
                return;
            }
            default -> { }
        }
        String host = daemonHost(ctx, cmd);
        DaemonConnection.connect(ctx, host, engine -> runOn(ctx, cmd, engine), () -> {
            ctx.eprintln("Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?");
            ctx.exit(1);
        });
    }

    /** The daemon to talk to: {@code -H}, else {@code DOCKER_HOST}, else the local unix socket. */
    public static String daemonHost(ProcessContext ctx, ParsedCommand cmd) {
        java.util.List<String> hosts = cmd.globals().strings("host");
        if (!hosts.isEmpty()) {
            return hosts.get(hosts.size() - 1);
        }
        String env = ctx.getenv("DOCKER_HOST");
        return env != null && !env.isEmpty() ? env : "unix://" + SOCKET;
    }

    private static void runOn(ProcessContext ctx, ParsedCommand cmd, Engine engine) {
        String key = String.join(" ", cmd.path());
        Consumer<Invocation> handler = COMMANDS.get(key);
        Invocation inv = new Invocation(ctx, engine, cmd);
        if (handler == null) {
            ctx.eprintln("docker: '" + key + "' is not available in this lab yet.");
            ctx.exit(1);
            return;
        }
        try {
            handler.accept(inv);
        } catch (EngineException e) {
            inv.daemonError(e);
            inv.finish();
        }
    }

    /** {@code docker inspect NAME}: a container, else an image, else Docker's error. */
    private static void inspectAny(Invocation inv) {
        boolean allContainers = inv.args().stream().allMatch(a -> inv.engine.findContainer(a).isPresent());
        if (allContainers) {
            ContainerCommands.inspect(inv);
        } else {
            ImageCommands.inspect(inv);
        }
    }
}
