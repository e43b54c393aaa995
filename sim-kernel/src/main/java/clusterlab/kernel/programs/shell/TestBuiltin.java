package clusterlab.kernel.programs.shell;

import clusterlab.kernel.fs.FileStat;
import clusterlab.kernel.fs.Filesystem;
import clusterlab.kernel.fs.FsException;
import java.util.List;

/** {@code test} and {@code [}: file tests, string tests and integer comparisons, with ! and ( ). */
final class TestBuiltin {
    private TestBuiltin() {}

    /** 0 true, 1 false, 2 usage error (already reported). */
    static int run(Interpreter it, List<String> args, String name, Io io) {
        try {
            return eval(it, args) ? 0 : 1;
        } catch (IllegalArgumentException e) {
            it.session.error(io.err(), name + ": " + e.getMessage());
            return 2;
        }
    }

    private static boolean eval(Interpreter it, List<String> a) {
        switch (a.size()) {
            case 0:
                return false;
            case 1:
                return !a.get(0).isEmpty();
            case 2:
                if (a.get(0).equals("!")) {
                    return !eval(it, a.subList(1, 2));
                }
                return unary(it, a.get(0), a.get(1));
            case 3:
                if (isBinary(a.get(1))) {
                    return binary(a.get(0), a.get(1), a.get(2));
                }
                if (a.get(0).equals("!")) {
                    return !eval(it, a.subList(1, 3));
                }
                if (a.get(0).equals("(") && a.get(2).equals(")")) {
                    return eval(it, a.subList(1, 2));
                }
                throw new IllegalArgumentException(a.get(1) + ": binary operator expected");
            case 4:
                if (a.get(0).equals("!")) {
                    return !eval(it, a.subList(1, 4));
                }
                if (a.get(0).equals("(") && a.get(3).equals(")")) {
                    return eval(it, a.subList(1, 3));
                }
                throw new IllegalArgumentException("too many arguments");
            default:
                int and = a.indexOf("-a");
                int or = a.indexOf("-o");
                if (or > 0 && or < a.size() - 1) {
                    return eval(it, a.subList(0, or)) || eval(it, a.subList(or + 1, a.size()));
                }
                if (and > 0 && and < a.size() - 1) {
                    return eval(it, a.subList(0, and)) && eval(it, a.subList(and + 1, a.size()));
                }
                throw new IllegalArgumentException("too many arguments");
        }
    }

    private static boolean isBinary(String op) {
        return switch (op) {
            case "=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-a", "-o", "<", ">" -> true;
            default -> false;
        };
    }

    private static boolean binary(String l, String op, String r) {
        switch (op) {
            case "=", "==":
                return l.equals(r);
            case "!=":
                return !l.equals(r);
            case "<":
                return l.compareTo(r) < 0;
            case ">":
                return l.compareTo(r) > 0;
            case "-a":
                return !l.isEmpty() && !r.isEmpty();
            case "-o":
                return !l.isEmpty() || !r.isEmpty();
            default:
                long x = integer(l);
                long y = integer(r);
                return switch (op) {
                    case "-eq" -> x == y;
                    case "-ne" -> x != y;
                    case "-lt" -> x < y;
                    case "-le" -> x <= y;
                    case "-gt" -> x > y;
                    default -> x >= y;
                };
        }
    }

    private static long integer(String s) {
        String t = s.strip();
        if (!t.matches("[+-]?[0-9]{1,18}")) {
            throw new IllegalArgumentException(s + ": integer expression expected");
        }
        return Long.parseLong(t);
    }

    private static boolean unary(Interpreter it, String op, String arg) {
        Filesystem fs = it.session.ctx.fs();
        String path = it.session.ctx.resolve(arg.isEmpty() ? "/nonexistent\u0000" : arg);
        switch (op) {
            case "-z":
                return arg.isEmpty();
            case "-n":
                return !arg.isEmpty();
            case "-L", "-h": {
                FileStat st = arg.isEmpty() ? null : lstat(fs, path);
                return st != null && st.isSymlink();
            }
            case "-e", "-f", "-d", "-s", "-r", "-w", "-x": {
                FileStat st = arg.isEmpty() ? null : stat(fs, path);
                if (st == null) {
                    return false;
                }
                boolean root = it.session.ctx.credentials().isRoot();
                int uid = it.session.ctx.credentials().uid();
                int shift = st.uid() == uid ? 6 : 0;
                return switch (op) {
                    case "-e" -> true;
                    case "-f" -> st.isRegularFile();
                    case "-d" -> st.isDirectory();
                    case "-s" -> st.sizeBytes() > 0;
                    case "-r" -> root || (st.mode() >> shift & 4) != 0;
                    case "-w" -> root || (st.mode() >> shift & 2) != 0;
                    default -> (st.mode() & 0111) != 0 && (root || (st.mode() >> shift & 1) != 0);
                };
            }
            default:
                throw new IllegalArgumentException(op + ": unary operator expected");
        }
    }

    private static FileStat stat(Filesystem fs, String path) {
        try {
            return fs.stat(path);
        } catch (FsException | IllegalArgumentException e) {
            return null;
        }
    }

    private static FileStat lstat(Filesystem fs, String path) {
        try {
            return fs.lstatOrNull(path);
        } catch (FsException | IllegalArgumentException e) {
            return null;
        }
    }
}
