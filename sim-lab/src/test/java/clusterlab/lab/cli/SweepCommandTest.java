package clusterlab.lab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code lab sweep}: the same bytes for any --jobs, shards that merge into the unsharded output,
 * exit 2 with a clear message for a bad file. One tiny quorum sweep: 2 x 2 grid x 2 seeds.
 */
class SweepCommandTest {
    private static final String TINY = """
            name: tiny
            kind: quorum
            seeds: {from: 1, count: 2}
            grid:
              managers: [1, 3]
              failures: [0, 1]
            """;
    private static final List<String> FILES = List.of("runs.csv", "runs.json", "summary.csv");

    @TempDir
    static Path tmp;
    static Path experiment;
    static Path serial;
    static String serialStdout;

    record Outcome(int status, String out, String err) {}

    static Outcome sweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SweepCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void runSerially() throws IOException {
        experiment = tmp.resolve("tiny.yaml");
        Files.writeString(experiment, TINY);
        serial = tmp.resolve("serial");
        Outcome o = sweep(experiment.toString(), "--out", serial.toString(), "--jobs", "1");
        assertThat(o.status()).as(o.err()).isZero();
        serialStdout = o.out();
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        for (String f : FILES) {
            assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
        }
    }

    @Test
    void theOutputsHoldEveryRunAndTheSummary() throws IOException {
        List<String> runs = Files.readAllLines(serial.resolve("runs.csv"));
        assertThat(runs.get(0)).isEqualTo("run,point,seed,managers,failures,writes_available,leader_elected_s,recover_s");
        assertThat(runs).hasSize(1 + 8);
        assertThat(runs.get(1)).startsWith("0,0,1,1,0,1,0.000,0.000");
        // One manager, crashed: no writes, no leader (empty cell), recovery after the restart.
        assertThat(runs.get(3)).matches("2,1,1,1,1,0,,\\d+\\.\\d{3}");
        assertThat(runs.get(7)).matches("6,3,1,3,1,1,\\d+\\.\\d{3},\\d+\\.\\d{3}");
        List<String> summary = Files.readAllLines(serial.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo(
                "point,managers,failures,metric,n,missing,mean,median,p95,ci95_low,ci95_high");
        assertThat(summary).hasSize(1 + 4 * 3);
        assertThat(summary.get(1)).isEqualTo("0,1,0,writes_available,2,0,1.0000,1.0000,1.0000,1.0000,1.0000");
        assertThat(summary.get(5)).startsWith("1,1,1,leader_elected_s,0,2,,,,,");
        assertThat(Files.readString(serial.resolve("runs.json"))).contains("\"experiment\": \"tiny\"")
                .contains("{\"run\": 2, \"point\": 1, \"seed\": 1, \"params\": {\"managers\": 1, \"failures\": 1}, "
                        + "\"metrics\": {\"writes_available\": 0, \"leader_elected_s\": null, \"recover_s\": ")
                .doesNotContain("shard");
        // The table: a header and one aligned line per point and metric.
        List<String> table = serialStdout.lines().toList();
        assertThat(table).hasSize(13);
        assertThat(table.get(0)).startsWith("point  managers  failures  metric");
        assertThat(table.get(5)).contains("leader_elected_s").endsWith("-");
        assertThat(table.stream().map(String::length).distinct().count()).isLessThanOrEqualTo(3);
    }

    @Test
    void anyNumberOfJobsGivesTheSameBytes() throws IOException {
        Path parallel = tmp.resolve("parallel");
        Outcome o = sweep(experiment.toString(), "--out", parallel.toString(), "--jobs", "2");
        assertThat(o.status()).as(o.err()).isZero();
        assertSameFiles(serial, parallel);
        assertThat(o.out()).isEqualTo(serialStdout);
        assertThat(o.err()).contains("8/8 runs");
    }

    @Test
    void shardsMergeIntoTheUnshardedOutput() throws IOException {
        Path one = tmp.resolve("shard1");
        Path two = tmp.resolve("shard2");
        assertThat(sweep(experiment.toString(), "--out", one.toString(), "--shard", "1/2", "--quiet").status()).isZero();
        assertThat(sweep(experiment.toString(), "--out", two.toString(), "--shard", "2/2", "--quiet", "--jobs", "2")
                .status()).isZero();
        assertThat(Files.readAllLines(one.resolve("runs.csv"))).hasSize(1 + 4).allMatch(l -> !l.startsWith("1,"));
        assertThat(Files.readString(one.resolve("runs.json"))).contains("\"shard\": \"1/2\"");
        Path merged = tmp.resolve("merged");
        // Shard order on the command line does not matter.
        Outcome o = sweep("merge", two.toString(), one.toString(), "--out", merged.toString());
        assertThat(o.status()).as(o.err()).isZero();
        assertSameFiles(serial, merged);
        assertThat(o.out()).isEqualTo(serialStdout);
    }

    @Test
    void mergeRefusesAnIncompleteOrDoubledSetOfShards() throws IOException {
        Path one = tmp.resolve("only1");
        assertThat(sweep(experiment.toString(), "--out", one.toString(), "--shard", "1/2", "--quiet").status()).isZero();
        Outcome missing = sweep("merge", one.toString(), "--out", tmp.resolve("m1").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("4 of 8 runs missing");
        Outcome twice = sweep("merge", one.toString(), one.toString(), "--out", tmp.resolve("m2").toString());
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.err()).contains("run 0 is also in");
        Outcome notAShard = sweep("merge", tmp.toString(), "--out", tmp.resolve("m3").toString());
        assertThat(notAShard.status()).isEqualTo(2);
        assertThat(notAShard.err()).contains("runs.json:1: file: not found");
    }

    @Test
    void aMalformedFileExitsWithStatusTwoAndSaysWhere() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nkind: quorum\nseeds: [1]\ngrid:\n  managers: [3]\n  failures: [one]\n");
        Outcome o = sweep(bad.toString(), "--out", tmp.resolve("bad").toString());
        assertThat(o.status()).isEqualTo(2);
        assertThat(o.err()).isEqualTo("lab sweep: " + bad + ":6: grid.failures: must be an integer, got 'one'\n");
        assertThat(Files.exists(tmp.resolve("bad"))).isFalse();
    }

    @Test
    void badOptionsExitWithStatusTwo() {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(sweep(experiment.toString(), "--shard", "3/2"));
        outcomes.add(sweep(experiment.toString(), "--shard", "x"));
        outcomes.add(sweep(experiment.toString(), "--jobs", "0"));
        outcomes.add(sweep(tmp.resolve("absent.yaml").toString()));
        outcomes.add(sweep());
        for (Outcome o : outcomes) {
            assertThat(o.status()).as(o.err()).isEqualTo(2);
            assertThat(o.err()).startsWith("lab sweep: ");
        }
    }
}
