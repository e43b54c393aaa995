package clusterlab.kernel.programs.tools;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.FsCopy;
import clusterlab.kernel.fs.MemoryFs;
import clusterlab.kernel.host.Cluster;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.host.Host;
import clusterlab.kernel.os.Cgroup;
import clusterlab.kernel.os.Namespaces;
import clusterlab.kernel.os.OperatingSystem;
import clusterlab.kernel.os.PidNamespace;
import clusterlab.kernel.os.Process;
import clusterlab.kernel.os.SpawnSpec;
import clusterlab.kernel.os.Stdio;
import clusterlab.kernel.os.Terminal;
import clusterlab.kernel.os.Tty;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tools in the situations of the lessons: containers (PID namespaces), OOM kills, terminals. */
class ToolScenariosTest {

    private static Host host() {
        Cluster cluster = new Cluster(11);
        Host node1 = cluster.addHost("node1");
        cluster.simulation().runFor(5 * Time.MINUTE);
        return node1;
    }

    /** Container-like namespaces whose root is a copy of the host's programs and /etc. */
    private static Namespaces container(Host host, String hostname) {
        OperatingSystem os = host.os();
        Namespaces initial = os.initialNamespaces();
        PidNamespace pid = os.newPidNamespace(initial.pid());
        MemoryFs rootfs = new MemoryFs(host.machine().simulation()::now);
        for (String dir : List.of("/bin", "/sbin", "/usr", "/etc")) {
            FsCopy.copy(host.disk(), dir, rootfs, dir);
        }
        rootfs.mkdirs("/proc");
        return initial.withPid(pid).withUts(os.newUtsNamespace(hostname)).withNet(os.newNetNamespace())
                .withMnt(os.newMountNamespace(rootfs, pid));
    }

    private static String runIn(Host host, Process parent, List<String> argv) {
        StringBuilder out = new StringBuilder();
        Process p = host.os().spawn(SpawnSpec.child(parent, argv, new Stdio(null, out::append, out::append, null)));
        host.machine().simulation().runWhile(p::isAlive);
        return out.toString();
    }

    @Test
    void psInAPidNamespaceShowsOnlyItsProcessesWithItsInitAsPid1() {
        Host node1 = host();
        Namespaces ns = container(node1, "c0ffee");
        Process init = node1.os().spawn(new SpawnSpec(node1.os().init(), List.of("sleep", "infinity"), null, null,
                "/", ns, null, null, Stdio.discard()));
        Process worker = node1.os().spawn(SpawnSpec.child(init, List.of("sleep", "1000"), Stdio.discard()));
        node1.machine().simulation().runFor(Time.SECOND);

        String inside = runIn(node1, init, List.of("ps", "-ef"));
        assertThat(inside).isEqualTo("""
                UID          PID    PPID  C STIME TTY          TIME CMD
                root           1       0  0 07:05 ?        00:00:00 sleep infinity
                root           2       1  0 07:05 ?        00:00:00 sleep 1000
                root           3       1  0 07:05 ?        00:00:00 ps -ef
                """);
        String outside = node1.run("ps", "-e", "-o", "pid,ppid,args").stdout();
        assertThat(outside).contains(String.format("%7d %7d sleep infinity", init.pid(), 1))
                .contains(String.format("%7d %7d sleep 1000", worker.pid(), init.pid()));
        assertThat(runIn(node1, init, List.of("hostname"))).isEqualTo("c0ffee\n");
        assertThat(runIn(node1, init, List.of("ip", "addr"))).isEqualTo("""
                1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                    inet 127.0.0.1/8 scope host lo
                       valid_lft forever preferred_lft forever
                """);
    }

    @Test
    void stressInAMemoryLimitedCgroupIsOomKilledAndDmesgSaysSo() {
        Host node1 = host();
        Cgroup limited = node1.os().cgroupRoot().child("limited");
        limited.setMemoryMax(100L << 20);
        StringBuilder out = new StringBuilder();
        Process stress = node1.os().spawn(SpawnSpec.child(node1.os().init(),
                List.of("stress", "--vm", "1", "--vm-bytes", "256M", "--vm-hang", "0"),
                new Stdio(null, out::append, out::append, null)).withCgroup(limited));
        node1.machine().simulation().runWhile(stress::isAlive);
        int pid = stress.pid();
        assertThat(stress.exitStatus()).isEqualTo(1);
        assertThat(out.toString()).isEqualTo("stress: info: [" + pid + "] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n"
                + "stress: FAIL: [" + pid + "] (415) <-- worker " + (pid + 1) + " got signal 9\n"
                + "stress: WARN: [" + pid + "] (417) now reaping child worker processes\n"
                + "stress: FAIL: [" + pid + "] (451) failed run completed in 0s\n");
        CommandResult dmesg = node1.run("dmesg");
        assertThat(dmesg.stdout()).contains("] stress invoked oom-killer:")
                .contains("Memory cgroup out of memory: Killed process " + (pid + 1) + " (stress)");
    }

    @Test
    void stressCpuRunsForItsTimeoutAndShowsInTop() {
        Host node1 = host();
        long start = node1.machine().simulation().now();
        StringBuilder out = new StringBuilder();
        Process stress = node1.spawn(List.of("stress", "--cpu", "2", "--timeout", "10s"),
                new Stdio(null, out::append, out::append, null));
        node1.machine().simulation().runFor(5 * Time.SECOND);
        String top = node1.run("top", "-b", "-n", "1").stdout();
        assertThat(top).contains("Tasks:   5 total,   2 running,   3 sleeping");
        assertThat(top.lines().filter(l -> l.endsWith(" stress")).toList()).hasSize(3);
        assertThat(top.lines().filter(l -> l.matches(".* R +(99\\.9|100\\.0) .*")).count()).as(top).isEqualTo(2);
        node1.machine().simulation().runWhile(stress::isAlive);
        assertThat(stress.exitStatus()).isZero();
        assertThat(node1.machine().simulation().now() - start).isBetween(10 * Time.SECOND, 11 * Time.SECOND);
        assertThat(out.toString()).endsWith("stress: info: [" + stress.pid() + "] successful run completed in 10s\n");
    }

    @Test
    void watchRefreshesUntilCtrlC() {
        Host node1 = host();
        StringBuilder screen = new StringBuilder();
        Terminal term = new Terminal(Tty.of("pts/0"), screen::append);
        Process watch = node1.spawn(List.of("watch", "-n", "1", "date"), term.stdio());
        term.setForeground(watch);
        var sim = node1.machine().simulation();
        sim.runFor(2500 * Time.MILLISECOND);
        term.interrupt();
        sim.runWhile(watch::isAlive);
        assertThat(watch.exitStatus()).isZero();
        String[] frames = screen.toString().split("\u001b\\[H\u001b\\[2J", -1);
        assertThat(frames).hasSize(4); // nothing before the first clear, then 3 refreshes
        String title = "Every 1.0s: date" + " ".repeat(33) + "node1: Thu May 30 07:05:00 2019";
        assertThat(title).hasSize(80);
        assertThat(frames[1]).isEqualTo(title + "\n\nThu May 30 07:05:00 UTC 2019\n");
        assertThat(frames[3]).startsWith("Every 1.0s: date").contains("Thu May 30 07:05:02 UTC 2019");
    }

    @Test
    void interactiveTopRedrawsEveryThreeSecondsUntilQ() {
        Host node1 = host();
        StringBuilder screen = new StringBuilder();
        Terminal term = new Terminal(new Tty("pts/0", 80, 8), screen::append);
        Process top = node1.spawn(List.of("top"), term.stdio());
        term.setForeground(top);
        var sim = node1.machine().simulation();
        sim.runFor(7 * Time.SECOND);
        term.input().write("q");
        sim.runWhile(top::isAlive);
        assertThat(top.exitStatus()).isZero();
        String[] frames = screen.toString().split("\u001b\\[H\u001b\\[2J", -1);
        assertThat(frames).hasSize(4);
        assertThat(frames[1].lines().count()).isEqualTo(8); // 7 header lines and the one task row that fits
        assertThat(frames[1]).startsWith("top - 07:05:00 up 5 min,  0 users,");
        assertThat(frames[3]).startsWith("top - 07:05:06 up 5 min,");
    }

    @Test
    void hostnameNeedsRootToChangeAndKillSignalsProcesses() {
        Host node1 = host();
        Process sleeper = node1.spawn(List.of("sleep", "100"), Stdio.discard());
        node1.machine().simulation().runFor(Time.MILLISECOND);
        CommandResult kill = node1.run("kill", "-TERM", String.valueOf(sleeper.pid()));
        assertThat(kill.exitStatus()).isZero();
        assertThat(sleeper.isAlive()).isFalse();
        assertThat(sleeper.exitStatus()).isEqualTo(143);
        StringBuilder err = new StringBuilder();
        Process p = node1.os().spawn(SpawnSpec.child(node1.os().init(), List.of("hostname", "x"),
                new Stdio(null, null, err::append, null)).withCredentials(new clusterlab.kernel.os.Credentials(1000, 1000)));
        node1.machine().simulation().runWhile(p::isAlive);
        assertThat(err.toString()).isEqualTo("hostname: you must be root to change the host name\n");
        assertThat(p.exitStatus()).isEqualTo(1);
    }
}
