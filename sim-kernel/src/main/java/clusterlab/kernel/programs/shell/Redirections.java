package clusterlab.kernel.programs.shell;

import clusterlab.kernel.fs.Errno;
import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import clusterlab.kernel.os.OutputSink;
import clusterlab.kernel.os.Pipe;
import clusterlab.kernel.programs.shell.Ast.Redirect;
import java.util.List;

/**
 * Opens a command's redirections: files on the process's filesystem (created or truncated as the
 * real open(2) would), /dev/null, descriptor duplication and here-documents.
 */
final class Redirections {
    /** A redirection that could not be opened; the message is the shell's error text. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** strerror(ENAMETOOLONG): the kernel's paths refuse more than PATH_MAX characters. */
    static final String NAME_TOO_LONG = "File name too long";

    private Redirections() {}

    /** The streams after applying {@code redirects} to {@code io}, left to right. */
    static Io apply(Session session, List<Redirect> redirects, Expander expander, Io io) throws Failure {
        for (Redirect r : redirects) {
            io = applyOne(session, r, expander, io);
        }
        return io;
    }

    private static Io applyOne(Session session, Redirect r, Expander expander, Io io) throws Failure {
        if (r.hereDoc() != null) {
            String body = expander.string(r.hereDoc().body()); // a quoted body is one literal part
            Pipe p = new Pipe();
            p.write(body);
            p.close();
            return r.fd() == 0 ? io.withIn(p) : io;
        }
        String target = expander.string(r.target());
        switch (r.op()) {
            case ">", ">>" -> {
                OutputSink sink = openOut(session, target, r.op().equals(">>"));
                return withFd(io, r.fd(), sink);
            }
            case "&>", "&>>" -> {
                OutputSink sink = openOut(session, target, r.op().equals("&>>"));
                return io.withOut(sink).withErr(sink);
            }
            case ">&" -> {
                if (target.equals("1")) {
                    return withFd(io, r.fd(), io.out());
                } else if (target.equals("2")) {
                    return withFd(io, r.fd(), io.err());
                } else if (target.equals("-")) {
                    return withFd(io, r.fd(), OutputSink.DISCARD);
                } else if (target.chars().allMatch(Character::isDigit) && !target.isEmpty()) {
                    throw new Failure(target + ": Bad file descriptor");
                }
                OutputSink sink = openOut(session, target, false);
                return r.fd() == 1 ? io.withOut(sink).withErr(sink) : withFd(io, r.fd(), sink);
            }
            case "<" -> {
                return r.fd() == 0 ? io.withIn(openIn(session, target)) : io;
            }
            case "<&" -> {
                if (target.equals("0") || target.equals("-")) {
                    return io;
                }
                throw new Failure(target + ": Bad file descriptor");
            }
            default -> {
                return io;
            }
        }
    }

    private static Io withFd(Io io, int fd, OutputSink sink) {
        return switch (fd) {
            case 1 -> io.withOut(sink);
            case 2 -> io.withErr(sink);
            default -> io; // other descriptors: opened (the file exists) but nothing writes there
        };
    }

    static OutputSink openOut(Session session, String target, boolean append) throws Failure {
        switch (target) {
            case "/dev/null":
                return OutputSink.DISCARD;
            case "/dev/stdout":
                return session.ctx.process().stdio().out();
            case "/dev/stderr":
                return session.ctx.process().stdio().err();
            default:
                break;
        }
        Messages m = session.messages;
        if (target.isEmpty()) {
            throw new Failure(m.cannotCreate(target, Errno.ENOENT.text()));
        }
        Filesystem fs = session.ctx.fs();
        try {
            String path = session.ctx.resolve(target);
            FileStat st = fs.exists(path) ? fs.stat(path) : null;
            if (st != null && st.isDirectory()) {
                throw new Failure(m.cannotCreate(target, Errno.EISDIR.text()));
            }
            if (st == null || !append) {
                fs.writeString(path, "");
            }
        } catch (FsException e) {
            throw new Failure(m.cannotCreate(target, e.errno().text()));
        } catch (IllegalArgumentException e) {
            throw new Failure(m.cannotCreate(target, NAME_TOO_LONG));
        }
        return new FileSink(fs, session.ctx.resolve(target));
    }

    private static Pipe openIn(Session session, String target) throws Failure {
        if (target.equals("/dev/null")) {
            Pipe p = new Pipe();
            p.close();
            return p;
        }
        try {
            String path = session.ctx.resolve(target);
            Filesystem fs = session.ctx.fs();
            if (fs.stat(path).isDirectory()) {
                throw new Failure(session.messages.cannotOpen(target, Errno.EISDIR.text()));
            }
            Pipe p = new Pipe();
            p.write(fs.readString(path));
            p.close();
            return p;
        } catch (FsException e) {
            throw new Failure(session.messages.cannotOpen(target, e.errno().text()));
        } catch (IllegalArgumentException e) {
            throw new Failure(session.messages.cannotOpen(target, NAME_TOO_LONG));
        }
    }

    /** Writes to a file as they come, like a descriptor opened on it; closing does nothing. */
    private record FileSink(Filesystem fs, String path) implements OutputSink {
        @Override
        public void write(String text) {
            try {
                fs.appendString(path, text);
            } catch (FsException e) {
                // the file went away or the disk is full: the write fails silently, as write(2) errors do
            }
        }
    }
}
