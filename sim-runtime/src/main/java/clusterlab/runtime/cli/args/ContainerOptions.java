package clusterlab.runtime.cli.args;

import static clusterlab.runtime.cli.args.FlagSpec.bool;
import static clusterlab.runtime.cli.args.FlagSpec.list;
import static clusterlab.runtime.cli.args.FlagSpec.of;
import static clusterlab.runtime.cli.args.FlagSpec.string;

import java.util.List;

/**
 * The flags docker run and docker create share (addFlags in cli/command/container/opts.go,
 * 19.03). Windows-only and experimental flags are left out: the 19.03 client hides them
 * from a Linux daemon's help.
 */
final class ContainerOptions {
    private ContainerOptions() {
    }

    static List<FlagSpec> flags() {
        return List.of(
                list("attach", "a", "Attach to STDIN, STDOUT or STDERR"),
                list("device-cgroup-rule", null, "Add a rule to the cgroup allowed devices list"),
                list("device", null, "Add a host device to the container"),
                list("gpus", null, "GPU devices to add to the container ('all' to pass all GPUs)").typed("gpu-request"),
                list("env", "e", "Set environment variables"),
                list("env-file", null, "Read in a file of environment variables"),
                string("entrypoint", null, "", "Overwrite the default ENTRYPOINT of the image"),
                list("group-add", null, "Add additional groups to join"),
                string("hostname", "h", "", "Container host name"),
                string("domainname", null, "", "Container NIS domain name"),
                bool("interactive", "i", "Keep STDIN open even if not attached"),
                list("label", "l", "Set meta data on a container"),
                list("label-file", null, "Read in a line delimited file of labels"),
                bool("read-only", null, "Mount the container's root filesystem as read only"),
                string("restart", null, "no", "Restart policy to apply when a container exits"),
                string("stop-signal", null, "SIGTERM", "Signal to stop a container"),
                of("stop-timeout", null, FlagType.INT, "0", "Timeout (in seconds) to stop a container"),
                of("sysctl", null, FlagType.MAP, "", "Sysctl options"),
                bool("tty", "t", "Allocate a pseudo-TTY"),
                list("ulimit", null, "Ulimit options").typed("ulimit"),
                string("user", "u", "", "Username or UID (format: <name|uid>[:<group|gid>])"),
                string("workdir", "w", "", "Working directory inside the container"),
                bool("rm", null, "Automatically remove the container when it exits"),
                list("cap-add", null, "Add Linux capabilities"),
                list("cap-drop", null, "Drop Linux capabilities"),
                bool("privileged", null, "Give extended privileges to this container"),
                list("security-opt", null, "Security Options"),
                string("userns", null, "", "User namespace to use"),
                list("add-host", null, "Add a custom host-to-IP mapping (host:ip)"),
                list("dns", null, "Set custom DNS servers"),
                list("dns-opt", null, "Set DNS options").hide(),
                list("dns-option", null, "Set DNS options"),
                list("dns-search", null, "Set custom DNS search domains"),
                list("expose", null, "Expose a port or a range of ports"),
                string("ip", null, "", "IPv4 address (e.g., 172.30.100.104)"),
                string("ip6", null, "", "IPv6 address (e.g., 2001:db8::33)"),
                list("link", null, "Add link to another container"),
                list("link-local-ip", null, "Container IPv4/IPv6 link-local addresses"),
                string("mac-address", null, "", "Container MAC address (e.g., 92:d0:c6:0a:29:33)"),
                list("publish", "p", "Publish a container's port(s) to the host"),
                bool("publish-all", "P", "Publish all exposed ports to random ports"),
                string("net", null, "", "Connect a container to a network").typed("network").hide(),
                string("network", null, "", "Connect a container to a network").typed("network"),
                list("net-alias", null, "Add network-scoped alias for the container").hide(),
                list("network-alias", null, "Add network-scoped alias for the container"),
                string("log-driver", null, "", "Logging driver for the container"),
                string("volume-driver", null, "", "Optional volume driver for the container"),
                list("log-opt", null, "Log driver options"),
                list("storage-opt", null, "Storage driver options for the container"),
                list("tmpfs", null, "Mount a tmpfs directory"),
                list("volumes-from", null, "Mount volumes from the specified container(s)"),
                list("volume", "v", "Bind mount a volume"),
                list("mount", null, "Attach a filesystem mount to the container").typed("mount"),
                string("health-cmd", null, "", "Command to run to check health"),
                of("health-interval", null, FlagType.DURATION, "0s", "Time between running the check (ms|s|m|h) (default 0s)"),
                of("health-retries", null, FlagType.INT, "0", "Consecutive failures needed to report unhealthy"),
                of("health-timeout", null, FlagType.DURATION, "0s", "Maximum time to allow one check to run (ms|s|m|h) (default 0s)"),
                of("health-start-period", null, FlagType.DURATION, "0s",
                        "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)"),
                bool("no-healthcheck", null, "Disable any container-specified HEALTHCHECK"),
                of("blkio-weight", null, FlagType.UINT16, "0", "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)"),
                list("blkio-weight-device", null, "Block IO weight (relative device weight)"),
                string("cidfile", null, "", "Write the container ID to the file"),
                string("cpuset-cpus", null, "", "CPUs in which to allow execution (0-3, 0,1)"),
                string("cpuset-mems", null, "", "MEMs in which to allow execution (0-3, 0,1)"),
                of("cpu-period", null, FlagType.INT, "0", "Limit CPU CFS (Completely Fair Scheduler) period"),
                of("cpu-quota", null, FlagType.INT, "0", "Limit CPU CFS (Completely Fair Scheduler) quota"),
                of("cpu-rt-period", null, FlagType.INT, "0", "Limit CPU real-time period in microseconds"),
                of("cpu-rt-runtime", null, FlagType.INT, "0", "Limit CPU real-time runtime in microseconds"),
                of("cpu-shares", "c", FlagType.INT, "0", "CPU shares (relative weight)"),
                of("cpus", null, FlagType.NANO_CPUS, "", "Number of CPUs"),
                list("device-read-bps", null, "Limit read rate (bytes per second) from a device"),
                list("device-read-iops", null, "Limit read rate (IO per second) from a device"),
                list("device-write-bps", null, "Limit write rate (bytes per second) to a device"),
                list("device-write-iops", null, "Limit write rate (IO per second) to a device"),
                of("kernel-memory", null, FlagType.MEMORY_BYTES, "0", "Kernel memory limit"),
                of("memory", "m", FlagType.MEMORY_BYTES, "0", "Memory limit"),
                of("memory-reservation", null, FlagType.MEMORY_BYTES, "0", "Memory soft limit"),
                of("memory-swap", null, FlagType.MEMORY_SWAP_BYTES, "0",
                        "Swap limit equal to memory plus swap: '-1' to enable unlimited swap"),
                of("memory-swappiness", null, FlagType.INT, "-1", "Tune container memory swappiness (0 to 100)"),
                bool("oom-kill-disable", null, "Disable OOM Killer"),
                of("oom-score-adj", null, FlagType.INT, "0", "Tune host's OOM preferences (-1000 to 1000)"),
                of("pids-limit", null, FlagType.INT, "0", "Tune container pids limit (set -1 for unlimited)"),
                string("cgroup-parent", null, "", "Optional parent cgroup for the container"),
                string("ipc", null, "", "IPC mode to use"),
                string("isolation", null, "", "Container isolation technology"),
                string("pid", null, "", "PID namespace to use"),
                of("shm-size", null, FlagType.MEMORY_BYTES, "0", "Size of /dev/shm"),
                string("uts", null, "", "UTS namespace to use"),
                string("runtime", null, "", "Runtime to use for this container"),
                bool("init", null, "Run an init inside the container that forwards signals and reaps processes"));
    }
}
