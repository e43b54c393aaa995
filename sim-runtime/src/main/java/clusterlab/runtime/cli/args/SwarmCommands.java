package clusterlab.runtime.cli.args;

import static clusterlab.runtime.cli.args.ArgsRule.ANY;
import static clusterlab.runtime.cli.args.ArgsRule.NO_ARGS;
import static clusterlab.runtime.cli.args.ArgsRule.atLeast;
import static clusterlab.runtime.cli.args.ArgsRule.exact;
import static clusterlab.runtime.cli.args.Defs.cmd;
import static clusterlab.runtime.cli.args.Defs.filter;
import static clusterlab.runtime.cli.args.Defs.format;
import static clusterlab.runtime.cli.args.FlagSpec.bool;
import static clusterlab.runtime.cli.args.FlagSpec.list;
import static clusterlab.runtime.cli.args.FlagSpec.of;
import static clusterlab.runtime.cli.args.FlagSpec.string;

import java.util.List;

/** docker swarm, node and stack (cli/command/swarm, node, stack; 19.03). */
final class SwarmCommands {
    private SwarmCommands() {
    }

    private static final String ADVERTISE = "Advertised address (format: <ip|interface>[:port])";
    private static final String LISTEN = "Listen address (format: <ip|interface>[:port])";
    private static final String AVAILABILITY = "Availability of the node (\"active\"|\"pause\"|\"drain\")";

    static CommandSpec swarm() {
        return Defs.group("swarm", "Manage Swarm",
                cmd("swarm init", "init [OPTIONS]", "Initialize a swarm", NO_ARGS,
                        string("advertise-addr", null, "", ADVERTISE),
                        string("listen-addr", null, "0.0.0.0:2377", LISTEN).typed("node-addr"),
                        bool("force-new-cluster", null, "Force create a new cluster from current state"),
                        string("availability", null, "active", AVAILABILITY),
                        string("data-path-addr", null, "", "Address or interface to use for data path traffic (format: <ip|interface>)"),
                        bool("autolock", null, "Enable manager autolocking (requiring an unlock key to start a stopped manager)"),
                        of("task-history-limit", null, FlagType.INT, "5", "Task history retention limit"),
                        of("dispatcher-heartbeat", null, FlagType.DURATION, "5s", "Dispatcher heartbeat period (ns|us|ms|s|m|h)"),
                        of("cert-expiry", null, FlagType.DURATION, "2160h0m0s", "Validity period for node certificates (ns|us|ms|s|m|h)"),
                        of("max-snapshots", null, FlagType.UINT, "0", "Number of additional Raft snapshots to retain"),
                        of("snapshot-interval", null, FlagType.UINT, "10000", "Number of log entries between Raft snapshots")),
                cmd("swarm join", "join [OPTIONS] HOST:PORT", "Join a swarm as a node and/or manager", exact(1),
                        string("listen-addr", null, "0.0.0.0:2377", LISTEN).typed("node-addr"),
                        string("token", null, "", "Token for entry into the swarm"),
                        string("advertise-addr", null, "", ADVERTISE),
                        string("availability", null, "active", AVAILABILITY),
                        string("data-path-addr", null, "", "Address or interface to use for data path traffic (format: <ip|interface>)")),
                cmd("swarm join-token", "join-token [OPTIONS] (worker|manager)", "Manage join tokens", exact(1),
                        bool("rotate", null, "Rotate join token"),
                        Defs.quiet("Only display token")),
                cmd("swarm leave", "leave [OPTIONS]", "Leave the swarm", NO_ARGS,
                        Defs.force("Force this node to leave the swarm, ignoring warnings")),
                cmd("swarm unlock", "unlock", "Unlock swarm", NO_ARGS),
                cmd("swarm unlock-key", "unlock-key [OPTIONS]", "Manage the unlock key", NO_ARGS,
                        bool("rotate", null, "Rotate unlock key"),
                        Defs.quiet("Only display token")),
                cmd("swarm update", "update [OPTIONS]", "Update the swarm", NO_ARGS,
                        bool("autolock", null, "Change manager autolocking setting (true|false)"),
                        of("task-history-limit", null, FlagType.INT, "5", "Task history retention limit"),
                        of("dispatcher-heartbeat", null, FlagType.DURATION, "5s", "Dispatcher heartbeat period (ns|us|ms|s|m|h)"),
                        of("cert-expiry", null, FlagType.DURATION, "2160h0m0s", "Validity period for node certificates (ns|us|ms|s|m|h)"),
                        of("max-snapshots", null, FlagType.UINT, "0", "Number of additional Raft snapshots to retain"),
                        of("snapshot-interval", null, FlagType.UINT, "10000", "Number of log entries between Raft snapshots")));
    }

    static CommandSpec node() {
        return Defs.group("node", "Manage Swarm nodes",
                cmd("node demote", "demote NODE [NODE...]", "Demote one or more nodes from manager in the swarm", atLeast(1)),
                cmd("node inspect", "inspect [OPTIONS] self|NODE [NODE...]",
                        "Display detailed information on one or more nodes", atLeast(1),
                        format("f", "Format the output using the given Go template"),
                        bool("pretty", null, "Print the information in a human friendly format")),
                cmd("node ls", "ls [OPTIONS]", List.of("list"), "List nodes in the swarm", NO_ARGS, true, List.of(
                        Defs.quiet("Only display IDs"),
                        format(null, "Pretty-print nodes using a Go template"),
                        filter("Filter output based on conditions provided"))),
                cmd("node promote", "promote NODE [NODE...]", "Promote one or more nodes to manager in the swarm", atLeast(1)),
                cmd("node ps", "ps [OPTIONS] [NODE...]", "List tasks running on one or more nodes, defaults to current node",
                        ANY,
                        bool("no-trunc", null, "Do not truncate output"),
                        bool("no-resolve", null, "Do not map IDs to Names"),
                        filter("Filter output based on conditions provided"),
                        format(null, "Pretty-print tasks using a Go template"),
                        Defs.quiet("Only display task IDs")),
                cmd("node rm", "rm [OPTIONS] NODE [NODE...]", List.of("remove"), "Remove one or more nodes from the swarm",
                        atLeast(1), true, List.of(Defs.force("Force remove a node from the swarm"))),
                cmd("node update", "update [OPTIONS] NODE", "Update a node", exact(1),
                        string("role", null, "", "Role of the node (\"worker\"|\"manager\")"),
                        string("availability", null, "", AVAILABILITY),
                        list("label-add", null, "Add or update a node label (key=value)"),
                        list("label-rm", null, "Remove a node label if exists")));
    }

    static CommandSpec stack() {
        return Defs.group("stack", "Manage Docker stacks",
                cmd("stack deploy", "deploy [OPTIONS] STACK", List.of("up"), "Deploy a new stack or update an existing stack",
                        exact(1), true, List.of(
                                list("compose-file", "c", "Path to a Compose file, or \"-\" to read from stdin").typed("strings"),
                                bool("prune", null, "Prune services that are no longer referenced"),
                                string("resolve-image", null, "always",
                                        "Query the registry to resolve image digest and supported platforms (\"always\"|\"changed\"|\"never\")"),
                                bool("with-registry-auth", null, "Send registry authentication details to Swarm agents"))),
                cmd("stack ls", "ls [OPTIONS]", List.of("list"), "List stacks", NO_ARGS, true, List.of(
                        format(null, "Pretty-print stacks using a Go template"))),
                cmd("stack ps", "ps [OPTIONS] STACK", "List the tasks in the stack", exact(1),
                        filter("Filter output based on conditions provided"),
                        format(null, "Pretty-print tasks using a Go template"),
                        bool("no-resolve", null, "Do not map IDs to Names"),
                        bool("no-trunc", null, "Do not truncate output"),
                        Defs.quiet("Only display task IDs")),
                cmd("stack rm", "rm [OPTIONS] STACK [STACK...]", List.of("remove", "down"), "Remove one or more stacks",
                        atLeast(1), true, List.of()),
                cmd("stack services", "services [OPTIONS] STACK", "List the services in the stack", exact(1),
                        filter("Filter output based on conditions provided"),
                        format(null, "Pretty-print services using a Go template"),
                        Defs.quiet("Only display IDs")));
    }
}
