package clusterlab.swarm.cli;

import clusterlab.kernel.os.Program;
import clusterlab.kernel.os.ProcessContext;
import clusterlab.runtime.cli.DaemonConnection;
import clusterlab.runtime.cli.DockerCli;
import clusterlab.runtime.cli.args.DockerArgs;
import clusterlab.runtime.cli.args.ParseException;
import clusterlab.runtime.cli.args.ParsedCommand;
import clusterlab.runtime.engine.Engine;
import clusterlab.swarm.manager.SwarmCluster;
import clusterlab.swarm.manager.SwarmNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code docker} client with swarm mode: {@code docker swarm|node|service|stack ...} talk to
 * the host's {@link SwarmNode}; every other command line (and every parse error or help
 * request) is handed unchanged to the runtime's {@link DockerCli}.
 */
public final class SwarmDockerCli implements Program {
    private static final DockerArgs GRAMMAR = new DockerArgs();
    private static final Map<String, Consumer<Call>> COMMANDS = new TreeMap<>();

    static {
        COMMANDS.put("swarm init", SwarmCommands::init);
        COMMANDS.put("swarm join", SwarmCommands::join);
        COMMANDS.put("swarm join-token", SwarmCommands::joinToken);
        COMMANDS.put("swarm leave", SwarmCommands::leave);
        COMMANDS.put("swarm update", SwarmCommands::update);
        COMMANDS.put("swarm unlock", SwarmCommands::unlock);
        COMMANDS.put("swarm unlock-key", SwarmCommands::unlockKey);
        COMMANDS.put("node ls", NodeCommands::ls);
        COMMANDS.put("node inspect", NodeCommands::inspect);
        COMMANDS.put("node promote", NodeCommands::promote);
        COMMANDS.put("node demote", NodeCommands::demote);
        COMMANDS.put("node update", NodeCommands::update);
        COMMANDS.put("node rm", NodeCommands::rm);
        COMMANDS.put("node ps", ServiceCommands::nodePs);
        COMMANDS.put("service create", ServiceCommands::create);
        COMMANDS.put("service update", ServiceCommands::update);
        COMMANDS.put("service scale", ServiceCommands::scale);
        COMMANDS.put("service rollback", ServiceCommands::rollback);
        COMMANDS.put("service rm", ServiceCommands::rm);
        COMMANDS.put("service ls", ServiceCommands::ls);
        COMMANDS.put("service ps", ServiceCommands::ps);
        COMMANDS.put("service inspect", ServiceInspect::inspect);
        COMMANDS.put("service logs", ServiceLogs::logs);
        COMMANDS.put("stack deploy", StackCommands::deploy);
        COMMANDS.put("stack ls", StackCommands::ls);
        COMMANDS.put("stack services", StackCommands::services);
        COMMANDS.put("stack ps", StackCommands::ps);
        COMMANDS.put("stack rm", StackCommands::rm);
    }

    @Override
    public void start(ProcessContext ctx) {
        ParsedCommand cmd;
        try {
            cmd = GRAMMAR.parse(ctx.args());
        } catch (ParseException e) {
            new DockerCli().start(ctx);
            return;
        }
        String key = String.join(" ", cmd.path());
        Consumer<Call> handler = cmd.kind() == ParsedCommand.Kind.RUN ? COMMANDS.get(key) : null;
        if (handler == null) {
            new DockerCli().start(ctx);
            return;
        }
        ctx.allocate(24L << 20);
        ctx.setVirtualMemory(700L << 20);
        for (String w : cmd.warnings()) {
            ctx.eprintln(w);
        }
        // The daemon may be this machine's or another's (-H tcp://192.168.0.11:2375, DOCKER_HOST):
        // swarm commands go to the swarm component of whichever engine answers.
        String host = DockerCli.daemonHost(ctx, cmd);
        Runnable unreachable = () -> {
            ctx.eprintln("Cannot connect to the Docker daemon at " + host + ". Is the docker daemon running?");
            ctx.exit(1);
        };
        DaemonConnection.connect(ctx, host, engine -> {
            if (engine.host().os().unixSocket(SwarmCluster.CONTROL_SOCKET) instanceof SwarmNode node) {
                handler.accept(new Call(ctx, cmd, node));
            } else {
                unreachable.run();
            }
        }, unreachable);
    }
}
