package clusterlab.runtime.cli;

import clusterlab.kernel.Time;
import clusterlab.kernel.os.Signal;
import clusterlab.runtime.cli.format.Formatter;
import clusterlab.runtime.cli.format.HumanSize;
import clusterlab.runtime.cli.format.TemplateException;
import clusterlab.runtime.engine.Container;
import clusterlab.runtime.engine.ContainerStats;
import clusterlab.runtime.engine.EngineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code docker stats}: CPU as the share of one second of the machine's time spent by the
 * container's cgroup between two samples a second apart (as the daemon computes it from
 * precpu/cpu stats), memory from memory.current against the limit, network and pids.
 */
final class StatsCommand {
    static final String FORMAT = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}"
            + "\t{{.BlockIO}}\t{{.PIDs}}";
    static final Map<String, String> HEADERS = ContainerViews.headers("ID", "CONTAINER ID", "Container", "CONTAINER",
            "Name", "NAME", "CPUPerc", "CPU %", "MemUsage", "MEM USAGE / LIMIT", "MemPerc", "MEM %", "NetIO",
            "NET I/O", "BlockIO", "BLOCK I/O", "PIDs", "PIDS");
    /** Refreshes a streaming stats screen gets before it is ended (a bound; Ctrl-C ends it sooner). */
    private static final int MAX_REFRESHES = 100_000;

    private StatsCommand() {}

    static void stats(Invocation inv) {
        List<Container> shown = new ArrayList<>();
        try {
            if (inv.args().isEmpty()) {
                for (Container c : inv.engine.containers()) {
                    if (c.isRunning() || inv.cmd.bool("all")) {
                        shown.add(c);
                    }
                }
            } else {
                for (String ref : inv.args()) {
                    shown.add(inv.engine.container(ref));
                }
            }
        } catch (EngineException e) {
            inv.clientError("Error response from daemon: " + e.getMessage());
            inv.finish();
            return;
        }
        List<ContainerStats.Sample> first = new ArrayList<>();
        for (Container c : shown) {
            first.add(ContainerStats.sample(inv.engine, c));
        }
        boolean stream = !inv.cmd.bool("no-stream");
        inv.ctx.onSignal(Signal.SIGINT, s -> inv.exit(130));
        inv.ctx.schedule(Time.SECOND, () -> screen(inv, shown, first, stream, 0));
    }

    private static void screen(Invocation inv, List<Container> shown, List<ContainerStats.Sample> before, boolean stream,
            int refresh) {
        List<ContainerStats.Sample> now = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            ContainerStats.Sample s = ContainerStats.sample(inv.engine, shown.get(i));
            now.add(s);
            rows.add(row(shown.get(i), before.get(i), s, inv.cmd.bool("no-trunc")));
        }
        String format = inv.cmd.changed("format") ? inv.cmd.string("format") : FORMAT;
        try {
            String table = Formatter.render(format, HEADERS, rows);
            inv.out(stream ? "\u001b[2J\u001b[H" + table : table);
        } catch (TemplateException e) {
            inv.errln(e.getMessage());
            inv.exit(1);
            return;
        }
        if (!stream || refresh >= MAX_REFRESHES) {
            inv.exit(0);
            return;
        }
        inv.ctx.schedule(Time.SECOND, () -> screen(inv, shown, now, true, refresh + 1));
    }

    private static Map<String, Object> row(Container c, ContainerStats.Sample a, ContainerStats.Sample b, boolean noTrunc) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", noTrunc ? c.id() : c.shortId());
        row.put("Container", noTrunc ? c.id() : c.shortId());
        row.put("Name", c.name());
        if (!b.running()) {
            row.put("CPUPerc", "0.00%");
            row.put("MemUsage", "0B / 0B");
            row.put("MemPerc", "0.00%");
            row.put("NetIO", "0B / 0B");
            row.put("BlockIO", "0B / 0B");
            row.put("PIDs", "0");
            return row;
        }
        double elapsed = Math.max(1, b.timeNanos() - a.timeNanos());
        double cpu = (b.cpuNanos() - a.cpuNanos()) / elapsed * 100.0;
        row.put("CPUPerc", String.format(Locale.ROOT, "%.2f%%", Math.max(0, cpu)));
        row.put("MemUsage", HumanSize.binary(b.memoryBytes()) + " / " + HumanSize.binary(b.memoryLimitBytes()));
        row.put("MemPerc", String.format(Locale.ROOT, "%.2f%%", b.memoryLimitBytes() == 0 ? 0.0
                : 100.0 * b.memoryBytes() / b.memoryLimitBytes()));
        row.put("NetIO", HumanSize.decimal(b.rxBytes()) + " / " + HumanSize.decimal(b.txBytes()));
        row.put("BlockIO", "0B / 0B");
        row.put("PIDs", String.valueOf(b.pids()));
        return row;
    }
}
