package clusterlab.swarm.raft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** 500 seeds of crashes, partitions, loss, duplication and reordering; then liveness and durability. */
class RaftFaultCampaignTest {
    static final int SEEDS = Integer.getInteger("raft.campaign.seeds", 500);

    /** For a later {@code ./lab fuzz raft}: the same campaign as this test. */
    public static RaftFaultCampaign.Summary runCampaign(long fromSeed, int seeds) {
        return RaftFaultCampaign.runCampaign(fromSeed, seeds);
    }

    @Test
    void campaign() {
        long fromSeed = Long.getLong("raft.campaign.from", 1);
        RaftFaultCampaign.Summary s = runCampaign(fromSeed, SEEDS);
        System.out.println(s);
        s.failures().forEach(System.out::println);
        assertThat(s.failures()).as(String.join("\n", s.failures())).isEmpty();
        assertThat(s.acknowledged()).isPositive();
    }

    @Test
    void sameSeedSameRun() {
        assertThat(RaftFaultCampaign.runSeed(42)).isEqualTo(RaftFaultCampaign.runSeed(42));
    }
}
