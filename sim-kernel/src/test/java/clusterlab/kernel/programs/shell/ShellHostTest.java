package clusterlab.kernel.programs.shell;

import static org.assertj.core.api.Assertions.assertThat;

import clusterlab.kernel.Time;
import clusterlab.kernel.host.CommandResult;
import clusterlab.kernel.os.Process;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell on a host: files it writes, the terminal handoff, exec, CPU and memory. */
class ShellHostTest {

    @Test
    void theCourseHereDocumentWritesAppPyOnTheHostDisk() {
        ShellFixture f = new ShellFixture();
        String script = "cd /root\ncat > app.py <<EOF\nfrom flask import Flask\n\napp = Flask(__name__)\n"
                + "@app.route(\"/\")\ndef hello():\n    return \"hello world!\"\nEOF\n";
        CommandResult r = f.host.run(List.of("bash", "-c", script), null, Time.MINUTE);
        assertThat(r.exitStatus()).isZero();
        assertThat(f.host.disk().readString("/root/app.py")).isEqualTo("from flask import Flask\n\n"
                + "app = Flask(__name__)\n@app.route(\"/\")\ndef hello():\n    return \"hello world!\"\n");
    }

    @Test
    void theSameHereDocumentTypedLineByLineAtATerminal() {
        ShellFixture f = new ShellFixture();
        ShellFixture.Session s = f.new Session("bash");
        s.type("cat > Dockerfile <<EOF");
        s.type("FROM python:3.6.1-alpine");
        s.type("RUN pip install flask");
        s.type("CMD [\"python\",\"app.py\"]");
        s.type("COPY app.py /app.py");
        s.type("EOF");
        assertThat(f.host.disk().readString("/root/Dockerfile")).isEqualTo("FROM python:3.6.1-alpine\n"
                + "RUN pip install flask\nCMD [\"python\",\"app.py\"]\nCOPY app.py /app.py\n");
        assertThat(s.screen.toString()).contains("\n> RUN pip install flask\n");
    }

    @Test
    void redirectionsCreateAndAppendFiles() {
        ShellFixture f = new ShellFixture();
        CommandResult r = f.host.run("sh", "-c", "echo one > /tmp/f; echo two >> /tmp/f; echo err 1>&2 2>/tmp/e");
        assertThat(r.exitStatus()).isZero();
        assertThat(f.host.disk().readString("/tmp/f")).isEqualTo("one\ntwo\n");
        assertThat(r.stderr()).isEqualTo("err\n");
        assertThat(f.host.disk().readString("/tmp/e")).isEmpty();
        CommandResult missing = f.host.run("bash", "-c", "echo x > /nope/x");
        assertThat(missing.stderr()).isEqualTo("bash: /nope/x: No such file or directory\n");
        assertThat(missing.exitStatus()).isEqualTo(1);
    }

    @Test
    void theForegroundJobOwnsTheTerminalUntilItEnds() {
        ShellFixture f = new ShellFixture();
        ShellFixture.Session s = f.new Session("bash");
        assertThat(s.terminal.foreground()).isSameAs(s.shell);
        s.type("sleep 100");
        Process job = s.terminal.foreground();
        assertThat(job).isNotSameAs(s.shell);
        assertThat(job.comm()).isEqualTo("sleep");
        assertThat(job.parent()).isSameAs(s.shell);
        s.ctrlC();
        assertThat(job.isAlive()).isFalse();
        assertThat(job.exitStatus()).isEqualTo(130);
        assertThat(s.shell.isAlive()).isTrue();
        assertThat(s.terminal.foreground()).isSameAs(s.shell);
        s.type("echo $?");
        assertThat(s.screen.toString()).endsWith("echo $?\n130\nroot@node1:~# ");
    }

    @Test
    void aCommandReadingTheTerminalGetsWhatIsTyped() {
        ShellFixture f = new ShellFixture();
        ShellFixture.Session s = f.new Session("bash");
        s.type("upper");
        s.type("shout this");
        assertThat(s.screen.toString()).endsWith("shout this\nSHOUT THIS\n");
        s.ctrlC();
        s.type("echo back at the prompt");
        assertThat(s.screen.toString()).endsWith("back at the prompt\nroot@node1:~# ");
    }

    @Test
    void killedAndTerminatedForegroundJobsAreReportedInteractively() {
        ShellFixture f = new ShellFixture();
        ShellFixture.Session s = f.new Session("bash");
        s.type("sleep 100");
        f.host.os().signal(null, s.terminal.foreground(), clusterlab.kernel.os.Signal.SIGKILL);
        s.settle();
        s.type("sleep 100");
        f.host.os().signal(null, s.terminal.foreground(), clusterlab.kernel.os.Signal.SIGTERM);
        s.settle();
        s.type("echo $?");
        assertThat(s.screen.toString()).contains("sleep 100\nKilled\nroot@node1:~# ")
                .contains("sleep 100\nTerminated\nroot@node1:~# echo $?\n143\n");
    }

    @Test
    void execReplacesTheShell() {
        ShellFixture f = new ShellFixture();
        ShellFixture.Result r = f.run(List.of("bash", "-c", "echo before; exec exitwith 9; echo never"), null);
        assertThat(r.stdout()).isEqualTo("before\n");
        assertThat(r.status()).isEqualTo(9);
        ShellFixture.Result missing = f.run(List.of("bash", "-c", "exec nope; echo never"), null);
        assertThat(missing.stderr()).isEqualTo("bash: exec: nope: not found\n");
        assertThat(missing.status()).isEqualTo(127);
    }

    @Test
    void commandsCostSimulatedCpuAndTheShellHoldsMemory() {
        ShellFixture f = new ShellFixture();
        long start = f.cluster.simulation().now();
        ShellFixture.Result r = f.run(List.of("bash", "-c", "true; true; true; true; true; true; true; true; true; true"),
                null);
        assertThat(r.status()).isZero();
        assertThat(f.cluster.simulation().now() - start).isGreaterThanOrEqualTo(10 * Session.COMMAND_CPU_NANOS);
        ShellFixture.Session s = f.new Session("bash");
        assertThat(s.shell.rssBytes()).isEqualTo(Shell.RSS_BYTES);
        assertThat(s.shell.cpuTimeNanos()).isPositive();
    }

    @Test
    void aShellScriptFileWithAShebangRunsThroughTheKernel() {
        ShellFixture f = new ShellFixture();
        f.host.disk().writeString("/root/run.sh", "#!/bin/sh\necho \"args: $*\"\nexit 3\n");
        f.host.disk().chmod("/root/run.sh", 0755);
        CommandResult r = f.host.run("bash", "-c", "./run.sh a b; echo status $?");
        assertThat(r.stdout()).isEqualTo("args: a b\nstatus 3\n");
    }

    @Test
    void dockerfileRunLineThroughBinSh() {
        ShellFixture f = new ShellFixture();
        CommandResult r = f.host.run("/bin/sh", "-c", "pip install flask");
        assertThat(r.stderr()).isEqualTo("/bin/sh: 1: pip: not found\n");
        assertThat(r.exitStatus()).isEqualTo(127);
    }
}
