package clusterlab.lab.cli;

import clusterlab.swarm.raft.RaftFaultCampaign;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lab fuzz raft --seeds N [--from S]}: the Raft fault campaign — crashes, restarts,
 * partitions, one-way blocks, loss, duplication and reordering, then healing and a liveness
 * check — with the five safety properties checked after every step. Failures name their seed.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Run a fault campaign against a subsystem (today: raft).")
final class FuzzCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", description = "What to fuzz: raft.")
    String target;

    @Option(names = "--seeds", description = "How many seeds (default: ${DEFAULT-VALUE}).", defaultValue = "100")
    int seeds;

    @Option(names = "--from", description = "The first seed (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long from;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (!target.equals("raft")) {
            spec.commandLine().getErr().println("lab fuzz: unknown target '" + target + "' (try: raft)");
            return 2;
        }
        if (seeds < 1 || seeds > 1_000_000) {
            spec.commandLine().getErr().println("lab fuzz: --seeds must be between 1 and 1000000");
            return 2;
        }
        out.println("raft fault campaign: seeds " + from + ".." + (from + seeds - 1));
        RaftFaultCampaign.Summary summary = RaftFaultCampaign.runCampaign(from, seeds);
        for (String failure : summary.failures()) {
            out.println(failure + " (reproduce with: ./lab fuzz raft --from " + failure.replaceAll("^seed (\\d+):.*", "$1")
                    + " --seeds 1)");
        }
        out.println(summary);
        return summary.violations() == 0 ? 0 : 1;
    }
}
