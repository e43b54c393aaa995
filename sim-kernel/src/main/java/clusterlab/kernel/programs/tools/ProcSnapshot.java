package clusterlab.kernel.programs.tools;

import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of /proc as procps's readproc sees them: parsed from {@code /proc/<pid>/stat},
 * {@code status} and {@code cmdline} of the reader's PID namespace, sorted by pid. A process that
 * exits between the directory listing and the reads is skipped, as procps does.
 */
record ProcSnapshot(List<Proc> processes) {
    /** USER_HZ: times in /proc are in 1/100 s. */
    static final long TICKS_PER_SECOND = 100;
    /** Bound on processes read (pid_max would be the real bound; a lab has far fewer). */
    static final int MAX_PROCESSES = 100_000;

    /** One process as parsed from /proc. Times in ticks, sizes in bytes. */
    record Proc(int pid, int ppid, String comm, char state, int ttyNr, long cpuTicks, long startTicks,
            long vszBytes, long rssBytes, int uid, List<String> cmdline) {
        /** The terminal name for the TTY column: pts/N or ?. */
        String tty() {
            return ttyNr == 0 ? "?" : "pts/" + (ttyNr - 34816);
        }

        /** The full command line, or [comm] for a process without one (kernel threads). */
        String args() {
            return cmdline.isEmpty() ? "[" + comm + "]" : String.join(" ", cmdline);
        }
    }

    static ProcSnapshot read(Filesystem fs) {
        List<Integer> pids = new ArrayList<>();
        for (String name : fs.list("/proc")) {
            if (!name.isEmpty() && name.length() <= 9 && name.chars().allMatch(Character::isDigit)) {
                pids.add(Integer.parseInt(name));
            }
            if (pids.size() >= MAX_PROCESSES) {
                break;
            }
        }
        pids.sort(null);
        List<Proc> out = new ArrayList<>();
        for (int pid : pids) {
            try {
                out.add(parse(pid, fs.readString("/proc/" + pid + "/stat"), fs.readString("/proc/" + pid + "/status"),
                        fs.readString("/proc/" + pid + "/cmdline")));
            } catch (FsException | IllegalArgumentException gone) {
                // exited meanwhile (or unreadable): not listed
            }
        }
        return new ProcSnapshot(List.copyOf(out));
    }

    static Proc parse(int pid, String stat, String status, String cmdline) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("bad stat");
        }
        String comm = stat.substring(open + 1, close);
        String[] f = stat.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state) of proc(5); field n is f[n - 3]
        char state = f[0].charAt(0);
        int ppid = Integer.parseInt(f[1]);
        int tty = Integer.parseInt(f[4]);
        long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        long start = Long.parseLong(f[19]);
        long vsz = Long.parseLong(f[20]);
        long rss = Long.parseLong(f[21]) * 4096;
        int uid = 0;
        for (String line : status.split("\n", 200)) {
            if (line.startsWith("Uid:")) {
                uid = Integer.parseInt(line.substring(4).trim().split("\\s+")[0]);
            }
        }
        List<String> args = new ArrayList<>();
        for (String a : cmdline.split("\0", 4096)) {
            if (!a.isEmpty()) {
                args.add(a);
            }
        }
        return new Proc(pid, ppid, comm, state, tty, cpu, start, vsz, rss, uid, List.copyOf(args));
    }

    /** A value of /proc/meminfo in kB (0 when missing). */
    static long meminfoKb(String meminfo, String key) {
        for (String line : meminfo.split("\n", 200)) {
            if (line.startsWith(key + ":")) {
                String v = line.substring(key.length() + 1).trim();
                int sp = v.indexOf(' ');
                return Long.parseLong(sp < 0 ? v : v.substring(0, sp));
            }
        }
        return 0;
    }

    /** Seconds since boot from /proc/uptime. */
    static double uptimeSeconds(Filesystem fs) {
        String text = fs.readString("/proc/uptime").trim();
        return Double.parseDouble(text.split(" ")[0]);
    }
}
