package clusterlab.kernel.programs;

import clusterlab.kernel.programs.BuiltinPrograms.Entry;
import clusterlab.kernel.programs.tools.Cat;
import clusterlab.kernel.programs.tools.CopyMove;
import clusterlab.kernel.programs.tools.Date;
import clusterlab.kernel.programs.tools.Dmesg;
import clusterlab.kernel.programs.tools.Env;
import clusterlab.kernel.programs.tools.Free;
import clusterlab.kernel.programs.tools.Grep;
import clusterlab.kernel.programs.tools.Head;
import clusterlab.kernel.programs.tools.Hostname;
import clusterlab.kernel.programs.tools.Id;
import clusterlab.kernel.programs.tools.Ip;
import clusterlab.kernel.programs.tools.Kill;
import clusterlab.kernel.programs.tools.Ls;
import clusterlab.kernel.programs.tools.Mkdir;
import clusterlab.kernel.programs.tools.Ps;
import clusterlab.kernel.programs.tools.Pwd;
import clusterlab.kernel.programs.tools.Rm;
import clusterlab.kernel.programs.tools.Sleep;
import clusterlab.kernel.programs.tools.Status;
import clusterlab.kernel.programs.tools.Stress;
import clusterlab.kernel.programs.tools.Tail;
import clusterlab.kernel.programs.tools.Tee;
import clusterlab.kernel.programs.tools.Top;
import clusterlab.kernel.programs.tools.Touch;
import clusterlab.kernel.programs.tools.Uname;
import clusterlab.kernel.programs.tools.Watch;
import clusterlab.kernel.programs.tools.Wc;
import clusterlab.kernel.programs.tools.Which;
import java.util.List;

/** Catalog of coreutils, procps and the other command-line tools (ps, top, ls, cat...), at Debian's paths. */
final class ToolPrograms {
    static final List<Entry> ENTRIES = List.of(
            Entry.tool("ps", Ps::new, "/bin/ps"),
            Entry.tool("top", Top::new, "/usr/bin/top"),
            Entry.tool("hostname", Hostname::new, "/bin/hostname"),
            Entry.tool("cat", Cat::new, "/bin/cat"),
            Entry.tool("ls", Ls::new, "/bin/ls"),
            Entry.tool("sleep", Sleep::new, "/bin/sleep"),
            Entry.tool("kill", Kill::new, "/bin/kill"),
            Entry.tool("env", Env::new, "/usr/bin/env"),
            Entry.tool("id", Id::new, "/usr/bin/id"),
            Entry.tool("uname", Uname::new, "/bin/uname"),
            Entry.tool("free", Free::new, "/usr/bin/free"),
            Entry.tool("dmesg", Dmesg::new, "/bin/dmesg"),
            Entry.tool("ip", Ip::new, "/sbin/ip", "/bin/ip"),
            Entry.tool("watch", Watch::new, "/usr/bin/watch"),
            Entry.tool("mkdir", Mkdir::new, "/bin/mkdir"),
            Entry.tool("rm", Rm::new, "/bin/rm"),
            Entry.tool("touch", Touch::new, "/bin/touch"),
            Entry.tool("head", Head::new, "/usr/bin/head"),
            Entry.tool("tail", Tail::new, "/usr/bin/tail"),
            Entry.tool("grep", Grep::new, "/bin/grep"),
            Entry.tool("wc", Wc::new, "/usr/bin/wc"),
            Entry.tool("cp", CopyMove::cp, "/bin/cp"),
            Entry.tool("mv", CopyMove::mv, "/bin/mv"),
            Entry.tool("tee", Tee::new, "/usr/bin/tee"),
            Entry.tool("true", Status::alwaysTrue, "/bin/true"),
            Entry.tool("false", Status::alwaysFalse, "/bin/false"),
            Entry.tool("pwd", Pwd::new, "/bin/pwd"),
            Entry.tool("which", Which::new, "/usr/bin/which"),
            Entry.tool("date", Date::new, "/bin/date"),
            Entry.tool("stress", Stress::new, "/usr/bin/stress"));

    private ToolPrograms() {}
}
