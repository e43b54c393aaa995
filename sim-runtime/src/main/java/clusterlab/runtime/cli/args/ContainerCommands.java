package clusterlab.runtime.cli.args;

import static clusterlab.runtime.cli.args.ArgsRule.NO_ARGS;
import static clusterlab.runtime.cli.args.ArgsRule.atLeast;
import static clusterlab.runtime.cli.args.ArgsRule.exact;
import static clusterlab.runtime.cli.args.ArgsRule.range;
import static clusterlab.runtime.cli.args.Defs.cmd;
import static clusterlab.runtime.cli.args.Defs.concat;
import static clusterlab.runtime.cli.args.Defs.filter;
import static clusterlab.runtime.cli.args.Defs.format;
import static clusterlab.runtime.cli.args.FlagSpec.bool;
import static clusterlab.runtime.cli.args.FlagSpec.boolTrue;
import static clusterlab.runtime.cli.args.FlagSpec.list;
import static clusterlab.runtime.cli.args.FlagSpec.of;
import static clusterlab.runtime.cli.args.FlagSpec.string;

import java.util.List;

/**
 * The commands of cli/command/container (19.03). Each method builds a fresh node so the
 * same command can hang both under "docker container" and at the top level.
 */
final class ContainerCommands {
    private ContainerCommands() {
    }

    private static final String DETACH_KEYS = "Override the key sequence for detaching a container";

    static CommandSpec group() {
        return Defs.group("container", "Manage containers",
                attach(), commit(), cp(), create(), diff(), exec(), export(),
                cmd("container inspect", "inspect [OPTIONS] CONTAINER [CONTAINER...]",
                        "Display detailed information on one or more containers", atLeast(1),
                        format("f", "Format the output using the given Go template"),
                        bool("size", "s", "Display total file sizes")),
                kill(), logs(), ls("ls [OPTIONS]", List.of("ps", "list")), pause(), port(),
                cmd("container prune", "prune [OPTIONS]", "Remove all stopped containers", NO_ARGS,
                        of("filter", null, FlagType.FILTER, "", "Provide filter values (e.g. 'until=<timestamp>')"),
                        Defs.force("Do not prompt for confirmation")),
                rename(), restart(), rm(), run(), start(), stats(), stop(), top(), unpause(), update(), waitCmd());
    }

    static CommandSpec attach() {
        return cmd("container attach", "attach [OPTIONS] CONTAINER",
                "Attach local standard input, output, and error streams to a running container", exact(1),
                string("detach-keys", null, "", DETACH_KEYS),
                bool("no-stdin", null, "Do not attach STDIN"),
                boolTrue("sig-proxy", null, "Proxy all received signals to the process"));
    }

    static CommandSpec commit() {
        return cmd("container commit", "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
                "Create a new image from a container's changes", range(1, 2),
                string("author", "a", "", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")"),
                list("change", "c", "Apply Dockerfile instruction to the created image"),
                string("message", "m", "", "Commit message"),
                boolTrue("pause", "p", "Pause container during commit"));
    }

    static CommandSpec cp() {
        return cmd("container cp", "cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
                "Copy files/folders between a container and the local filesystem", exact(2),
                bool("archive", "a", "Archive mode (copy all uid/gid information)"),
                bool("follow-link", "L", "Always follow symbol link in SRC_PATH"));
    }

    static CommandSpec create() {
        return cmd("container create", "create [OPTIONS] IMAGE [COMMAND] [ARG...]", List.of(),
                "Create a new container", atLeast(1), false,
                concat(ContainerOptions.flags(),
                        string("name", null, "", "Assign a name to the container"),
                        boolTrue("disable-content-trust", null, "Skip image verification")));
    }

    static CommandSpec run() {
        return cmd("container run", "run [OPTIONS] IMAGE [COMMAND] [ARG...]", List.of(),
                "Run a command in a new container", atLeast(1), false,
                concat(ContainerOptions.flags(),
                        bool("detach", "d", "Run container in background and print container ID"),
                        string("detach-keys", null, "", DETACH_KEYS),
                        string("name", null, "", "Assign a name to the container"),
                        boolTrue("sig-proxy", null, "Proxy received signals to the process"),
                        boolTrue("disable-content-trust", null, "Skip image verification")));
    }

    static CommandSpec diff() {
        return cmd("container diff", "diff CONTAINER",
                "Inspect changes to files or directories on a container's filesystem", exact(1));
    }

    static CommandSpec exec() {
        return cmd("container exec", "exec [OPTIONS] CONTAINER COMMAND [ARG...]", List.of(),
                "Run a command in a running container", atLeast(2), false, List.of(
                        string("detach-keys", null, "", DETACH_KEYS),
                        bool("interactive", "i", "Keep STDIN open even if not attached"),
                        bool("tty", "t", "Allocate a pseudo-TTY"),
                        bool("detach", "d", "Detached mode: run command in the background"),
                        string("user", "u", "", "Username or UID (format: <name|uid>[:<group|gid>])"),
                        bool("privileged", null, "Give extended privileges to the command"),
                        list("env", "e", "Set environment variables"),
                        string("workdir", "w", "", "Working directory inside the container")));
    }

    static CommandSpec export() {
        return cmd("container export", "export [OPTIONS] CONTAINER",
                "Export a container's filesystem as a tar archive", exact(1),
                string("output", "o", "", "Write to a file, instead of STDOUT"));
    }

    static CommandSpec kill() {
        return cmd("container kill", "kill [OPTIONS] CONTAINER [CONTAINER...]",
                "Kill one or more running containers", atLeast(1),
                string("signal", "s", "KILL", "Signal to send to the container"));
    }

    static CommandSpec logs() {
        return cmd("container logs", "logs [OPTIONS] CONTAINER", "Fetch the logs of a container", exact(1),
                bool("follow", "f", "Follow log output"),
                string("since", null, "", "Show logs since timestamp (e.g. 2013-01-02T13:23:37) or relative (e.g. 42m for 42 minutes)"),
                string("until", null, "", "Show logs before a timestamp (e.g. 2013-01-02T13:23:37) or relative (e.g. 42m for 42 minutes)"),
                bool("timestamps", "t", "Show timestamps"),
                bool("details", null, "Show extra details provided to logs"),
                string("tail", null, "all", "Number of lines to show from the end of the logs"));
    }

    static CommandSpec ls(String use, List<String> aliases) {
        return cmd("container ls", use, aliases, "List containers", NO_ARGS, true, List.of(
                Defs.quiet("Only display numeric IDs"),
                bool("size", "s", "Display total file sizes"),
                bool("all", "a", "Show all containers (default shows just running)"),
                bool("no-trunc", null, "Don't truncate output"),
                bool("latest", "l", "Show the latest created container (includes all states)"),
                of("last", "n", FlagType.INT, "-1", "Show n last created containers (includes all states)"),
                format(null, "Pretty-print containers using a Go template"),
                filter("Filter output based on conditions provided")));
    }

    static CommandSpec pause() {
        return cmd("container pause", "pause CONTAINER [CONTAINER...]",
                "Pause all processes within one or more containers", atLeast(1));
    }

    static CommandSpec port() {
        return cmd("container port", "port CONTAINER [PRIVATE_PORT[/PROTO]]",
                "List port mappings or a specific mapping for the container", range(1, 2));
    }

    static CommandSpec rename() {
        return cmd("container rename", "rename CONTAINER NEW_NAME", "Rename a container", exact(2));
    }

    static CommandSpec restart() {
        return cmd("container restart", "restart [OPTIONS] CONTAINER [CONTAINER...]",
                "Restart one or more containers", atLeast(1),
                of("time", "t", FlagType.INT, "10", "Seconds to wait for stop before killing the container"));
    }

    static CommandSpec rm() {
        return cmd("container rm", "rm [OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers", atLeast(1),
                bool("volumes", "v", "Remove the volumes associated with the container"),
                bool("link", "l", "Remove the specified link"),
                Defs.force("Force the removal of a running container (uses SIGKILL)"));
    }

    static CommandSpec start() {
        return cmd("container start", "start [OPTIONS] CONTAINER [CONTAINER...]",
                "Start one or more stopped containers", atLeast(1),
                bool("attach", "a", "Attach STDOUT/STDERR and forward signals"),
                bool("interactive", "i", "Attach container's STDIN"),
                string("detach-keys", null, "", DETACH_KEYS),
                string("checkpoint", null, "", "Restore from this checkpoint").hide(),
                string("checkpoint-dir", null, "", "Use a custom checkpoint storage directory").hide());
    }

    static CommandSpec stats() {
        return cmd("container stats", "stats [OPTIONS] [CONTAINER...]",
                "Display a live stream of container(s) resource usage statistics", ArgsRule.ANY,
                bool("all", "a", "Show all containers (default shows just running)"),
                bool("no-stream", null, "Disable streaming stats and only pull the first result"),
                bool("no-trunc", null, "Do not truncate output"),
                format(null, "Pretty-print images using a Go template"));
    }

    static CommandSpec stop() {
        return cmd("container stop", "stop [OPTIONS] CONTAINER [CONTAINER...]",
                "Stop one or more running containers", atLeast(1),
                of("time", "t", FlagType.INT, "10", "Seconds to wait for stop before killing it"));
    }

    static CommandSpec top() {
        return cmd("container top", "top CONTAINER [ps OPTIONS]", List.of(),
                "Display the running processes of a container", atLeast(1), false, List.of());
    }

    static CommandSpec unpause() {
        return cmd("container unpause", "unpause CONTAINER [CONTAINER...]",
                "Unpause all processes within one or more containers", atLeast(1));
    }

    static CommandSpec update() {
        return cmd("container update", "update [OPTIONS] CONTAINER [CONTAINER...]",
                "Update configuration of one or more containers", atLeast(1),
                of("blkio-weight", null, FlagType.UINT16, "0", "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)"),
                of("cpu-period", null, FlagType.INT, "0", "Limit CPU CFS (Completely Fair Scheduler) period"),
                of("cpu-quota", null, FlagType.INT, "0", "Limit CPU CFS (Completely Fair Scheduler) quota"),
                of("cpu-rt-period", null, FlagType.INT, "0", "Limit the CPU real-time period in microseconds"),
                of("cpu-rt-runtime", null, FlagType.INT, "0", "Limit the CPU real-time runtime in microseconds"),
                of("cpu-shares", "c", FlagType.INT, "0", "CPU shares (relative weight)"),
                of("cpus", null, FlagType.NANO_CPUS, "", "Number of CPUs"),
                string("cpuset-cpus", null, "", "CPUs in which to allow execution (0-3, 0,1)"),
                string("cpuset-mems", null, "", "MEMs in which to allow execution (0-3, 0,1)"),
                of("kernel-memory", null, FlagType.MEMORY_BYTES, "0", "Kernel memory limit"),
                of("memory", "m", FlagType.MEMORY_BYTES, "0", "Memory limit"),
                of("memory-reservation", null, FlagType.MEMORY_BYTES, "0", "Memory soft limit"),
                of("memory-swap", null, FlagType.MEMORY_SWAP_BYTES, "0",
                        "Swap limit equal to memory plus swap: '-1' to enable unlimited swap"),
                of("pids-limit", null, FlagType.INT, "0", "Tune container pids limit (set -1 for unlimited)"),
                string("restart", null, "", "Restart policy to apply when a container exits"));
    }

    static CommandSpec waitCmd() {
        return cmd("container wait", "wait CONTAINER [CONTAINER...]",
                "Block until one or more containers stop, then print their exit codes", atLeast(1));
    }
}
