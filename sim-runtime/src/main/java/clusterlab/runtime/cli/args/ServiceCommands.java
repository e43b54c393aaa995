package clusterlab.runtime.cli.args;

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

import java.util.ArrayList;
import java.util.List;

/**
 * docker service (cli/command/service, 19.03). create and update share addServiceFlags;
 * create adds the list flags, update their -add/-rm variants. docker's DurationOpt and
 * Uint64Opt print no default, so the defaults live in the usage text, as in docker.
 */
final class ServiceCommands {
    private ServiceCommands() {
    }

    private static final String DETACH = "Exit immediately instead of waiting for the service to converge";

    static CommandSpec group() {
        return Defs.group("service", "Manage services",
                cmd("service create", "create [OPTIONS] IMAGE [COMMAND] [ARG...]", List.of(), "Create a new service",
                        atLeast(1), false, createFlags()),
                cmd("service inspect", "inspect [OPTIONS] SERVICE [SERVICE...]",
                        "Display detailed information on one or more services", atLeast(1),
                        format("f", "Format the output using the given Go template"),
                        bool("pretty", null, "Print the information in a human friendly format")),
                cmd("service logs", "logs [OPTIONS] SERVICE|TASK", "Fetch the logs of a service or task", exact(1),
                        bool("no-resolve", null, "Do not map IDs to Names in output"),
                        bool("no-trunc", null, "Do not truncate output"),
                        bool("raw", null, "Do not neatly format logs"),
                        bool("no-task-ids", null, "Do not include task IDs in output"),
                        bool("follow", "f", "Follow log output"),
                        string("since", null, "", "Show logs since timestamp (e.g. 2013-01-02T13:23:37) or relative (e.g. 42m for 42 minutes)"),
                        bool("timestamps", "t", "Show timestamps"),
                        bool("details", null, "Show extra details provided to logs"),
                        string("tail", null, "all", "Number of lines to show from the end of the logs")),
                cmd("service ls", "ls [OPTIONS]", List.of("list"), "List services", NO_ARGS, true, List.of(
                        Defs.quiet("Only display IDs"),
                        format(null, "Pretty-print services using a Go template"),
                        filter("Filter output based on conditions provided"))),
                cmd("service ps", "ps [OPTIONS] SERVICE [SERVICE...]", "List the tasks of one or more services",
                        atLeast(1),
                        Defs.quiet("Only display task IDs"),
                        bool("no-trunc", null, "Do not truncate output"),
                        bool("no-resolve", null, "Do not map IDs to Names"),
                        format(null, "Pretty-print tasks using a Go template"),
                        filter("Filter output based on conditions provided")),
                cmd("service rm", "rm SERVICE [SERVICE...]", List.of("remove"), "Remove one or more services",
                        atLeast(1), true, List.of()),
                cmd("service rollback", "rollback [OPTIONS] SERVICE", "Revert changes to a service's configuration",
                        exact(1), Defs.quiet("Suppress progress output"), bool("detach", "d", DETACH)),
                cmd("service scale", "scale SERVICE=REPLICAS [SERVICE=REPLICAS...]",
                        "Scale one or multiple replicated services", atLeast(1), bool("detach", "d", DETACH)),
                cmd("service update", "update [OPTIONS] SERVICE", List.of(), "Update a service", exact(1), true,
                        updateFlags()));
    }

    private static List<FlagSpec> common() {
        return new ArrayList<>(List.of(
                bool("detach", "d", DETACH),
                Defs.quiet("Suppress progress output"),
                string("workdir", "w", "", "Working directory inside the container"),
                string("user", "u", "", "Username or UID (format: <name|uid>[:<group|gid>])"),
                string("hostname", null, "", "Container hostname"),
                string("entrypoint", null, "", "Overwrite the default ENTRYPOINT of the image").typed("command"),
                bool("init", null, "Use an init inside each service container to forward signals and reap processes"),
                of("limit-cpu", null, FlagType.NANO_CPUS, "", "Limit CPUs"),
                of("limit-memory", null, FlagType.MEMORY_BYTES, "0", "Limit Memory"),
                of("reserve-cpu", null, FlagType.NANO_CPUS, "", "Reserve CPUs"),
                of("reserve-memory", null, FlagType.MEMORY_BYTES, "0", "Reserve Memory"),
                of("stop-grace-period", null, FlagType.DURATION, "",
                        "Time to wait before force killing a container (ns|us|ms|s|m|h) (default 10s)"),
                string("stop-signal", null, "", "Signal to stop the container"),
                of("replicas", null, FlagType.UINT, "", "Number of tasks"),
                string("restart-condition", null, "",
                        "Restart when condition is met (\"none\"|\"on-failure\"|\"any\") (default \"any\")"),
                of("restart-delay", null, FlagType.DURATION, "", "Delay between restart attempts (ns|us|ms|s|m|h) (default 5s)"),
                of("restart-max-attempts", null, FlagType.UINT, "", "Maximum number of restarts before giving up"),
                of("restart-window", null, FlagType.DURATION, "", "Window used to evaluate the restart policy (ns|us|ms|s|m|h)"),
                of("update-parallelism", null, FlagType.UINT, "1",
                        "Maximum number of tasks updated simultaneously (0 to update all at once)"),
                of("update-delay", null, FlagType.DURATION, "0s", "Delay between updates (ns|us|ms|s|m|h) (default 0s)"),
                of("update-monitor", null, FlagType.DURATION, "",
                        "Duration after each task update to monitor for failure (ns|us|ms|s|m|h) (default 5s)"),
                string("update-failure-action", null, "",
                        "Action on update failure (\"pause\"|\"continue\"|\"rollback\") (default \"pause\")"),
                of("update-max-failure-ratio", null, FlagType.FLOAT, "", "Failure rate to tolerate during an update (default 0)"),
                string("update-order", null, "", "Update order (\"start-first\"|\"stop-first\") (default \"stop-first\")"),
                of("rollback-parallelism", null, FlagType.UINT, "1",
                        "Maximum number of tasks rolled back simultaneously (0 to roll back all at once)"),
                of("rollback-delay", null, FlagType.DURATION, "0s", "Delay between task rollbacks (ns|us|ms|s|m|h) (default 0s)"),
                of("rollback-monitor", null, FlagType.DURATION, "",
                        "Duration after each task rollback to monitor for failure (ns|us|ms|s|m|h) (default 5s)"),
                string("rollback-failure-action", null, "",
                        "Action on rollback failure (\"pause\"|\"continue\") (default \"pause\")"),
                of("rollback-max-failure-ratio", null, FlagType.FLOAT, "", "Failure rate to tolerate during a rollback (default 0)"),
                string("rollback-order", null, "", "Rollback order (\"start-first\"|\"stop-first\") (default \"stop-first\")"),
                string("endpoint-mode", null, "vip", "Endpoint mode (vip or dnsrr)"),
                bool("with-registry-auth", null, "Send registry authentication details to swarm agents"),
                bool("tty", "t", "Allocate a pseudo-TTY"),
                bool("read-only", null, "Mount the container's root filesystem as read only")));
    }

    private static List<FlagSpec> createFlags() {
        List<FlagSpec> f = common();
        f.addAll(List.of(
                string("name", null, "", "Service name"),
                string("mode", null, "replicated", "Service mode (replicated or global)"),
                list("label", "l", "Service labels"),
                list("container-label", null, "Container labels"),
                list("env", "e", "Set environment variables"),
                list("env-file", null, "Read in a file of environment variables"),
                list("mount", null, "Attach a filesystem mount to the service").typed("mount"),
                list("constraint", null, "Placement constraints"),
                list("placement-pref", null, "Add a placement preference").typed("pref"),
                list("network", null, "Network attachments").typed("network"),
                list("publish", "p", "Publish a port as a node port").typed("port")));
        return f;
    }

    private static List<FlagSpec> updateFlags() {
        List<FlagSpec> f = common();
        f.addAll(List.of(
                string("image", null, "", "Service image tag"),
                string("args", null, "", "Service command args").typed("command"),
                bool("force", null, "Force update even if no changes require it"),
                bool("rollback", null, "Rollback to previous specification"),
                list("label-add", null, "Add or update a service label"),
                list("label-rm", null, "Remove a label by its key"),
                list("container-label-add", null, "Add or update a container label"),
                list("container-label-rm", null, "Remove a container label by its key"),
                list("env-add", null, "Add or update an environment variable"),
                list("env-rm", null, "Remove an environment variable"),
                list("mount-add", null, "Add or update a mount on a service").typed("mount"),
                list("mount-rm", null, "Remove a mount by its target path"),
                list("constraint-add", null, "Add or update a placement constraint"),
                list("constraint-rm", null, "Remove a constraint"),
                list("placement-pref-add", null, "Add a placement preference").typed("pref"),
                list("placement-pref-rm", null, "Remove a placement preference").typed("pref"),
                list("network-add", null, "Add a network").typed("network"),
                list("network-rm", null, "Remove a network"),
                list("publish-add", null, "Add or update a published port").typed("port"),
                list("publish-rm", null, "Remove a published port by its target port").typed("port")));
        return f;
    }
}
