package clusterlab.kernel.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clusterlab.kernel.Time;
import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.MemoryFs;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatingSystemTest {

    /** A container-like set of namespaces: new PID, UTS, IPC, NET, MNT over its own tree. */
    private static Namespaces isolated(OsFixture f, String hostname) {
        Namespaces host = f.os.initialNamespaces();
        PidNamespace pid = f.os.newPidNamespace(host.pid());
        MemoryFs rootfs = new MemoryFs(f.sim::now);
        f.disk.copy("/bin", "/bin-copy"); // the container sees its own tree with the same programs
        rootfs.mkdirs("/bin");
        for (String name : f.disk.list("/bin")) {
            rootfs.writeContent("/bin/" + name, f.disk.content("/bin/" + name));
            rootfs.chmod("/bin/" + name, 0755);
        }
        return host.withPid(pid).withUts(f.os.newUtsNamespace(hostname)).withIpc(f.os.newIpcNamespace())
                .withNet(f.os.newNetNamespace()).withMnt(f.os.newMountNamespace(rootfs, pid));
    }

    @Test
    void theHostBootsWithInitAsPid1() {
        OsFixture f = new OsFixture();
        assertThat(f.os.init().pid()).isEqualTo(1);
        assertThat(f.os.init().comm()).isEqualTo("init");
        assertThat(f.os.hostname()).isEqualTo("node1");
        assertThat(f.os.kernelLog().entries()).isNotEmpty();
    }

    @Test
    void aNewPidNamespaceSeesOnlyItsOwnProcessesWithItsInitAsPid1() {
        OsFixture f = new OsFixture();
        f.spawn("sleeper");
        Namespaces ns = isolated(f, "e4915cc89e5c");
        Process containerInit = f.os.spawn(new SpawnSpec(f.os.init(), List.of("sleeper"), null, null, "/", ns,
                null, null, Stdio.discard()));
        Process second = f.os.spawn(SpawnSpec.child(containerInit, List.of("stubborn"), Stdio.discard()));
        f.sim.runFor(1);

        assertThat(ns.pid().processes().keySet()).containsExactly(1, 2);
        assertThat(containerInit.pidIn(ns.pid())).isEqualTo(1);
        assertThat(second.pidIn(ns.pid())).isEqualTo(2);
        // The host sees the same processes under other pids, and everything else too.
        assertThat(containerInit.pid()).isGreaterThan(2);
        assertThat(f.os.initialNamespaces().pid().processes()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(containerInit.ppidIn(ns.pid())).as("ppid of a container init seen from inside").isZero();
        // A host process is invisible inside.
        assertThat(f.os.init().pidIn(ns.pid())).isZero();
    }

    @Test
    void hostnameDiffersPerUtsNamespaceAndNamespaceIdsShowInProc() {
        OsFixture f = new OsFixture();
        Process hostProc = f.spawn("sleeper");
        Namespaces ns = isolated(f, "web");
        Process inContainer = f.os.spawn(new SpawnSpec(f.os.init(), List.of("sleeper"), null, null, "/", ns,
                null, null, Stdio.discard()));
        f.sim.runFor(1);
        assertThat(ns.uts().hostname()).isEqualTo("web");
        assertThat(hostProc.namespaces().uts().hostname()).isEqualTo("node1");

        var hostFs = f.os.initialNamespaces().mnt().root();
        String hostPidNs = hostFs.readlink("/proc/" + hostProc.pid() + "/ns/pid");
        String initPidNs = hostFs.readlink("/proc/1/ns/pid");
        String containerPidNs = hostFs.readlink("/proc/" + inContainer.pid() + "/ns/pid");
        assertThat(hostPidNs).isEqualTo("pid:[4026531836]").isEqualTo(initPidNs);
        assertThat(containerPidNs).matches("pid:\\[40265\\d+\\]").isNotEqualTo(hostPidNs);
        assertThat(hostFs.readlink("/proc/" + inContainer.pid() + "/ns/uts"))
                .isNotEqualTo(hostFs.readlink("/proc/1/ns/uts"));
        assertThat(hostFs.readlink("/proc/" + inContainer.pid() + "/ns/user"))
                .as("no new user namespace was asked for").isEqualTo(hostFs.readlink("/proc/1/ns/user"));
        // Inside, /proc is the container's: its init is pid 1 and the host's processes are absent.
        var containerFs = ns.mnt().root();
        assertThat(containerFs.list("/proc")).contains("1").doesNotContain(String.valueOf(hostProc.pid()));
        assertThat(containerFs.readString("/proc/1/status")).contains("Name:\tsleeper").contains("NSpid:\t1");
        assertThat(hostFs.readString("/proc/" + inContainer.pid() + "/status"))
                .contains("NSpid:\t" + inContainer.pid() + "\t1");
    }

    @Test
    void whenANamespaceInitDiesEveryProcessOfItDies() {
        OsFixture f = new OsFixture();
        Namespaces ns = isolated(f, "c1");
        Process init = f.os.spawn(new SpawnSpec(f.os.init(), List.of("sleeper"), null, null, "/", ns, null, null,
                Stdio.discard()));
        Process child = f.os.spawn(SpawnSpec.child(init, List.of("stubborn"), Stdio.discard()));
        f.sim.runFor(1);
        f.os.signal(null, init, Signal.SIGTERM);
        assertThat(init.exitStatus()).isZero();
        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitStatus()).isEqualTo(137);
        assertThat(ns.pid().processes()).isEmpty();
    }

    @Test
    void signalsEndProcessesWithTheShellsExitStatuses() {
        OsFixture f = new OsFixture();
        Process a = f.spawn("stubborn");
        Process b = f.spawn("stubborn");
        Process c = f.spawn("stubborn");
        f.os.signal(null, a, Signal.SIGTERM);
        f.os.signal(null, b, Signal.SIGKILL);
        f.os.signal(null, c, Signal.SIGINT);
        assertThat(List.of(a.exitStatus(), b.exitStatus(), c.exitStatus())).containsExactly(143, 137, 130);
    }

    @Test
    void aContainerInitWithoutHandlersIgnoresTermButNotKillFromTheHost() {
        OsFixture f = new OsFixture();
        Namespaces ns = isolated(f, "c2");
        Process init = f.os.spawn(new SpawnSpec(f.os.init(), List.of("stubborn"), null, null, "/", ns, null, null,
                Stdio.discard()));
        f.sim.runFor(1);
        f.os.signal(null, init, Signal.SIGTERM);
        assertThat(init.isAlive()).as("init protection: TERM without a handler is ignored").isTrue();
        f.os.signal(null, init, Signal.SIGKILL);
        assertThat(init.exitStatus()).isEqualTo(137);
    }

    @Test
    void exceedingMemoryMaxOomKillsWith137AndADmesgLine() {
        OsFixture f = new OsFixture();
        Cgroup box = f.os.cgroupRoot().child("system.slice").child("docker-abc.scope");
        box.setMemoryMax(16L << 20);
        Process hog = f.os.spawn(SpawnSpec.child(f.os.init(), List.of("hog", "64"), Stdio.discard()).withCgroup(box));
        f.sim.runFor(Time.seconds(1));
        assertThat(hog.isAlive()).isFalse();
        assertThat(hog.exitStatus()).isEqualTo(137);
        assertThat(box.oomKills()).isEqualTo(1);
        assertThat(box.memoryCurrentBytes()).isZero();
        assertThat(box.memoryPeakBytes()).isEqualTo(16L << 20);
        assertThat(f.os.kernelLog().entries()).extracting(KernelLog.Entry::line)
                .anyMatch(l -> l.matches("\\[\\s*\\d+\\.\\d{6}\\] Memory cgroup out of memory: Killed process "
                        + hog.pid() + " \\(hog\\) total-vm:\\d+kB, anon-rss:16384kB.*"));
    }

    @Test
    void pidsMaxRefusesAFork() {
        OsFixture f = new OsFixture();
        Cgroup box = f.os.cgroupRoot().child("limited");
        box.setPidsMax(2);
        SpawnSpec spec = SpawnSpec.child(f.os.init(), List.of("stubborn"), Stdio.discard()).withCgroup(box);
        f.os.spawn(spec);
        f.os.spawn(spec);
        assertThatThrownBy(() -> f.os.spawn(spec))
                .isInstanceOfSatisfying(OsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN))
                .hasMessageContaining("Resource temporarily unavailable");
        assertThat(box.pidsCurrent()).isEqualTo(2);
        assertThat(box.file("pids.events")).isEqualTo("max 1\n");
    }

    @Test
    void twoCpuBoundProcessesLimitedToHalfACoreEachTakeTwiceAsLong() {
        OsFixture free = new OsFixture();
        long start = free.sim.now();
        Process a = free.spawn("spin", "1000");
        Process b = free.spawn("spin", "1000");
        free.sim.runWhile(() -> a.isAlive() || b.isAlive());
        long unlimited = free.sim.now() - start;

        OsFixture capped = new OsFixture();
        Cgroup half1 = capped.os.cgroupRoot().child("c1");
        Cgroup half2 = capped.os.cgroupRoot().child("c2");
        half1.setCpus(0.5);
        half2.setCpus(0.5);
        Process c = capped.os.spawn(SpawnSpec.child(capped.os.init(), List.of("spin", "1000"), Stdio.discard())
                .withCgroup(half1));
        Process d = capped.os.spawn(SpawnSpec.child(capped.os.init(), List.of("spin", "1000"), Stdio.discard())
                .withCgroup(half2));
        long start2 = capped.sim.now();
        capped.sim.runWhile(() -> c.isAlive() || d.isAlive());
        long limited = capped.sim.now() - start2;

        assertThat(unlimited).isBetween(Time.millis(1000), Time.millis(1001));
        assertThat(limited).isBetween(Time.millis(2000), Time.millis(2001));
        assertThat(half1.cpuUsageNanos()).isBetween(Time.millis(999), Time.millis(1001));
    }

    @Test
    void moreCpuBoundProcessesThanCoresShareThemFairly() {
        OsFixture f = new OsFixture(); // 4 cores
        List<Process> procs = new java.util.ArrayList<>();
        long start = f.sim.now();
        for (int i = 0; i < 8; i++) {
            procs.add(f.spawn("spin", "500"));
        }
        f.sim.runWhile(() -> procs.stream().anyMatch(Process::isAlive));
        assertThat(f.sim.now() - start).isBetween(Time.millis(1000), Time.millis(1002));
    }

    @Test
    void loadAverageFollowsTheRunQueueAsLinuxComputesIt() {
        OsFixture f = new OsFixture();
        for (int i = 0; i < 8; i++) {
            f.spawn("spin", "120000");
        }
        f.sim.runFor(Time.seconds(60));
        double[] load = f.os.cpu().loadAverage();
        // After one minute of 8 runnable tasks: 8 * (1 - e^-1) = 5.06 for the 1-minute average.
        assertThat(load[0]).isBetween(4.9, 5.2);
        assertThat(load[1]).isLessThan(load[0]);
        assertThat(load[2]).isLessThan(load[1]);
        assertThat(f.os.initialNamespaces().mnt().root().readString("/proc/loadavg")).startsWith("5.0");
    }

    @Test
    void aFrozenCgroupMakesNoProgressUntilThawed() {
        OsFixture f = new OsFixture();
        Cgroup box = f.os.cgroupRoot().child("paused");
        Process p = f.os.spawn(SpawnSpec.child(f.os.init(), List.of("spin", "100"), Stdio.discard()).withCgroup(box));
        f.sim.runFor(Time.millis(50));
        f.os.freeze(box);
        assertThat(p.state()).isEqualTo(ProcessState.STOPPED);
        f.sim.runFor(Time.seconds(10));
        assertThat(p.isAlive()).isTrue();
        f.os.thaw(box);
        f.sim.runFor(Time.millis(51));
        assertThat(p.isAlive()).isFalse();
    }

    @Test
    void commandsThatDoNotExistOrAreNotExecutableAreRefusedLikeExecve() {
        OsFixture f = new OsFixture();
        assertThatThrownBy(() -> f.spawn("nosuch"))
                .isInstanceOfSatisfying(OsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
        f.disk.writeString("/bin/notes", "hello");
        assertThatThrownBy(() -> f.spawn("/bin/notes"))
                .isInstanceOfSatisfying(OsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        f.disk.chmod("/bin/notes", 0755);
        assertThatThrownBy(() -> f.spawn("/bin/notes"))
                .isInstanceOfSatisfying(OsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOEXEC));
    }

    @Test
    void aCrashWipesEveryProcessAndARestartBootsAgain() {
        OsFixture f = new OsFixture();
        Process p = f.spawn("sleeper");
        f.machine.crash();
        assertThat(f.os.processes()).isEmpty();
        f.machine.restart();
        f.sim.runFor(1);
        assertThat(f.os.processes()).extracting(Process::pid).containsExactly(1);
        assertThat(f.disk.exists("/bin/sleeper")).as("the disk survives").isTrue();
        assertThat(p.pid()).isPositive();
    }
}
