package clusterlab.runtime.cli;

import clusterlab.runtime.cli.format.Formatter;
import clusterlab.runtime.cli.format.HumanDuration;
import clusterlab.runtime.cli.format.HumanSize;
import clusterlab.runtime.cli.format.TemplateException;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.ContainerState;
import clusterlab.runtime.engine.Engine;
import clusterlab.runtime.engine.EngineException;
import clusterlab.runtime.engine.EngineNetwork;
import clusterlab.runtime.engine.Volume;
import clusterlab.runtime.image.Image;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** version, info, system prune/df, and the volume and network commands. */
final class SystemCommands {
    static final String CLIENT_BUILD = "bca0068";
    static final String GO_VERSION = "go1.10.8";

    private SystemCommands() {}

    static void version(Invocation inv) {
        String built = "Thu Mar 28 18:01:45 2019";
        if (inv.cmd.changed("format")) {
            java.util.Map<String, Object> client = new LinkedHashMap<>();
            client.put("Version", Engine.VERSION);
            client.put("ApiVersion", Engine.API_VERSION);
            client.put("GoVersion", GO_VERSION);
            client.put("GitCommit", CLIENT_BUILD);
            client.put("Os", "linux");
            client.put("Arch", "amd64");
            java.util.Map<String, Object> server = new LinkedHashMap<>(client);
            server.put("MinAPIVersion", "1.12");
            java.util.Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("Client", client);
            doc.put("Server", server);
            try {
                inv.outln(clusterlab.runtime.cli.format.Template.parse(inv.cmd.string("format")).render(doc));
                inv.exit(0);
            } catch (TemplateException e) {
                inv.errln("Template parsing error: " + e.getMessage());
                inv.exit(64);
            }
            return;
        }
        inv.out("Client:\n"
                + " Version:           " + Engine.VERSION + "\n"
                + " API version:       " + Engine.API_VERSION + "\n"
                + " Go version:        " + GO_VERSION + "\n"
                + " Git commit:        " + CLIENT_BUILD + "\n"
                + " Built:             " + built + "\n"
                + " OS/Arch:           linux/amd64\n"
                + " Experimental:      false\n"
                + "\n"
                + "Server: Docker Engine - Community\n"
                + " Engine:\n"
                + "  Version:          " + Engine.VERSION + "\n"
                + "  API version:      " + Engine.API_VERSION + " (minimum version 1.12)\n"
                + "  Go version:       " + GO_VERSION + "\n"
                + "  Git commit:       " + CLIENT_BUILD + "\n"
                + "  Built:            " + built + "\n"
                + "  OS/Arch:          linux/amd64\n"
                + "  Experimental:     false\n");
        inv.exit(0);
    }

    static void info(Invocation inv) {
        Engine e = inv.engine;
        long running = e.containers().stream().filter(c -> c.state() == ContainerState.RUNNING).count();
        long paused = e.containers().stream().filter(c -> c.state() == ContainerState.PAUSED).count();
        long total = e.containers().size();
        var machine = e.host().machine();
        inv.out("Client:\n Debug Mode: false\n\nServer:\n"
                + " Containers: " + total + "\n"
                + "  Running: " + running + "\n"
                + "  Paused: " + paused + "\n"
                + "  Stopped: " + (total - running - paused) + "\n"
                + " Images: " + e.images().images().size() + "\n"
                + " Server Version: " + Engine.VERSION + "\n"
                + " Storage Driver: overlay2\n"
                + "  Backing Filesystem: extfs\n"
                + " Logging Driver: json-file\n"
                + " Cgroup Driver: systemd\n"
                + " Cgroup Version: 2\n"
                + " Plugins:\n  Volume: local\n  Network: bridge host null overlay\n"
                + " Swarm: " + e.swarmInfo()
                + " Runtimes: runc\n Default Runtime: runc\n"
                + " Kernel Version: 5.4.0-clusterlab\n"
                + " Operating System: Alpine Linux v3.10 (containerized)\n"
                + " OSType: linux\n Architecture: x86_64\n"
                + " CPUs: " + machine.cores() + "\n"
                + " Total Memory: " + HumanSize.binary(machine.memoryBytes()) + "\n"
                + " Name: " + e.host().name() + "\n"
                + " Docker Root Dir: /var/lib/docker\n"
                + " Debug Mode: false\n"
                + " Registry: https://index.docker.io/v1/\n"
                + " Live Restore Enabled: false\n");
        inv.exit(0);
    }

    /** {@code docker system prune}: asks first unless {@code -f}, as the real command does. */
    static void prune(Invocation inv) {
        boolean all = inv.cmd.bool("all");
        boolean volumes = inv.cmd.bool("volumes");
        if (!inv.cmd.bool("force")) {
            inv.out("WARNING! This will remove:\n"
                    + "  - all stopped containers\n"
                    + "  - all networks not used by at least one container\n"
                    + (volumes ? "  - all volumes not used by at least one container\n" : "")
                    + (all ? "  - all images without at least one container associated to them\n"
                            : "  - all dangling images\n")
                    + "  - all build cache\n"
                    + "Are you sure you want to continue? [y/N] ");
            inv.ctx.readLine(false, answer -> decide(inv, answer == null ? "" : answer, all, volumes));
            return;
        }
        doPrune(inv, all, volumes);
    }

    private static void decide(Invocation inv, String answer, boolean all, boolean volumes) {
        if (!inv.ctx.process().isAlive()) {
            return;
        }
        String a = answer.strip();
        if (a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes")) {
            doPrune(inv, all, volumes);
        } else {
            inv.exit(0);
        }
    }

    /** {@code docker container prune}: the stopped containers only, with its own question. */
    static void containerPrune(Invocation inv) {
        if (inv.cmd.bool("force")) {
            doContainerPrune(inv);
            return;
        }
        inv.out("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
        inv.ctx.readLine(false, answer -> {
            String a = answer == null ? "" : answer.strip();
            if (!inv.ctx.process().isAlive()) {
                return;
            }
            if (a.equalsIgnoreCase("y") || a.equalsIgnoreCase("yes")) {
                doContainerPrune(inv);
            } else {
                inv.exit(0);
            }
        });
    }

    private static void doContainerPrune(Invocation inv) {
        List<String> deleted = new ArrayList<>();
        long bytes = removeStoppedContainers(inv.engine, deleted);
        StringBuilder out = new StringBuilder();
        section(out, "Deleted Containers:", deleted);
        out.append("Total reclaimed space: ").append(HumanSize.decimal(bytes)).append('\n');
        inv.out(out.toString());
        inv.exit(0);
    }

    /** Removes every container that is not running (nor restarting); their ids go to {@code deleted}. */
    private static long removeStoppedContainers(Engine e, List<String> deleted) {
        long bytes = 0;
        for (Container c : e.containers()) {
            if (!c.isRunning() && c.state() != ContainerState.RESTARTING) {
                deleted.add(c.id());
                bytes += c.rootfs().upperSizeBytes();
                e.remove(c, false, false, () -> { });
            }
        }
        return bytes;
    }

    private static void doPrune(Invocation inv, boolean all, boolean volumes) {
        Engine e = inv.engine;
        List<String> deletedContainers = new ArrayList<>();
        long containerBytes = removeStoppedContainers(e, deletedContainers);
        List<String> deletedNetworks = new ArrayList<>();
        for (EngineNetwork n : e.networks()) {
            if (n.isUserDefined() && n.leases().isEmpty()) {
                deletedNetworks.add(n.name());
                e.removeNetwork(n);
            }
        }
        List<String> deletedVolumes = new ArrayList<>();
        if (volumes) {
            for (Volume v : e.volumes()) {
                if (e.volumeUsers(v).isEmpty()) {
                    deletedVolumes.add(v.name());
                    e.removeVolume(v, false);
                }
            }
        }
        ImageCommands.PruneResult images = ImageCommands.pruneImages(inv, all);
        StringBuilder out = new StringBuilder();
        section(out, "Deleted Containers:", deletedContainers);
        section(out, "Deleted Networks:", deletedNetworks);
        section(out, "Deleted Volumes:", deletedVolumes);
        section(out, "Deleted Images:", images.lines());
        out.append("Total reclaimed space: ").append(HumanSize.decimal(images.reclaimedBytes() + containerBytes))
                .append('\n');
        inv.out(out.toString());
        inv.exit(0);
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append(title).append('\n');
        for (String l : lines) {
            out.append(l).append('\n');
        }
        out.append('\n');
    }

    /** {@code docker system df}. */
    static void df(Invocation inv) {
        Engine e = inv.engine;
        List<Image> images = e.images().images();
        Map<String, List<Container>> users = e.imageUsers();
        long active = images.stream().filter(i -> users.containsKey(i.id())).count();
        long imagesSize = e.images().layerStore().distinctLayerBytes();
        long unusedImageBytes = 0;
        for (Image i : images) {
            if (!users.containsKey(i.id())) {
                unusedImageBytes += uniqueBytes(e, i);
            }
        }
        List<Container> containers = e.containers();
        long running = containers.stream().filter(Container::isRunning).count();
        long containerBytes = 0;
        long stoppedBytes = 0;
        for (Container c : containers) {
            long upper = c.rootfs().upperSizeBytes();
            containerBytes += upper;
            if (!c.isRunning()) {
                stoppedBytes += upper;
            }
        }
        List<Volume> volumes = e.volumes();
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(dfRow("Images", images.size(), active, imagesSize, unusedImageBytes));
        rows.add(dfRow("Containers", containers.size(), running, containerBytes, stoppedBytes));
        long volumeBytes = 0;
        long volumesActive = 0;
        for (Volume v : volumes) {
            volumeBytes += e.host().disk().treeSizeBytes(v.mountpoint());
            volumesActive += e.volumeUsers(v).isEmpty() ? 0 : 1;
        }
        rows.add(dfRow("Local Volumes", volumes.size(), volumesActive, volumeBytes, 0));
        rows.add(dfRow("Build Cache", 0, 0, 0, 0));
        Map<String, String> headers = ContainerViews.headers("Type", "TYPE", "TotalCount", "TOTAL", "Active", "ACTIVE",
                "Size", "SIZE", "Reclaimable", "RECLAIMABLE");
        try {
            inv.out(Formatter.render("table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
                    headers, rows));
        } catch (TemplateException ex) {
            inv.errln(ex.getMessage());
        }
        inv.exit(0);
    }

    private static long uniqueBytes(Engine e, Image i) {
        long sum = 0;
        for (var layer : i.layers()) {
            if (e.images().layerStore().layerUsers(layer) <= 1) {
                sum += layer.sizeBytes();
            }
        }
        return sum;
    }

    private static Map<String, Object> dfRow(String type, long total, long active, long size, long reclaimable) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Type", type);
        row.put("TotalCount", String.valueOf(total));
        row.put("Active", String.valueOf(active));
        row.put("Size", HumanSize.decimal(size));
        long pct = size == 0 ? 0 : reclaimable * 100 / size;
        row.put("Reclaimable", HumanSize.decimal(reclaimable) + (size == 0 ? "" : " (" + pct + "%)"));
        return row;
    }

    // ---- volumes ------------------------------------------------------------------------------

    static void volumeCreate(Invocation inv) {
        try {
            Volume v = inv.engine.createVolume(inv.args().isEmpty() ? null : inv.arg(0));
            inv.outln(v.name());
        } catch (EngineException e) {
            inv.daemonError(e);
        }
        inv.finish();
    }

    static void volumeLs(Invocation inv) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Volume v : inv.engine.volumes()) {
            if (inv.cmd.bool("quiet")) {
                inv.outln(v.name());
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Driver", v.driver());
            row.put("Name", v.name());
            row.put("Mountpoint", v.mountpoint());
            rows.add(row);
        }
        if (!inv.cmd.bool("quiet")) {
            String format = inv.cmd.changed("format") ? inv.cmd.string("format") : "table {{.Driver}}\t{{.Name}}";
            try {
                inv.out(Formatter.render(format, ContainerViews.headers("Driver", "DRIVER", "Name", "VOLUME NAME",
                        "Mountpoint", "MOUNTPOINT"), rows));
            } catch (TemplateException e) {
                inv.clientError(e.getMessage());
            }
        }
        inv.finish();
    }

    static void volumeRm(Invocation inv) {
        for (String name : inv.args()) {
            try {
                inv.engine.removeVolume(inv.engine.volume(name), inv.cmd.bool("force"));
                inv.outln(name);
            } catch (EngineException e) {
                inv.daemonError(e);
            }
        }
        inv.finish();
    }

    // ---- networks -----------------------------------------------------------------------------

    static void networkCreate(Invocation inv) {
        try {
            String driver = inv.cmd.changed("driver") ? inv.cmd.string("driver") : "bridge";
            List<String> subnets = inv.cmd.strings("subnet");
            EngineNetwork n = inv.engine.createNetwork(inv.arg(0), driver, subnets.isEmpty() ? null : subnets.get(0));
            inv.outln(n.id());
        } catch (EngineException e) {
            inv.daemonError(e);
        } catch (IllegalArgumentException e) {
            inv.clientError("Error response from daemon: invalid subnet: " + e.getMessage());
        }
        inv.finish();
    }

    static void networkLs(Invocation inv) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EngineNetwork n : inv.engine.networks()) {
            if (inv.cmd.bool("quiet")) {
                inv.outln(n.id().substring(0, 12));
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ID", inv.cmd.bool("no-trunc") ? n.id() : n.id().substring(0, 12));
            row.put("Name", n.name());
            row.put("Driver", n.driver());
            row.put("Scope", n.scope());
            row.put("CreatedAt", HumanDuration.ago(inv.now(), n.createdNanos()));
            rows.add(row);
        }
        if (!inv.cmd.bool("quiet")) {
            String format = inv.cmd.changed("format") ? inv.cmd.string("format")
                    : "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
            try {
                inv.out(Formatter.render(format, ContainerViews.headers("ID", "NETWORK ID", "Name", "NAME", "Driver",
                        "DRIVER", "Scope", "SCOPE"), rows));
            } catch (TemplateException e) {
                inv.clientError(e.getMessage());
            }
        }
        inv.finish();
    }

    static void networkRm(Invocation inv) {
        for (String name : inv.args()) {
            try {
                inv.engine.removeNetwork(inv.engine.network(name));
                inv.outln(name);
            } catch (EngineException e) {
                inv.daemonError(e);
            }
        }
        inv.finish();
    }
}
