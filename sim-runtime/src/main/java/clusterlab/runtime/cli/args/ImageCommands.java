package clusterlab.runtime.cli.args;


import static clusterlab.runtime.cli.args.ArgsRule.NO_ARGS;
import static clusterlab.runtime.cli.args.ArgsRule.atLeast;
import static clusterlab.runtime.cli.args.ArgsRule.atMost;
import static clusterlab.runtime.cli.args.ArgsRule.exact;
import static clusterlab.runtime.cli.args.Defs.cmd;
import static clusterlab.runtime.cli.args.Defs.filter;
import static clusterlab.runtime.cli.args.Defs.format;
import static clusterlab.runtime.cli.args.FlagSpec.bool;
import static clusterlab.runtime.cli.args.FlagSpec.boolTrue;
import static clusterlab.runtime.cli.args.FlagSpec.list;
import static clusterlab.runtime.cli.args.FlagSpec.of;
import static clusterlab.runtime.cli.args.FlagSpec.string;

import java.util.List;

/** The commands of cli/command/image (19.03), plus login and logout from cli/command/registry. */
final class ImageCommands {
    private ImageCommands() {
    }

    static CommandSpec group() {
        return Defs.group("image", "Manage images",
                build(), history(),
                cmd("image inspect", "inspect [OPTIONS] IMAGE [IMAGE...]",
                        "Display detailed information on one or more images", atLeast(1),
                        format("f", "Format the output using the given Go template")),
                ls("ls [OPTIONS] [REPOSITORY[:TAG]]", List.of("images", "list")),
                cmd("image prune", "prune [OPTIONS]", "Remove unused images", NO_ARGS,
                        bool("all", "a", "Remove all unused images, not just dangling ones"),
                        of("filter", null, FlagType.FILTER, "", "Provide filter values (e.g. 'until=<timestamp>')"),
                        Defs.force("Do not prompt for confirmation")),
                pull(), push(), rm("rm [OPTIONS] IMAGE [IMAGE...]", List.of("rmi", "remove")), tag());
    }

    static CommandSpec build() {
        return cmd("image build", "build [OPTIONS] PATH | URL | -", List.of(), "Build an image from a Dockerfile",
                exact(1), true, List.of(
                        list("tag", "t", "Name and optionally a tag in the 'name:tag' format"),
                        list("build-arg", null, "Set build-time variables"),
                        list("ulimit", null, "Ulimit options").typed("ulimit"),
                        string("file", "f", "", "Name of the Dockerfile (Default is 'PATH/Dockerfile')"),
                        of("memory", "m", FlagType.MEMORY_BYTES, "0", "Memory limit"),
                        of("memory-swap", null, FlagType.MEMORY_SWAP_BYTES, "0",
                                "Swap limit equal to memory plus swap: '-1' to enable unlimited swap"),
                        of("shm-size", null, FlagType.MEMORY_BYTES, "0", "Size of /dev/shm"),
                        of("cpu-shares", "c", FlagType.INT, "0", "CPU shares (relative weight)"),
                        of("cpu-period", null, FlagType.INT, "0", "Limit the CPU CFS (Completely Fair Scheduler) period"),
                        of("cpu-quota", null, FlagType.INT, "0", "Limit the CPU CFS (Completely Fair Scheduler) quota"),
                        string("cpuset-cpus", null, "", "CPUs in which to allow execution (0-3, 0,1)"),
                        string("cpuset-mems", null, "", "MEMs in which to allow execution (0-3, 0,1)"),
                        string("cgroup-parent", null, "", "Optional parent cgroup for the container"),
                        string("isolation", null, "", "Container isolation technology"),
                        list("label", null, "Set metadata for an image"),
                        bool("no-cache", null, "Do not use cache when building the image"),
                        boolTrue("rm", null, "Remove intermediate containers after a successful build"),
                        bool("force-rm", null, "Always remove intermediate containers"),
                        bool("quiet", "q", "Suppress the build output and print image ID on success"),
                        bool("pull", null, "Always attempt to pull a newer version of the image"),
                        list("cache-from", null, "Images to consider as cache sources").typed("strings"),
                        bool("compress", null, "Compress the build context using gzip"),
                        list("security-opt", null, "Security options").typed("strings"),
                        string("network", null, "default", "Set the networking mode for the RUN instructions during build"),
                        list("add-host", null, "Add a custom host-to-IP mapping (host:ip)"),
                        string("target", null, "", "Set the target build stage to build."),
                        string("iidfile", null, "", "Write the image ID to the file"),
                        boolTrue("disable-content-trust", null, "Skip image verification")));
    }

    static CommandSpec history() {
        return cmd("image history", "history [OPTIONS] IMAGE", "Show the history of an image", exact(1),
                boolTrue("human", "H", "Print sizes and dates in human readable format"),
                Defs.quiet("Only show numeric IDs"),
                bool("no-trunc", null, "Don't truncate output"),
                format(null, "Pretty-print images using a Go template"));
    }

    static CommandSpec ls(String use, List<String> aliases) {
        return cmd("image ls", use, aliases, "List images", atMost(1), true, List.of(
                Defs.quiet("Only show numeric IDs"),
                bool("all", "a", "Show all images (default hides intermediate images)"),
                bool("digests", null, "Show digests"),
                bool("no-trunc", null, "Don't truncate output"),
                format(null, "Pretty-print images using a Go template"),
                filter("Filter output based on conditions provided")));
    }

    static CommandSpec pull() {
        return cmd("image pull", "pull [OPTIONS] NAME[:TAG|@DIGEST]",
                "Pull an image or a repository from a registry", exact(1),
                bool("all-tags", "a", "Download all tagged images in the repository"),
                Defs.quiet("Suppress verbose output"),
                boolTrue("disable-content-trust", null, "Skip image verification"));
    }

    static CommandSpec push() {
        return cmd("image push", "push [OPTIONS] NAME[:TAG]", "Push an image or a repository to a registry", exact(1),
                boolTrue("disable-content-trust", null, "Skip image signing"));
    }

    static CommandSpec rm(String use, List<String> aliases) {
        return cmd("image rm", use, aliases, "Remove one or more images", atLeast(1), true, List.of(
                Defs.force("Force removal of the image"),
                bool("no-prune", null, "Do not delete untagged parents")));
    }

    static CommandSpec tag() {
        return cmd("image tag", "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
                "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE", exact(2));
    }

    static CommandSpec login() {
        return cmd("login", "login [OPTIONS] [SERVER]", "Log in to a Docker registry", atMost(1),
                string("username", "u", "", "Username"),
                string("password", "p", "", "Password"),
                bool("password-stdin", null, "Take the password from stdin"));
    }

    static CommandSpec logout() {
        return cmd("logout", "logout [SERVER]", "Log out from a Docker registry", atMost(1));
    }

    static CommandSpec search() {
        return cmd("search", "search [OPTIONS] TERM", "Search the Docker Hub for images", exact(1),
                filter("Filter output based on conditions provided"),
                of("limit", null, FlagType.INT, "25", "Max number of search results"),
                bool("no-trunc", null, "Don't truncate output"),
                format(null, "Pretty-print search using a Go template"));
    }

}
