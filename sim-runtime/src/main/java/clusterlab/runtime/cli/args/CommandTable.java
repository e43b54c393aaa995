package clusterlab.runtime.cli.args;

import static clusterlab.runtime.cli.args.FlagSpec.bool;
import static clusterlab.runtime.cli.args.FlagSpec.list;
import static clusterlab.runtime.cli.args.FlagSpec.string;

import java.util.List;

/**
 * The docker command tree of the simulated client (docker/cli 19.03's
 * cli/command/commands/commands.go, restricted to what the lab simulates: the
 * builder/config/context/engine/plugin/secret/trust groups and experimental commands are
 * absent). Top-level shortcuts (docker ps, docker rmi...) are separate nodes, as in docker.
 */
public final class CommandTable {
    private CommandTable() {
    }

    public static CommandSpec root() {
        CommandSpec root = new CommandSpec("docker [OPTIONS] COMMAND [ARG...]", List.of(),
                "A self-sufficient runtime for containers", ArgsRule.NO_ARGS, globalFlags(), false, List.of());
        root.add(ContainerCommands.group())
                .add(ImageCommands.group())
                .add(SystemCommands.network())
                .add(SwarmCommands.node())
                .add(ServiceCommands.group())
                .add(SwarmCommands.stack())
                .add(SwarmCommands.swarm())
                .add(SystemCommands.system())
                .add(SystemCommands.volume())
                .add(ContainerCommands.run())
                .add(ImageCommands.build())
                .add(ContainerCommands.attach())
                .add(ContainerCommands.commit())
                .add(ContainerCommands.cp())
                .add(ContainerCommands.create())
                .add(ContainerCommands.diff())
                .add(SystemCommands.events())
                .add(ContainerCommands.exec())
                .add(ContainerCommands.export())
                .add(ImageCommands.history())
                .add(ImageCommands.ls("images [OPTIONS] [REPOSITORY[:TAG]]", List.of()))
                .add(SystemCommands.info())
                .add(SystemCommands.inspect())
                .add(ContainerCommands.kill())
                .add(ImageCommands.login())
                .add(ImageCommands.logout())
                .add(ContainerCommands.logs())
                .add(ContainerCommands.pause())
                .add(ContainerCommands.port())
                .add(ContainerCommands.ls("ps [OPTIONS]", List.of()))
                .add(ImageCommands.pull())
                .add(ImageCommands.push())
                .add(ContainerCommands.rename())
                .add(ContainerCommands.restart())
                .add(ContainerCommands.rm())
                .add(ImageCommands.rm("rmi [OPTIONS] IMAGE [IMAGE...]", List.of()))
                .add(ImageCommands.search())
                .add(ContainerCommands.start())
                .add(ContainerCommands.stats())
                .add(ContainerCommands.stop())
                .add(ImageCommands.tag())
                .add(ContainerCommands.top())
                .add(ContainerCommands.unpause())
                .add(ContainerCommands.update())
                .add(SystemCommands.version())
                .add(ContainerCommands.waitCmd())
                .add(SystemCommands.help());
        return root;
    }

    /** cli/flags/common.go and client options, with root's config directory /root/.docker. */
    static List<FlagSpec> globalFlags() {
        return List.of(
                string("config", null, "/root/.docker", "Location of client config files"),
                string("context", "c", "",
                        "Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with \"docker context use\")"),
                bool("debug", "D", "Enable debug mode"),
                list("host", "H", "Daemon socket(s) to connect to"),
                string("log-level", "l", "info", "Set the logging level (\"debug\"|\"info\"|\"warn\"|\"error\"|\"fatal\")"),
                bool("tls", null, "Use TLS; implied by --tlsverify"),
                string("tlscacert", null, "/root/.docker/ca.pem", "Trust certs signed only by this CA"),
                string("tlscert", null, "/root/.docker/cert.pem", "Path to TLS certificate file"),
                string("tlskey", null, "/root/.docker/key.pem", "Path to TLS key file"),
                bool("tlsverify", null, "Use TLS and verify the remote"),
                bool("version", "v", "Print version information and quit"));
    }
}
