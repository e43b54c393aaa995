package clusterlab.lab.shell;

import clusterlab.kernel.Time;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The line discipline of {@code ./lab shell}: command lines go to the current node's terminal;
 * lines starting with {@code :} are lab commands. A line that fails never ends the shell.
 */
public final class LabShell {
    private final LabSession session;
    private final PrintStream out;
    private final long seed;
    private boolean quit;

    public LabShell(LabSession session, long seed, PrintStream out) {
        this.session = session;
        this.seed = seed;
        this.out = out;
    }

    public boolean wantsToQuit() {
        return quit;
    }

    public LabSession session() {
        return session;
    }

    /** Handles one input line. */
    public void line(String raw) {
        String line = raw.stripTrailing();
        try {
            if (line.equals("^C")) {
                session.interrupt();
            } else if (line.startsWith(":")) {
                boolean switching = line.substring(1).strip().toLowerCase(Locale.ROOT).startsWith("node");
                labCommand(line.substring(1).strip());
                if (!quit && !switching) {
                    session.redisplayPrompt();
                }
            } else {
                session.type(line);
            }
        } catch (RuntimeException e) {
            out.println("lab: " + e.getMessage() + " (seed " + seed + ")");
        }
    }

    private static final String HELP = String.join("\n",
            ":node NAME            switch to another node's terminal (node1/2: a second one on node1)",
            ":advance DURATION     run virtual time forward (30s, 5m)",
            ":time                 show the virtual time",
            ":seed                 show the seed of this lab",
            ":crash NAME           crash a machine",
            ":restart NAME         restart a machine",
            ":partition A,B | C    split the network into groups",
            ":block A -> B         drop traffic from A to B",
            ":heal                 end partitions and blocks",
            ":loss P               lose a fraction P of packets (0..1)",
            ":latency DURATION     set the one-way latency of every link",
            ":capture VAR [REGEX]  keep the last output (or REGEX's first group) as ${VAR}",
            ":trace FILE           write the trace so far and from now on as JSON Lines",
            ":save FILE            save this session (commands, faults, waits) as a scenario for ./lab run",
            ":help                 this list",
            ":quit                 leave the lab",
            "^C                    interrupt the foreground program");

    /** Writes the session as a scenario; the file name (without .yaml) names it. */
    private void save(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String yaml = clusterlab.lab.scenario.ScenarioWriter.write(session.asScenario(name));
        try {
            java.nio.file.Files.writeString(file, yaml, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
        out.println("saved " + session.asScenario(name).steps().size() + " steps to " + file
                + " (replay: ./lab run " + file + ")");
    }

    private void labCommand(String command) {
        String[] parts = command.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "node" -> {
                session.switchTo(require(arg, "node NAME"));
            }
            case "advance" -> {
                session.advance(Time.parseDuration(require(arg, "advance DURATION")));
            }
            case "time" -> out.println(Time.formatInstant(session.simulation().now()));
            case "seed" -> out.println(seed);
            case "crash" -> session.crash(require(arg, "crash NAME"));
            case "restart" -> session.restart(require(arg, "restart NAME"));
            case "partition" -> session.partition(groups(require(arg, "partition A,B | C")));
            case "block" -> {
                String[] ends = require(arg, "block A -> B").split("->");
                if (ends.length != 2) {
                    throw new IllegalArgumentException("usage: :block A -> B");
                }
                session.block(ends[0].strip(), ends[1].strip());
            }
            case "heal" -> session.heal();
            case "loss" -> {
                double p = Double.parseDouble(require(arg, "loss P"));
                if (p < 0 || p > 1) {
                    throw new IllegalArgumentException("loss must be between 0 and 1");
                }
                session.setLoss(p);
            }
            case "latency" -> session.setLatency(Time.parseDuration(require(arg, "latency DURATION")));
            case "capture" -> capture(require(arg, "capture VAR [REGEX]"));
            case "trace" -> session.traceTo(Path.of(require(arg, "trace FILE")));
            case "save" -> save(Path.of(require(arg, "save FILE")));
            case "help" -> out.println(HELP);
            case "quit", "exit", "q" -> quit = true;
            default -> throw new IllegalArgumentException("unknown lab command :" + name + " (try :help)");
        }
    }

    private void capture(String arg) {
        String[] parts = arg.split("\\s+", 2);
        String var = parts[0];
        if (!var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("invalid variable name " + var);
        }
        String text = session.lastOutput().replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "");
        String value;
        if (parts.length > 1) {
            Matcher m;
            try {
                m = Pattern.compile(parts[1], Pattern.MULTILINE).matcher(text);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regex: " + e.getDescription());
            }
            if (!m.find()) {
                throw new IllegalArgumentException("no match for " + parts[1] + " in the last output");
            }
            value = m.groupCount() >= 1 ? m.group(1) : m.group();
        } else {
            value = text.strip();
        }
        session.setVariable(var, value);
        out.println(var + "=" + value);
    }

    private static String require(String arg, String usage) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("usage: :" + usage);
        }
        return arg;
    }

    static List<Set<String>> groups(String spec) {
        List<Set<String>> groups = new ArrayList<>();
        for (String group : spec.split("\\|")) {
            Set<String> names = new LinkedHashSet<>();
            for (String n : group.split(",")) {
                if (!n.isBlank()) {
                    names.add(n.strip());
                }
            }
            if (!names.isEmpty()) {
                groups.add(names);
            }
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException("a partition needs at least two groups: :partition node1 | node2,node3");
        }
        return groups;
    }
}
