package clusterlab.kernel.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.kernel.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {

    @Test
    void aRecordHasOneCanonicalLineWithFieldsSortedByName() {
        TraceRecord r = TraceRecord.of(1_500_000, "node1", "net", "send", "to", "node2", "bytes", 120, "ok", true);
        assertThat(TraceJson.write(r))
                .isEqualTo("{\"t\":1500000,\"m\":\"node1\",\"c\":\"net\",\"k\":\"send\",\"f\":{\"bytes\":120,\"ok\":true,\"to\":\"node2\"}}");
    }

    @Test
    void linesReadBackToEqualRecords() {
        TraceRecord r = TraceRecord.of(7, "n\"1", "raft", "vote", "list", List.of("a", 2L, true), "none", null);
        assertThat(TraceJson.read(TraceJson.write(r))).isEqualTo(r);
        assertThatThrownBy(() -> TraceJson.read("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void floatingPointFieldsAreRefused() {
        assertThatThrownBy(() -> TraceRecord.of(0, "m", "c", "k", "ratio", 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratio");
        assertThatThrownBy(() -> TraceRecord.of(0, "m", "c", "k", "odd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDigestCoversEveryRecordInOrder() {
        Simulation a = new Simulation(1);
        Simulation b = new Simulation(1);
        a.trace().record("m", "c", "x", "n", 1);
        a.trace().record("m", "c", "y", "n", 2);
        b.trace().record("m", "c", "y", "n", 2);
        b.trace().record("m", "c", "x", "n", 1);
        assertThat(a.trace().digestHex()).isNotEqualTo(b.trace().digestHex()).hasSize(64);

        Simulation c = new Simulation(1);
        c.trace().record("m", "c", "x", "n", 1);
        c.trace().record("m", "c", "y", "n", 2);
        assertThat(c.trace().digestHex()).isEqualTo(a.trace().digestHex());
        assertThat(c.trace().count()).isEqualTo(2);
    }

    @Test
    void recordsCarryTheVirtualTimeOfTheirEvent() {
        Simulation sim = new Simulation(1);
        MemoryTraceSink sink = new MemoryTraceSink(10);
        sim.trace().addSink(sink);
        sim.schedule(5_000, () -> sim.trace().record("node1", "test", "tick"));
        sim.run();
        assertThat(sink.records()).singleElement().extracting(TraceRecord::time).isEqualTo(5_000L);
    }

    @Test
    void theMemorySinkIsBoundedAndCountsWhatItDropped() {
        Simulation sim = new Simulation(1);
        MemoryTraceSink sink = new MemoryTraceSink(3);
        sim.trace().addSink(sink);
        for (int i = 0; i < 10; i++) {
            sim.trace().record("m", "c", "k", "i", i);
        }
        assertThat(sink.records()).extracting(r -> r.longField("i", -1)).containsExactly(7L, 8L, 9L);
        assertThat(sink.dropped()).isEqualTo(7);
    }

    @Test
    void aTurnedOffTraceRecordsNothing() {
        Simulation sim = new Simulation(1);
        String empty = sim.trace().digestHex();
        sim.trace().setOn(false);
        sim.trace().record("m", "c", "k");
        assertThat(sim.trace().count()).isZero();
        assertThat(sim.trace().digestHex()).isEqualTo(empty);
    }

    @Test
    void theJsonLinesFileHoldsTheCanonicalLines(@TempDir Path dir) throws Exception {
        Simulation sim = new Simulation(1);
        Path file = dir.resolve("sub/trace.jsonl");
        sim.trace().addSink(new JsonLinesTraceSink(file));
        sim.trace().record("a", "b", "first", "n", 1);
        sim.trace().record("a", "b", "second");
        sim.trace().close();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(TraceJson.read(lines.get(1)).kind()).isEqualTo("second");
    }
}
