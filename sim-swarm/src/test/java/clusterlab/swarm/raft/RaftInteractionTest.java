package clusterlab.swarm.raft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Datadriven interaction tests in the style of etcd raft's testdata/: each file is a list of
 * commands, each followed by {@code ----} and its expected output up to a blank line. Run with
 * {@code -Dgolden.update=true} to rewrite the expected output, then review the diff.
 */
class RaftInteractionTest {
    private static final Path DIR = Path.of("src/test/resources/clusterlab/swarm/raft/testdata");
    private static final Pattern DROP = Pattern.compile("drop=\\((\\d+),(\\d+)\\)");

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private static void run(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder rewritten = new StringBuilder();
        List<String> failures = new ArrayList<>();
        InteractionEnv env = null;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                rewritten.append(line).append('\n');
                i++;
                continue;
            }
            String command = line;
            i++;
            if (i >= lines.size() || !lines.get(i).equals("----")) {
                throw new IllegalStateException(file + ":" + i + ": expected ---- after " + command);
            }
            i++;
            StringBuilder expected = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isEmpty()) {
                expected.append(lines.get(i)).append('\n');
                i++;
            }
            if (env == null) {
                long seed = 1;
                Matcher m = Pattern.compile("seed=(\\d+)").matcher(command);
                if (m.find()) {
                    seed = Long.parseLong(m.group(1));
                }
                env = new InteractionEnv(seed);
            }
            String actual;
            try {
                env.out.setLength(0);
                execute(env, command);
                actual = env.out.length() == 0 ? "ok\n" : env.out.toString();
            } catch (InvariantViolation v) {
                throw v;
            } catch (RuntimeException e) {
                actual = "error: " + e.getMessage() + "\n";
            }
            rewritten.append(command).append("\n----\n").append(actual);
            if (!actual.contentEquals(expected)) {
                failures.add(file.getFileName() + ": " + command + "\n--- expected\n" + expected + "--- actual\n" + actual);
            }
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, rewritten.toString().replaceAll("\n+$", "\n"), StandardCharsets.UTF_8);
            return;
        }
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    private static void execute(InteractionEnv env, String line) {
        String[] words = line.trim().split("\\s+");
        String cmd = words[0];
        List<String> args = List.of(words).subList(1, words.length);
        switch (cmd) {
            case "add-nodes" -> {
                RaftConfig t = env.template;
                boolean joining = false;
                for (String a : args.subList(1, args.size())) {
                    String[] kv = a.split("=", 2);
                    switch (kv[0]) {
                        case "election" -> t = t.withElection(Integer.parseInt(kv[1]), t.heartbeatTicks());
                        case "prevote" -> t = t.withFlags(t.checkQuorum(), Boolean.parseBoolean(kv[1]));
                        case "checkquorum" -> t = t.withFlags(Boolean.parseBoolean(kv[1]), t.preVote());
                        case "snapshot" -> t = t.withSnapshots(Long.parseLong(kv[1]), t.keepEntries());
                        case "keep" -> t = t.withSnapshots(t.snapshotInterval(), Long.parseLong(kv[1]));
                        case "maxmsg" -> t = new RaftConfig(t.id(), t.electionTicks(), t.heartbeatTicks(),
                                t.checkQuorum(), t.preVote(), t.maxInflightMsgs(), Integer.parseInt(kv[1]),
                                t.snapshotInterval(), t.keepEntries(), t.electionSpreadTicks());
                        case "joining" -> joining = true;
                        case "seed" -> { }
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                }
                env.template = t;
                env.addNodes(Integer.parseInt(args.get(0)), joining);
                env.out.append(env.raftState());
            }
            case "campaign" -> env.core(id(args, 0)).campaign();
            case "tick-election" -> {
                RaftCore c = env.core(id(args, 0));
                int ticks = c.role() == StateRole.LEADER ? c.config().electionTicks()
                        : c.randomizedElectionTimeout() - c.electionElapsed();
                env.tick(c.id(), Math.max(1, ticks));
            }
            case "tick-heartbeat" -> env.tick(id(args, 0), env.core(id(args, 0)).config().heartbeatTicks());
            case "tick" -> env.tick(id(args, 0), Integer.parseInt(args.get(1)));
            case "tick-all" -> {
                int rounds = Integer.parseInt(args.get(0));
                for (int r = 0; r < rounds; r++) {
                    for (InteractionEnv.Node n : env.nodes.values()) {
                        if (!n.crashed) {
                            env.tick(n.id, 1);
                        }
                    }
                    env.stabilize(true, true);
                }
            }
            case "process-ready" -> env.processReady(ids(args), true, false);
            case "deliver-msgs" -> {
                Set<List<Long>> drops = new LinkedHashSet<>();
                Matcher m = DROP.matcher(line);
                while (m.find()) {
                    drops.add(List.of(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
                }
                env.deliver(ids(args), drops, true);
            }
            case "stabilize" -> env.stabilize(true, false);
            case "partition" -> {
                List<Set<Long>> groups = new ArrayList<>();
                Set<Long> g = new TreeSet<>();
                for (String a : args) {
                    if (a.equals("|")) {
                        groups.add(g);
                        g = new TreeSet<>();
                    } else {
                        g.add(Long.parseLong(a));
                    }
                }
                groups.add(g);
                env.partition(groups);
            }
            case "isolate" -> env.isolate(id(args, 0));
            case "cut" -> env.cut(id(args, 0), id(args, 1));
            case "recover", "heal" -> env.recover();
            case "propose" -> {
                long index = env.core(id(args, 0)).propose(new Command.Data(args.get(1)));
                env.out.append(index == 0 ? "dropped\n" : "index " + index + "\n");
            }
            case "propose-conf-change" -> {
                Command.ConfChange.Op op = Command.ConfChange.Op.valueOf(args.get(1).toUpperCase(java.util.Locale.ROOT));
                long index = env.core(id(args, 0)).propose(new Command.ConfChange(op, Long.parseLong(args.get(2))));
                env.out.append(index == 0 ? "dropped\n" : "index " + index + "\n");
            }
            case "transfer-leadership" -> {
                long from = 0;
                long to = 0;
                for (String a : args) {
                    if (a.startsWith("from=")) {
                        from = Long.parseLong(a.substring(5));
                    } else if (a.startsWith("to=")) {
                        to = Long.parseLong(a.substring(3));
                    }
                }
                env.core(from).transferLeadership(to);
            }
            case "snapshot" -> env.takeSnapshot(env.node(id(args, 0)));
            case "crash" -> env.crash(id(args, 0));
            case "restart" -> env.restart(id(args, 0));
            case "raft-state" -> env.out.append(env.raftState());
            case "raft-log" -> env.out.append(env.raftLog(id(args, 0)));
            case "applied" -> {
                for (InteractionEnv.Node n : env.nodes.values()) {
                    env.out.append(n.id).append(": ").append(n.crashed ? "crashed" : String.join(" ", n.state))
                            .append('\n');
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + cmd);
        }
    }

    private static long id(List<String> args, int i) {
        return Long.parseLong(args.get(i));
    }

    private static Set<Long> ids(List<String> args) {
        Set<Long> ids = new TreeSet<>();
        for (String a : args) {
            if (a.matches("\\d+")) {
                ids.add(Long.parseLong(a));
            }
        }
        return ids;
    }
}
