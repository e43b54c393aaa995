package clusterlab.kernel.os;

import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.FileType;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.fs.FsPath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /proc} as mounted in one PID namespace: the processes of that namespace by their pids
 * there, {@code self}, and the system files. Contents are computed when read, so {@code ps} and
 * {@code top} see the kernel's live state, just as procps does on Linux. Read-only.
 *
 * <p>Paths given to this filesystem are relative to its mount point ({@code /} is {@code /proc}).
 */
final class ProcFs implements Filesystem {
    private static final List<String> SYSTEM_FILES = List.of("cpuinfo", "loadavg", "meminfo", "uptime", "version");
    private static final List<String> PROCESS_FILES =
            List.of("cgroup", "cmdline", "comm", "cwd", "environ", "exe", "gid_map", "ns", "stat", "status", "uid_map");
    private static final List<String> PROCESS_LINKS = List.of("cwd", "exe");

    private final OperatingSystem os;
    private final PidNamespace pidNs;

    ProcFs(OperatingSystem os, PidNamespace pidNs) {
        this.os = os;
        this.pidNs = pidNs;
    }

    /** {@code root} with this kernel's /proc for {@code pidNs} mounted at /proc. */
    static Filesystem mountedOver(Filesystem root, OperatingSystem os, PidNamespace pidNs) {
        return ProcMount.over(root, new ProcFs(os, pidNs));
    }

    // ---- path resolution ----------------------------------------------------------------------

    /** A resolved /proc path: which process (or none), and which entry below it. */
    private record Target(Process process, List<String> rest) {}

    private Target target(String path, boolean followLast) {
        List<String> parts = new ArrayList<>(FsPath.of(path).segments());
        if (parts.isEmpty()) {
            return new Target(null, parts);
        }
        String first = parts.get(0);
        if (first.equals("self") || first.equals("thread-self")) {
            if (parts.size() == 1 && !followLast) {
                return new Target(null, parts); // the link itself
            }
            Process me = os.current();
            if (me == null || me.pidIn(pidNs) == 0) {
                throw new FsException(Errno.ENOENT, "/proc/" + path);
            }
            parts.set(0, String.valueOf(me.pidIn(pidNs)));
            first = parts.get(0);
        }
        if (isNumber(first)) {
            Process p = pidNs.process(Integer.parseInt(first));
            if (p == null || !p.isAlive()) {
                throw new FsException(Errno.ENOENT, "/proc" + path);
            }
            return new Target(p, parts.subList(1, parts.size()));
        }
        return new Target(null, parts);
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private FileStat entryStat(String path, boolean followLast) {
        Target t = target(path, followLast);
        long mtime = os.machine().bootTime();
        List<String> rest = t.rest();
        if (t.process() == null) {
            if (rest.isEmpty()) {
                return new FileStat(FileType.DIRECTORY, 0555, 0, 0, 0, mtime);
            }
            if (rest.size() == 1 && (rest.get(0).equals("self") || rest.get(0).equals("thread-self"))) {
                return new FileStat(FileType.SYMLINK, 0777, 0, 0, 0, mtime);
            }
            if (rest.size() == 1 && SYSTEM_FILES.contains(rest.get(0))) {
                return new FileStat(FileType.REGULAR_FILE, 0444, 0, 0, 0, mtime);
            }
            throw new FsException(Errno.ENOENT, "/proc/" + String.join("/", rest));
        }
        Process p = t.process();
        int uid = p.credentials().uid();
        long start = p.startTime();
        if (rest.isEmpty()) {
            return new FileStat(FileType.DIRECTORY, 0555, uid, p.credentials().gid(), 0, start);
        }
        String name = rest.get(0);
        if (name.equals("ns")) {
            if (rest.size() == 1) {
                return new FileStat(FileType.DIRECTORY, 0511, uid, 0, 0, start);
            }
            if (rest.size() == 2 && nsKind(rest.get(1)) != null) {
                if (followLast) {
                    throw new FsException(Errno.ENOENT, "/proc/" + path); // nsfs objects are not files here
                }
                return new FileStat(FileType.SYMLINK, 0777, uid, 0, 0, start);
            }
        } else if (rest.size() == 1 && PROCESS_LINKS.contains(name)) {
            if (followLast) {
                return p.namespaces().mnt().root().stat(name.equals("cwd") ? p.cwd() : p.executablePath());
            }
            return new FileStat(FileType.SYMLINK, 0777, uid, 0, 0, start);
        } else if (rest.size() == 1 && PROCESS_FILES.contains(name)) {
            return new FileStat(FileType.REGULAR_FILE, 0444, uid, p.credentials().gid(), 0, start);
        }
        throw new FsException(Errno.ENOENT, "/proc/" + path);
    }

    private static NamespaceKind nsKind(String name) {
        for (NamespaceKind k : NamespaceKind.values()) {
            if (k.procName().equals(name)) {
                return k;
            }
        }
        return null;
    }

    private String text(String path) {
        FileStat st = entryStat(path, true);
        if (st.isDirectory()) {
            throw new FsException(Errno.EISDIR, "/proc" + path);
        }
        Target t = target(path, true);
        if (t.process() == null) {
            return switch (t.rest().get(0)) {
                case "meminfo" -> ProcFiles.meminfo(os);
                case "loadavg" -> ProcFiles.loadavg(os, pidNs);
                case "uptime" -> ProcFiles.uptime(os);
                case "cpuinfo" -> ProcFiles.cpuinfo(os);
                case "version" -> ProcFiles.version();
                default -> throw new FsException(Errno.ENOENT, "/proc" + path);
            };
        }
        Process p = t.process();
        Process reader = os.current();
        CgroupNamespace cgroupView = reader != null ? reader.namespaces().cgroup() : os.initialNamespaces().cgroup();
        return switch (t.rest().get(0)) {
            case "status" -> ProcFiles.status(p, pidNs);
            case "stat" -> ProcFiles.stat(p, pidNs, os.machine().bootTime());
            case "cmdline" -> ProcFiles.cmdline(p);
            case "comm" -> p.comm() + "\n";
            case "environ" -> ProcFiles.environ(p);
            case "cgroup" -> ProcFiles.cgroup(p, cgroupView);
            case "uid_map" -> ProcFiles.idMap(p.namespaces().user().uidMap());
            case "gid_map" -> ProcFiles.idMap(p.namespaces().user().gidMap());
            default -> throw new FsException(Errno.ENOENT, "/proc" + path);
        };
    }

    // ---- Filesystem ---------------------------------------------------------------------------

    @Override
    public FileStat stat(String path) {
        FileStat st = entryStat(path, true);
        if (st.isSymlink()) {
            return stat(FsPath.resolve(FsPath.of(path).parent(), readlink(path)).toString());
        }
        return st.isRegularFile() ? withSize(st, text(path).length()) : st;
    }

    @Override
    public FileStat lstat(String path) {
        return entryStat(path, false);
    }

    @Override
    public FileStat lstatOrNull(String path) {
        try {
            return lstat(path);
        } catch (FsException e) {
            if (e.errno() == Errno.ENOENT) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String path) {
        try {
            entryStat(path, true);
            return true;
        } catch (FsException e) {
            return false;
        }
    }

    private static FileStat withSize(FileStat st, long size) {
        return new FileStat(st.type(), st.mode(), st.uid(), st.gid(), size, st.mtimeNanos());
    }

    @Override
    public Blob content(String path) {
        return Blob.ofUtf8(text(path));
    }

    @Override
    public List<String> list(String directory) {
        FileStat st = entryStat(directory, true);
        if (!st.isDirectory()) {
            throw new FsException(Errno.ENOTDIR, "/proc" + directory);
        }
        Target t = target(directory, true);
        List<String> names = new ArrayList<>();
        if (t.process() == null) {
            for (int pid : pidNs.processes().keySet()) {
                names.add(String.valueOf(pid));
            }
            names.addAll(SYSTEM_FILES);
            names.add("self");
            names.add("thread-self");
            names.sort(null);
            return names;
        }
        if (t.rest().isEmpty()) {
            return PROCESS_FILES;
        }
        for (NamespaceKind k : NamespaceKind.values()) {
            names.add(k.procName());
        }
        names.sort(null);
        return names;
    }

    @Override
    public String readlink(String path) {
        FileStat st = entryStat(path, false);
        if (!st.isSymlink()) {
            throw new FsException(Errno.EINVAL, "/proc" + path);
        }
        Target t = target(path, false);
        if (t.process() == null) {
            Process me = os.current();
            return me == null ? "0" : String.valueOf(me.pidIn(pidNs));
        }
        Process p = t.process();
        String name = t.rest().get(0);
        if (name.equals("ns")) {
            return p.namespaces().get(nsKind(t.rest().get(1))).linkText();
        }
        return name.equals("cwd") ? p.cwd() : p.executablePath();
    }

    @Override
    public String realpath(String path) {
        FileStat st = lstat(path);
        if (st.isSymlink()) {
            return FsPath.resolve(FsPath.of(path).parent(), readlink(path)).toString();
        }
        return FsPath.of(path).toString();
    }

    private FsException readOnly(String path) {
        return new FsException(Errno.EACCES, "/proc" + path);
    }

    @Override
    public void writeContent(String path, Blob content) {
        throw readOnly(path);
    }

    @Override
    public void mkdir(String path) {
        throw readOnly(path);
    }

    @Override
    public void mkdirs(String path) {
        if (!exists(path)) {
            throw readOnly(path);
        }
    }

    @Override
    public void unlink(String path) {
        throw readOnly(path);
    }

    @Override
    public void rmdir(String path) {
        throw readOnly(path);
    }

    @Override
    public void removeRecursive(String path) {
        throw readOnly(path);
    }

    @Override
    public void rename(String from, String to) {
        throw readOnly(from);
    }

    @Override
    public void symlink(String target, String linkPath) {
        throw readOnly(linkPath);
    }

    @Override
    public void chmod(String path, int mode) {
        throw readOnly(path);
    }

    @Override
    public void chown(String path, int uid, int gid) {
        throw readOnly(path);
    }

    @Override
    public void setMtime(String path, long mtimeNanos) {
        throw readOnly(path);
    }

    @Override
    public void lchown(String path, int uid, int gid) {
        throw readOnly(path);
    }

    @Override
    public void lsetMtime(String path, long mtimeNanos) {
        throw readOnly(path);
    }
}
