package clusterlab.kernel.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MemoryFsTest {
    private final Trees.Clock clock = new Trees.Clock(5);
    private final MemoryFs fs = new MemoryFs(clock);

    private static Errno errnoOf(Runnable call) {
        try {
            call.run();
        } catch (FsException e) {
            return e.errno();
        }
        throw new AssertionError("no FsException");
    }

    @Test
    void writesReadsAppendsAndTruncates() {
        fs.mkdir("/etc");
        fs.writeString("/etc/motd", "hello");
        fs.writeFile("/etc/motd", " world".getBytes(StandardCharsets.UTF_8), true);
        assertThat(fs.readString("/etc/motd")).isEqualTo("hello world");
        fs.writeFile("/etc/motd", "new".getBytes(StandardCharsets.UTF_8), false);
        assertThat(fs.readString("/etc/motd")).isEqualTo("new");
        fs.writeFile("/etc/fresh", "a".getBytes(StandardCharsets.UTF_8), true);
        assertThat(fs.readString("/etc/fresh")).isEqualTo("a");
    }

    @Test
    void readFileReturnsACopySoStoredContentNeverChanges() {
        byte[] mine = {1, 2, 3};
        fs.writeFile("/f", mine, false);
        mine[0] = 9;
        byte[] read = fs.readFile("/f");
        read[1] = 9;
        assertThat(fs.readFile("/f")).containsExactly(1, 2, 3);
    }

    @Test
    void newEntriesGetDefaultsAndTheClockAndTouchTheirParent() {
        clock.now = 100;
        fs.mkdir("/srv");
        clock.now = 200;
        fs.writeString("/srv/a", "x");
        FileStat file = fs.stat("/srv/a");
        assertThat(file.modeString()).isEqualTo("-rw-r--r--");
        assertThat(file.uid()).isZero();
        assertThat(file.mtimeNanos()).isEqualTo(200);
        assertThat(file.sizeBytes()).isEqualTo(1);
        assertThat(fs.stat("/srv").mtimeNanos()).isEqualTo(200);
        assertThat(fs.stat("/srv").modeString()).isEqualTo("drwxr-xr-x");
        assertThat(fs.stat("/srv").sizeBytes()).isEqualTo(FileStat.DIRECTORY_SIZE_BYTES);
        clock.now = 300;
        fs.writeString("/srv/a", "yy");
        assertThat(fs.stat("/srv").mtimeNanos()).as("rewriting content leaves the directory alone").isEqualTo(200);
    }

    @Test
    void chmodChownAndSetMtime() {
        fs.mkdir("/tmp");
        fs.chmod("/tmp", 01777);
        assertThat(fs.stat("/tmp").modeString()).isEqualTo("drwxrwxrwt");
        assertThat(fs.stat("/tmp").stMode()).isEqualTo(041777);
        fs.writeString("/tmp/a", "");
        fs.chown("/tmp/a", 999, 998);
        fs.setMtime("/tmp/a", 42);
        FileStat s = fs.stat("/tmp/a");
        assertThat(s.uid()).isEqualTo(999);
        assertThat(s.gid()).isEqualTo(998);
        assertThat(s.mtimeNanos()).isEqualTo(42);
    }

    @Test
    void directoriesListSortedAndMkdirsIsIdempotent() {
        fs.mkdirs("/a/b/c");
        fs.mkdirs("/a/b/c");
        fs.writeString("/a/zeta", "");
        fs.writeString("/a/alpha", "");
        assertThat(fs.list("/a")).containsExactly("alpha", "b", "zeta");
        assertThat(fs.list("/")).containsExactly("a");
    }

    @Test
    void errorsCarryLinuxErrnoAndText() {
        fs.mkdir("/d");
        fs.writeString("/d/f", "x");
        FsException missing = (FsException) catchThrown(() -> fs.readFile("/nope"));
        assertThat(missing.errno()).isEqualTo(Errno.ENOENT);
        assertThat(missing.reason()).isEqualTo("No such file or directory");
        assertThat(missing.getMessage()).isEqualTo("/nope: No such file or directory");
        assertThat(errnoOf(() -> fs.mkdir("/d"))).isEqualTo(Errno.EEXIST);
        assertThat(Errno.EEXIST.text()).isEqualTo("File exists");
        assertThat(errnoOf(() -> fs.list("/d/f"))).isEqualTo(Errno.ENOTDIR);
        assertThat(errnoOf(() -> fs.readFile("/d/f/x"))).isEqualTo(Errno.ENOTDIR);
        assertThat(errnoOf(() -> fs.readFile("/d"))).isEqualTo(Errno.EISDIR);
        assertThat(errnoOf(() -> fs.unlink("/d"))).isEqualTo(Errno.EISDIR);
        assertThat(errnoOf(() -> fs.rmdir("/d"))).isEqualTo(Errno.ENOTEMPTY);
        assertThat(errnoOf(() -> fs.rmdir("/d/f"))).isEqualTo(Errno.ENOTDIR);
        assertThat(errnoOf(() -> fs.writeString("/nodir/f", "x"))).isEqualTo(Errno.ENOENT);
        assertThat(errnoOf(() -> fs.mkdirs("/d/f/g"))).isEqualTo(Errno.ENOTDIR);
        assertThat(errnoOf(() -> fs.mkdirs("/d/f"))).isEqualTo(Errno.EEXIST);
        assertThat(errnoOf(() -> fs.stat("relative"))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> fs.readlink("/d/f"))).isEqualTo(Errno.EINVAL);
        assertThat(errnoOf(() -> fs.rename("/d", "/d/inside"))).isEqualTo(Errno.EINVAL);
    }

    private static Throwable catchThrown(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing thrown");
    }

    @Test
    void removeAndRename() {
        fs.mkdirs("/a/b");
        fs.writeString("/a/b/f", "x");
        fs.rename("/a/b/f", "/a/g");
        assertThat(fs.readString("/a/g")).isEqualTo("x");
        assertThat(fs.exists("/a/b/f")).isFalse();
        fs.rename("/a", "/moved");
        assertThat(fs.list("/moved")).containsExactly("b", "g");
        fs.writeString("/other", "o");
        fs.rename("/other", "/moved/g");
        assertThat(fs.readString("/moved/g")).isEqualTo("o");
        assertThat(errnoOf(() -> fs.rename("/moved", "/moved/b/x"))).isEqualTo(Errno.EINVAL);
        fs.unlink("/moved/g");
        fs.rmdir("/moved/b");
        fs.mkdirs("/moved/deep/er");
        fs.removeRecursive("/moved");
        assertThat(fs.list("/")).isEmpty();
        assertThat(errnoOf(() -> fs.rmdir("/"))).isEqualTo(Errno.EBUSY);
    }

    @Test
    void treeSizeAddsUpFilesAndSymlinks() {
        fs.mkdirs("/app/lib");
        fs.writeString("/app/a", "12345");
        fs.writeString("/app/lib/b", "123");
        fs.symlink("a", "/app/link");
        assertThat(fs.treeSizeBytes("/app")).isEqualTo(5 + 3 + 1);
        assertThat(fs.treeSizeBytes("/app/a")).isEqualTo(5);
        assertThat(fs.treeSizeBytes("/")).isEqualTo(9);
    }

    @Test
    void symlinksAreFollowedExceptWhereLinuxDoesNot() {
        fs.mkdirs("/usr/lib/data");
        fs.writeString("/usr/lib/data/file", "content");
        fs.symlink("/usr/lib", "/lib");
        fs.symlink("data/file", "/usr/lib/rel");
        fs.symlink("../lib/data", "/usr/up");
        assertThat(fs.readString("/lib/data/file")).isEqualTo("content");
        assertThat(fs.readString("/lib/rel")).isEqualTo("content");
        assertThat(fs.list("/usr/up")).containsExactly("file");
        assertThat(fs.realpath("/lib/rel")).isEqualTo("/usr/lib/data/file");
        assertThat(fs.lstat("/lib").isSymlink()).isTrue();
        assertThat(fs.stat("/lib").isDirectory()).isTrue();
        assertThat(fs.readlink("/lib")).isEqualTo("/usr/lib");
        // ".." after a symlink is physical: /lib/.. is the parent of /usr/lib, not "/".
        assertThat(fs.realpath("/lib/..")).isEqualTo("/usr");
        fs.unlink("/lib");
        assertThat(fs.exists("/usr/lib/data/file")).as("unlink removes the link, not its target").isTrue();
    }

    @Test
    void danglingSymlinkDoesNotExistButWritingThroughItCreatesTheTarget() {
        fs.symlink("/target", "/link");
        assertThat(fs.exists("/link")).isFalse();
        assertThat(fs.lstatOrNull("/link")).isNotNull();
        assertThat(errnoOf(() -> fs.stat("/link"))).isEqualTo(Errno.ENOENT);
        fs.writeString("/link", "made");
        assertThat(fs.readString("/target")).isEqualTo("made");
        assertThat(errnoOf(() -> fs.symlink("/x", "/link"))).isEqualTo(Errno.EEXIST);
        assertThat(errnoOf(() -> fs.mkdir("/link"))).isEqualTo(Errno.EEXIST);
    }

    @Test
    void symlinkLoopsGiveEloop() {
        fs.symlink("/b", "/a");
        fs.symlink("/a", "/b");
        fs.symlink("self", "/self");
        FsException e = (FsException) catchThrown(() -> fs.readFile("/a"));
        assertThat(e.errno()).isEqualTo(Errno.ELOOP);
        assertThat(e.reason()).isEqualTo("Too many levels of symbolic links");
        assertThat(errnoOf(() -> fs.list("/self/x"))).isEqualTo(Errno.ELOOP);
        assertThat(fs.lstat("/a").isSymlink()).as("lstat does not follow").isTrue();
        assertThat(fs.exists("/a")).isFalse();
    }

    @Test
    void fortySymlinksInAChainResolveButFortyOneDoNot() {
        fs.writeString("/end", "ok");
        String previous = "/end";
        for (int i = 1; i <= 41; i++) {
            fs.symlink(previous, "/l" + i);
            previous = "/l" + i;
        }
        assertThat(fs.readString("/l40")).isEqualTo("ok");
        assertThat(errnoOf(() -> fs.readString("/l41"))).isEqualTo(Errno.ELOOP);
    }

    @Test
    void copyKeepsMetadataAndSharesContent() {
        fs.mkdirs("/src/sub");
        fs.writeString("/src/sub/f", "data");
        fs.chmod("/src/sub/f", 0600);
        fs.chown("/src/sub/f", 33, 33);
        fs.setMtime("/src/sub/f", 7);
        fs.symlink("sub/f", "/src/link");
        fs.setMtime("/src/sub", 8);
        MemoryFs other = new MemoryFs(clock);
        FsCopy.copy(fs, "/src", other, "/dst");
        assertThat(other.stat("/dst/sub/f")).isEqualTo(fs.stat("/src/sub/f"));
        assertThat(other.readlink("/dst/link")).isEqualTo("sub/f");
        assertThat(other.stat("/dst/sub").mtimeNanos()).isEqualTo(8);
        assertThat(other.content("/dst/sub/f")).isSameAs(fs.content("/src/sub/f"));
        fs.copy("/src/sub/f", "/copy");
        assertThat(fs.readString("/copy")).isEqualTo("data");
        assertThat(errnoOf(() -> fs.copy("/src", "/src/sub/again"))).isEqualTo(Errno.EINVAL);
    }
}
