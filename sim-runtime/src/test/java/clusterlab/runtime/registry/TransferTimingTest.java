package clusterlab.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Simulation;
import clusterlab.runtime.image.Image;
import clusterlab.runtime.image.ImageStore;
import clusterlab.runtime.image.OfficialImages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferTimingTest {

    private static long pullNanos(long bitsPerSecond) {
        Simulation sim = new Simulation(1);
        RegistryClient client = new RegistryClient(new ImageStore(), sim);
        List<PullResult> results = new ArrayList<>();
        TransferSettings s = TransferSettings.hub().withBandwidth(bitsPerSecond).withLatency(0).withExtractRate(Long.MAX_VALUE / 2_000_000_000L);
        client.pull(DockerHub.create(), RegistryClient.PullRequest.cli("ubuntu"), s, line -> { }, results::add);
        sim.run();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).ok()).isTrue();
        assertThat(sim.now()).isEqualTo(results.get(0).durationNanos());
        return results.get(0).durationNanos();
    }

    @Test
    void pullTimeIsBytesOverBandwidth() {
        long bytes = OfficialImages.shared().image("ubuntu:latest").orElseThrow().sizeBytes();
        long at100 = pullNanos(100_000_000L);
        long ideal = bytes * 8L * 1_000_000_000L / 100_000_000L;
        assertThat(at100).isBetween(ideal, ideal + ideal / 100);
        long at50 = pullNanos(50_000_000L);
        assertThat(at50).isBetween(2 * at100 - at100 / 100, 2 * at100 + at100 / 100);
    }

    @Test
    void sharedBandwidthSplitsEquallyAmongActiveTransfers() {
        Simulation sim = new Simulation(1);
        Timeline t = new Timeline(sim::schedule);
        Transfers transfers = new Transfers(t, 8_000_000L, 2, 0); // 1 MB/s
        List<String> done = new ArrayList<>();
        transfers.submit(1_000_000, () -> { }, () -> done.add("a@" + sim.now()));
        transfers.submit(500_000, () -> { }, () -> done.add("b@" + sim.now()));
        transfers.submit(500_000, () -> { }, () -> done.add("c@" + sim.now()));
        sim.run();
        // a and b share until b ends at 1 s; then a and c share: each has 0.5 MB left, both end at 2 s.
        assertThat(done).containsExactly("b@1000000000", "a@2000000000", "c@2000000000");
    }

    @Test
    void pushToAPlainRegistryNeedsNoAccount() {
        Simulation sim = new Simulation(1);
        ImageStore store = new ImageStore();
        Registry local = new Registry("localhost:5000", false);
        Image alpine = OfficialImages.shared().image("alpine:latest").orElseThrow();
        store.tag(alpine, clusterlab.runtime.image.ImageReference.parse("localhost:5000/alpine"));
        List<String> out = new ArrayList<>();
        List<PushResult> results = new ArrayList<>();
        new RegistryClient(store, sim).push(local, clusterlab.runtime.image.ImageReference.parse("localhost:5000/alpine"),
                alpine, null, TransferSettings.hub(), out::add, results::add);
        sim.run();
        assertThat(results.get(0).ok()).isTrue();
        assertThat(out.get(0)).isEqualTo("The push refers to repository [localhost:5000/alpine]");
        assertThat(out.get(out.size() - 1)).startsWith("latest: digest: sha256:").contains(" size: ");
        assertThat(local.tags("alpine")).containsExactly("latest");
        assertThat(local.manifest("alpine", "latest").orElseThrow().json()).startsWith("{\n   \"schemaVersion\": 2,");
    }
}
