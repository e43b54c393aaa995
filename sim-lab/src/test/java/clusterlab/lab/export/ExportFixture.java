package clusterlab.lab.export;

import clusterlab.kernel.Simulation;
import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.trace.JsonLinesTraceSink;
import clusterlab.swarm.SwarmRuntime;
import java.nio.file.Path;
import java.util.List;

/** Writes the JSON Lines trace of a small real swarm: init, two manager joins, a crash, a partition, a restart. */
final class ExportFixture {
    private ExportFixture() {}

    static void writeSwarmTrace(Path file, long seed) {
        SwarmRuntime rt = SwarmRuntime.withHosts(seed, 3);
        Simulation sim = rt.cluster().simulation();
        JsonLinesTraceSink sink = new JsonLinesTraceSink(file);
        sim.trace().addSink(sink);
        try {
            check(rt.cluster().host("node1").run("docker", "swarm", "init", "--advertise-addr", "eth0"));
            String token = rt.node("node1").store().managerToken();
            for (String h : List.of("node2", "node3")) {
                check(rt.cluster().host(h).run("docker", "swarm", "join", "--token", token, "192.168.0.11:2377"));
                sim.runFor(2 * Time.SECOND);
            }
            sim.runFor(5 * Time.SECOND);
            rt.cluster().network().block("node2", "node3");
            sim.runFor(2 * Time.SECOND);
            rt.cluster().network().heal();
            rt.cluster().host("node3").machine().crash();
            sim.runFor(3 * Time.SECOND);
            rt.cluster().host("node3").machine().restart();
            sim.runFor(5 * Time.SECOND);
        } finally {
            sim.trace().removeSink(sink);
            sink.close();
        }
    }

    private static void check(CommandResult r) {
        if (r.exitStatus() != 0) {
            throw new IllegalStateException("command failed: " + r.combined());
        }
    }
}
