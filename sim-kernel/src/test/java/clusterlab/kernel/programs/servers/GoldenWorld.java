package clusterlab.kernel.programs.servers;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.BindFs;
import clusterlab.kernel.fs.MountTable;
import clusterlab.kernel.fs.MountedFs;
import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.host.HostImage;
import clusterlab.kernel.os.Namespaces;
import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.Signal;
import clusterlab.kernel.os.SpawnSpec;
import clusterlab.kernel.os.Stdio;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The world a golden transcript drives: a two-host cluster and named background processes whose
 * output is captured. Each command returns the text the transcript expects after it.
 */
final class GoldenWorld {
    private final Cluster cluster = new Cluster(7);
    private final Map<String, Background> background = new LinkedHashMap<>();

    private static final class Background {
        final Process process;
        final StringBuilder out;
        final StringBuilder err;
        int outSeen;
        int errSeen;

        Background(Process process, StringBuilder out, StringBuilder err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }
    }

    GoldenWorld() {
        cluster.addHost("node1");
        cluster.addHost("node2");
    }

    String execute(String commandLine) {
        List<String> words = split(commandLine);
        String verb = words.get(0);
        List<String> rest = words.subList(1, words.size());
        return switch (verb) {
            case "run" -> render(host(rest.get(0)).run(rest.subList(1, rest.size()).toArray(String[]::new)));
            case "install" -> {
                HostImage.installProgram(host(rest.get(0)).disk(), rest.get(1));
                yield "";
            }
            case "write" -> {
                Host h = host(rest.get(0));
                String path = rest.get(1);
                h.disk().mkdirs(path.substring(0, Math.max(1, path.lastIndexOf('/'))));
                h.disk().writeString(path, unescape(rest.get(2)));
                yield "";
            }
            case "mkdir" -> {
                host(rest.get(0)).disk().mkdirs(rest.get(1));
                yield "";
            }
            case "welcome" -> {
                host(rest.get(0)).disk().mkdirs(NginxFiles.HTML_ROOT);
                host(rest.get(0)).disk().writeString(NginxFiles.HTML_ROOT + "/index.html", NginxFiles.WELCOME_HTML);
                yield "";
            }
            case "start" -> start(rest.get(0), host(rest.get(1)), rest.subList(2, rest.size()), null);
            case "start-bind" -> {
                // start-bind NAME HOST SOURCE TARGET ARGV...: a read-only bind mount of SOURCE at TARGET
                Host h = host(rest.get(1));
                MountTable table = new MountTable(h.disk());
                table.mount(rest.get(3), new BindFs(h.disk(), rest.get(2)), true);
                Namespaces base = h.os().initialNamespaces();
                Namespaces ns = base.withMnt(h.os().newMountNamespace(new MountedFs(table), base.pid()));
                yield start(rest.get(0), h, rest.subList(4, rest.size()), ns);
            }
            case "output" -> output(background.get(rest.get(0)));
            case "signal" -> {
                Background b = background.get(rest.get(0));
                b.process.os().signal(null, b.process, Signal.parse(rest.get(1)));
                cluster.simulation().runFor(Time.SECOND);
                yield output(b) + (b.process.isAlive() ? "[running]\n" : "[exit " + b.process.exitStatus() + "]\n");
            }
            case "advance" -> {
                cluster.simulation().runFor(Time.parseDuration(rest.get(0)));
                yield "";
            }
            case "ps" -> ps(host(rest.get(0)));
            default -> throw new IllegalArgumentException("unknown golden command: " + verb);
        };
    }

    private Host host(String name) {
        return cluster.host(name);
    }

    private String start(String name, Host h, List<String> argv, Namespaces ns) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        OutputSink o = out::append;
        OutputSink e = err::append;
        SpawnSpec spec = SpawnSpec.child(h.os().init(), argv, new Stdio(null, o, e, null)).withCwd("/root");
        if (ns != null) {
            spec = spec.withNamespaces(ns);
        }
        Process p;
        try {
            p = h.os().spawn(spec);
        } catch (clusterlab.kernel.os.OsException notRunnable) {
            return "[spawn failed] " + notRunnable.getMessage() + "\n";
        }
        Background b = new Background(p, out, err);
        background.put(name, b);
        cluster.simulation().runFor(Time.SECOND);
        return output(b) + (b.process.isAlive() ? "[running]\n" : "[exit " + b.process.exitStatus() + "]\n");
    }

    private static String output(Background b) {
        String newOut = b.out.substring(b.outSeen);
        String newErr = b.err.substring(b.errSeen);
        b.outSeen = b.out.length();
        b.errSeen = b.err.length();
        StringBuilder r = new StringBuilder();
        if (!newOut.isEmpty()) {
            r.append("[stdout]\n").append(visible(newOut));
        }
        if (!newErr.isEmpty()) {
            r.append("[stderr]\n").append(visible(newErr));
        }
        return r.toString();
    }

    private static String ps(Host h) {
        StringBuilder r = new StringBuilder();
        for (Process p : h.os().processes()) {
            if (p.pid() == 1) {
                continue;
            }
            r.append("uid=").append(p.credentials().uid()).append(" ppid=").append(p.parent() == null ? 0 : p.parent().pid())
                    .append(" comm=").append(p.comm()).append(" rss=").append(p.rssBytes() >> 10).append("k cmd=")
                    .append(p.commandLine()).append('\n');
        }
        return r.toString();
    }

    static String render(CommandResult r) {
        StringBuilder b = new StringBuilder();
        if (!r.stdout().isEmpty()) {
            b.append("[stdout]\n").append(visible(r.stdout()));
        }
        if (!r.stderr().isEmpty()) {
            b.append("[stderr]\n").append(visible(r.stderr()));
        }
        return b.append("[exit ").append(r.exitStatus()).append("]\n").toString();
    }

    /** Carriage returns shown as \r, and a missing final newline marked, so the file is exact. */
    static String visible(String s) {
        String v = s.replace("\r", "\\r");
        return v.endsWith("\n") ? v : v + "\n[no newline at end]\n";
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }

    /** Splits a command line into words; single and double quotes group. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '\'' || line.charAt(i + 1) == '"')) {
                    cur.append(line.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
