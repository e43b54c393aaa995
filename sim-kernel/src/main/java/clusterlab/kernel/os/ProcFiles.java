package clusterlab.kernel.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text of the {@code /proc} files, computed from the kernel's state as seen from one PID
 * namespace, in the formats procps reads ({@code ps}, {@code top}, {@code free}, {@code uptime}).
 */
final class ProcFiles {
    /** USER_HZ: /proc reports times in 1/100 s ticks. */
    static final long TICKS_PER_SECOND = 100;
    private static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;

    private ProcFiles() {}

    static String status(Process p, PidNamespace viewer) {
        StringBuilder s = new StringBuilder(512);
        ProcessState st = p.state();
        s.append("Name:\t").append(p.comm()).append('\n');
        s.append("Umask:\t0022\n");
        s.append("State:\t").append(st.letter()).append(" (").append(stateWord(st)).append(")\n");
        s.append("Tgid:\t").append(p.pidIn(viewer)).append('\n');
        s.append("Ngid:\t0\n");
        s.append("Pid:\t").append(p.pidIn(viewer)).append('\n');
        s.append("PPid:\t").append(p.ppidIn(viewer)).append('\n');
        s.append("TracerPid:\t0\n");
        int uid = p.credentials().uid();
        int gid = p.credentials().gid();
        s.append("Uid:\t").append(uid).append('\t').append(uid).append('\t').append(uid).append('\t').append(uid).append('\n');
        s.append("Gid:\t").append(gid).append('\t').append(gid).append('\t').append(gid).append('\t').append(gid).append('\n');
        s.append("FDSize:\t64\nGroups:\t\n");
        String nsPids = nsPids(p, viewer);
        s.append("NStgid:\t").append(nsPids).append('\n');
        s.append("NSpid:\t").append(nsPids).append('\n');
        s.append("NSpgid:\t").append(nsPids).append('\n');
        s.append("NSsid:\t").append(nsPids).append('\n');
        s.append(String.format(Locale.ROOT, "VmPeak:\t%8d kB%nVmSize:\t%8d kB%nVmRSS:\t%8d kB%n",
                p.vszBytes() / 1024, p.vszBytes() / 1024, p.rssBytes() / 1024));
        s.append("Threads:\t1\n");
        return s.toString();
    }

    /** The pids of {@code p} from the viewer's namespace down to its own: {@code 2514\t1}. */
    private static String nsPids(Process p, PidNamespace viewer) {
        int[] pids = p.pidsByLevel();
        StringBuilder s = new StringBuilder();
        for (int level = viewer.level(); level < pids.length; level++) {
            if (s.length() > 0) {
                s.append('\t');
            }
            s.append(pids[level]);
        }
        return s.toString();
    }

    static String stateWord(ProcessState st) {
        return switch (st) {
            case RUNNING -> "running";
            case SLEEPING -> "sleeping";
            case STOPPED -> "stopped";
            case ZOMBIE -> "zombie";
            case DEAD -> "dead";
        };
    }

    /** {@code /proc/<pid>/stat}: the fields ps and top parse (times in ticks, sizes in bytes/pages). */
    static String stat(Process p, PidNamespace viewer, long bootTimeNanos) {
        long utime = p.cpuTimeNanos() * 9 / 10 / NANOS_PER_TICK;
        long stime = p.cpuTimeNanos() / 10 / NANOS_PER_TICK;
        long start = (p.startTime() - bootTimeNanos) / NANOS_PER_TICK;
        int pid = p.pidIn(viewer);
        int tty = p.stdio().tty() == null ? 0 : 34816 + ttyNumber(p.stdio().tty());
        return pid + " (" + p.comm() + ") " + p.state().letter() + " " + p.ppidIn(viewer) + " " + pid + " " + pid
                + " " + tty + " -1 4194560 0 0 0 0 " + utime + " " + stime + " 0 0 20 0 1 0 " + start + " "
                + p.vszBytes() + " " + p.rssBytes() / 4096 + " 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
    }

    private static int ttyNumber(Tty tty) {
        String n = tty.name().replaceAll("[^0-9]", "");
        return n.isEmpty() ? 0 : Integer.parseInt(n.length() > 6 ? n.substring(0, 6) : n);
    }

    static String cmdline(Process p) {
        StringBuilder s = new StringBuilder();
        for (String a : p.argv()) {
            s.append(a).append('\0');
        }
        return s.toString();
    }

    static String environ(Process p) {
        StringBuilder s = new StringBuilder();
        p.env().forEach((k, v) -> s.append(k).append('=').append(v).append('\0'));
        return s.toString();
    }

    static String cgroup(Process p, CgroupNamespace viewer) {
        return "0::" + viewer.relativePath(p.cgroup()) + "\n";
    }

    static String idMap(List<UserNamespace.IdMapping> map) {
        StringBuilder s = new StringBuilder();
        for (UserNamespace.IdMapping m : map) {
            s.append(m.line()).append('\n');
        }
        return s.toString();
    }

    static String meminfo(OperatingSystem os) {
        long totalKb = os.machine().memoryBytes() / 1024;
        long usedKb = Math.min(totalKb, os.memoryUsedBytes() / 1024);
        long freeKb = totalKb - usedKb;
        List<String> lines = new ArrayList<>();
        lines.add(kb("MemTotal:", totalKb));
        lines.add(kb("MemFree:", freeKb));
        lines.add(kb("MemAvailable:", freeKb));
        lines.add(kb("Buffers:", 0));
        lines.add(kb("Cached:", 0));
        lines.add(kb("SwapCached:", 0));
        lines.add(kb("Active:", usedKb));
        lines.add(kb("Inactive:", 0));
        lines.add(kb("SwapTotal:", 0));
        lines.add(kb("SwapFree:", 0));
        lines.add(kb("Shmem:", 0));
        lines.add(kb("SReclaimable:", 0));
        return String.join("\n", lines) + "\n";
    }

    private static String kb(String label, long value) {
        return String.format(Locale.ROOT, "%-15s%9d kB", label, value);
    }

    static String loadavg(OperatingSystem os, PidNamespace viewer) {
        double[] load = os.cpu().loadAverage();
        int total = viewer.processes().size();
        int lastPid = viewer.processes().isEmpty() ? 0 : viewer.processes().lastKey();
        return String.format(Locale.ROOT, "%.2f %.2f %.2f %d/%d %d%n", load[0], load[1], load[2],
                Math.max(1, os.cpu().runnableJobs()), total, lastPid);
    }

    static String uptime(OperatingSystem os) {
        long up = os.uptimeNanos();
        double idle = Math.max(0, up / 1e9 * os.machine().cores() - os.cgroupRoot().cpuUsageNanos() / 1e9);
        return String.format(Locale.ROOT, "%.2f %.2f%n", up / 1e9, idle);
    }

    static String cpuinfo(OperatingSystem os) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < os.machine().cores(); i++) {
            s.append("processor\t: ").append(i).append('\n')
                    .append("vendor_id\t: GenuineIntel\n")
                    .append("model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz (simulated)\n")
                    .append("cpu MHz\t\t: 2200.000\n")
                    .append("cpu cores\t: ").append(os.machine().cores()).append("\n\n");
        }
        return s.toString();
    }

    static String version() {
        return "Linux version 5.4.0-clusterlab (simulated) (gcc version 9.3.0) #1 SMP\n";
    }
}
