package clusterlab.runtime.cli.args;

import static clusterlab.runtime.cli.args.ArgsRule.ANY;
import static clusterlab.runtime.cli.args.ArgsRule.NO_ARGS;
import static clusterlab.runtime.cli.args.ArgsRule.atLeast;
import static clusterlab.runtime.cli.args.ArgsRule.atMost;
import static clusterlab.runtime.cli.args.ArgsRule.exact;
import static clusterlab.runtime.cli.args.Defs.cmd;
import static clusterlab.runtime.cli.args.Defs.filter;
import static clusterlab.runtime.cli.args.Defs.format;
import static clusterlab.runtime.cli.args.FlagSpec.bool;
import static clusterlab.runtime.cli.args.FlagSpec.list;
import static clusterlab.runtime.cli.args.FlagSpec.of;
import static clusterlab.runtime.cli.args.FlagSpec.string;

import java.util.List;

/** docker system, volume and network, and the top-level version, info and inspect (19.03). */
final class SystemCommands {
    private SystemCommands() {
    }

    private static final String FORMAT = "Format the output using the given Go template";

    static CommandSpec system() {
        return Defs.group("system", "Manage Docker",
                cmd("system df", "df [OPTIONS]", "Show docker disk usage", NO_ARGS,
                        bool("verbose", "v", "Show detailed information on space usage"),
                        format(null, "Pretty-print images using a Go template")),
                events(), info(),
                cmd("system prune", "prune [OPTIONS]", "Remove unused data", NO_ARGS,
                        bool("all", "a", "Remove all unused images not just dangling ones"),
                        Defs.force("Do not prompt for confirmation"),
                        bool("volumes", null, "Prune volumes"),
                        of("filter", null, FlagType.FILTER, "", "Provide filter values (e.g. 'label=<key>=<value>')")));
    }

    static CommandSpec events() {
        return cmd("system events", "events [OPTIONS]", "Get real time events from the server", NO_ARGS,
                string("since", null, "", "Show all events created since timestamp"),
                string("until", null, "", "Stream events until this timestamp"),
                filter("Filter output based on conditions provided"),
                format(null, "Format the output using the given Go template"));
    }

    static CommandSpec info() {
        return cmd("system info", "info [OPTIONS]", "Display system-wide information", NO_ARGS,
                format("f", FORMAT));
    }

    static CommandSpec version() {
        return cmd("version", "version [OPTIONS]", "Show the Docker version information", NO_ARGS,
                format("f", FORMAT));
    }

    static CommandSpec inspect() {
        return cmd("inspect", "inspect [OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects",
                atLeast(1),
                format("f", FORMAT),
                string("type", null, "", "Return JSON for specified type"),
                bool("size", "s", "Display total file sizes if the type is container"));
    }

    static CommandSpec volume() {
        return Defs.group("volume", "Manage volumes",
                Defs.cmd("volume create", "create [OPTIONS] [VOLUME]", List.of(), "Create a volume", atMost(1), true, List.of(
                        string("driver", "d", "local", "Specify volume driver name"),
                        string("name", null, "", "Specify volume name").hide(),
                        of("opt", "o", FlagType.MAP, "", "Set driver specific options"),
                        list("label", null, "Set metadata for a volume"))),
                cmd("volume inspect", "inspect [OPTIONS] VOLUME [VOLUME...]",
                        "Display detailed information on one or more volumes", atLeast(1), format("f", FORMAT)),
                Defs.cmd("volume ls", "ls [OPTIONS]", List.of("list"), "List volumes", NO_ARGS, true, List.of(
                        Defs.quiet("Only display volume names"),
                        format(null, "Pretty-print volumes using a Go template"),
                        filter("Provide filter values (e.g. 'dangling=true')"))),
                cmd("volume prune", "prune [OPTIONS]", "Remove all unused local volumes", NO_ARGS,
                        of("filter", null, FlagType.FILTER, "", "Provide filter values (e.g. 'label=<label>')"),
                        Defs.force("Do not prompt for confirmation")),
                Defs.cmd("volume rm", "rm [OPTIONS] VOLUME [VOLUME...]", List.of("remove"), "Remove one or more volumes",
                        atLeast(1), true, List.of(Defs.force("Force the removal of one or more volumes"))));
    }

    static CommandSpec network() {
        return Defs.group("network", "Manage networks",
                cmd("network connect", "connect [OPTIONS] NETWORK CONTAINER", "Connect a container to a network", exact(2),
                        string("ip", null, "", "IPv4 address (e.g., 172.30.100.104)"),
                        string("ip6", null, "", "IPv6 address (e.g., 2001:db8::33)"),
                        list("link", null, "Add link to another container"),
                        list("alias", null, "Add network-scoped alias for the container").typed("strings"),
                        list("driver-opt", null, "driver options for the network").typed("strings"),
                        list("link-local-ip", null, "Add a link-local address for the container").typed("strings")),
                cmd("network create", "create [OPTIONS] NETWORK", "Create a network", exact(1),
                        string("driver", "d", "bridge", "Driver to manage the Network"),
                        of("opt", "o", FlagType.MAP, "", "Set driver specific options"),
                        list("label", null, "Set metadata on a network"),
                        bool("internal", null, "Restrict external access to the network"),
                        bool("ipv6", null, "Enable IPv6 networking"),
                        bool("attachable", null, "Enable manual container attachment"),
                        bool("ingress", null, "Create swarm routing-mesh network"),
                        string("scope", null, "", "Control the network's scope"),
                        bool("config-only", null, "Create a configuration only network"),
                        string("config-from", null, "", "The network from which copying the configuration"),
                        string("ipam-driver", null, "default", "IP Address Management Driver"),
                        list("subnet", null, "Subnet in CIDR format that represents a network segment").typed("strings"),
                        list("ip-range", null, "Allocate container ip from a sub-range").typed("strings"),
                        list("gateway", null, "IPv4 or IPv6 Gateway for the master subnet").typed("strings"),
                        of("aux-address", null, FlagType.MAP, "", "Auxiliary IPv4 or IPv6 addresses used by Network driver"),
                        of("ipam-opt", null, FlagType.MAP, "", "Set IPAM driver specific options")),
                cmd("network disconnect", "disconnect [OPTIONS] NETWORK CONTAINER",
                        "Disconnect a container from a network", exact(2),
                        Defs.force("Force the container to disconnect from a network")),
                cmd("network inspect", "inspect [OPTIONS] NETWORK [NETWORK...]",
                        "Display detailed information on one or more networks", atLeast(1),
                        format("f", FORMAT), bool("verbose", "v", "Verbose output for diagnostics")),
                Defs.cmd("network ls", "ls [OPTIONS]", List.of("list"), "List networks", NO_ARGS, true, List.of(
                        Defs.quiet("Only display network IDs"),
                        bool("no-trunc", null, "Do not truncate the output"),
                        format(null, "Pretty-print networks using a Go template"),
                        filter("Provide filter values (e.g. 'driver=bridge')"))),
                cmd("network prune", "prune [OPTIONS]", "Remove all unused networks", NO_ARGS,
                        of("filter", null, FlagType.FILTER, "", "Provide filter values (e.g. 'until=<timestamp>')"),
                        Defs.force("Do not prompt for confirmation")),
                Defs.cmd("network rm", "rm NETWORK [NETWORK...]", List.of("remove"), "Remove one or more networks",
                        atLeast(1), true, List.of()));
    }

    static CommandSpec help() {
        return cmd("help", "help [command]", "Help about the command", ANY);
    }
}
