package clusterlab.kernel.host;

import clusterlab.kernel.fs.Blob;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.os.ProgramRegistry;
import clusterlab.kernel.programs.BuiltinPrograms;
import java.util.List;

/**
 * The files every simulated machine's disk starts with: a small Linux layout like the hosts of
 * Play with Docker (Alpine-based, with bash and the usual tools), /etc files naming the machine,
 * and the executables of the built-in programs it has.
 */
public final class HostImage {
    private HostImage() {}

    /** Lays out a host's root filesystem. {@code programs} names the built-in programs to install. */
    public static void install(Filesystem fs, String hostname, String address, List<String> programs) {
        for (String dir : List.of("/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/share",
                "/etc", "/root", "/home", "/var/log", "/var/lib", "/run", "/dev", "/sys", "/proc", "/opt", "/mnt")) {
            fs.mkdirs(dir);
        }
        fs.mkdirs("/tmp");
        fs.chmod("/tmp", 01777);
        fs.chmod("/root", 0700);
        fs.writeString("/etc/hostname", hostname + "\n");
        fs.writeString("/etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                + address + "\t" + hostname + "\n");
        fs.writeString("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n"
                + "daemon:x:1:1:daemon:/usr/sbin:/sbin/nologin\n"
                + "bin:x:2:2:bin:/bin:/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/:/sbin/nologin\n");
        fs.writeString("/etc/group", "root:x:0:root\ndaemon:x:1:\nbin:x:2:\ntty:x:5:\ndocker:x:999:\nnogroup:x:65534:\n");
        fs.writeString("/etc/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.10.2\n"
                + "PRETTY_NAME=\"Alpine Linux v3.10\"\nHOME_URL=\"https://alpinelinux.org/\"\n");
        fs.writeString("/etc/resolv.conf", "nameserver 8.8.8.8\n");
        for (String name : programs) {
            installProgram(fs, name);
        }
    }

    /** Puts the executable of a built-in program at each of its paths. */
    public static void installProgram(Filesystem fs, String name) {
        BuiltinPrograms.Entry entry = BuiltinPrograms.entry(name);
        for (String path : entry.paths()) {
            String dir = path.substring(0, path.lastIndexOf('/'));
            fs.mkdirs(dir.isEmpty() ? "/" : dir);
            fs.writeContent(path, Blob.of(ProgramRegistry.binary(name)));
            fs.chmod(path, 0755);
        }
    }
}
