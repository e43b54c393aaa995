package clusterlab.kernel.programs.tools;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.host.Host;
import org.junit.jupiter.api.Test;

/** The tools run on a fresh host, their output checked against golden transcripts. */
class ToolsGoldenTest {

    private static Host host() {
        Cluster cluster = new Cluster(7);
        Host node1 = cluster.addHost("node1");
        // a host that has been up a while, so uptimes and clocks are not all zero
        cluster.simulation().runFor(12 * Time.MINUTE + 34 * Time.SECOND);
        return node1;
    }

    private static String run(Host host, Golden.Case c) {
        CommandResult r = host.run(Golden.words(c.command()), c.stdin(), Time.MINUTE);
        return Golden.transcript(r.stdout(), r.stderr(), r.exitStatus());
    }

    @Test
    void systemInformation() {
        Host node1 = host();
        Golden.check("system.txt", c -> run(node1, c));
    }

    @Test
    void processes() {
        Host node1 = host();
        Golden.check("processes.txt", c -> run(node1, c));
    }

    @Test
    void files() {
        Host node1 = host();
        node1.disk().writeString("/root/notes.txt", "alpha\nbeta\ngamma\nAlpha beta\n");
        node1.disk().setMtime("/etc/os-release", -400 * Time.DAY);
        node1.disk().symlink("/etc/os-release", "/root/release");
        Golden.check("files.txt", c -> run(node1, c));
    }
}
