package clusterlab.kernel.programs.shell;

import clusterlab.kernel.os.ProcessContext;

/** bash's prompt escapes: user, host, cwd (~), basename, $ or #, newline, shell name (dash prints PS1 as it is). */
final class Prompt {
    private Prompt() {}

    static String expand(String ps, ProcessContext ctx, ShellState state, String shellName, boolean bash) {
        if (!bash) {
            return ps;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ps.length(); i++) {
            char c = ps.charAt(i);
            if (c != '\\' || i + 1 >= ps.length()) {
                sb.append(c);
                continue;
            }
            char e = ps.charAt(++i);
            switch (e) {
                case 'u' -> sb.append(userName(ctx));
                case 'h' -> {
                    String h = ctx.hostname();
                    int dot = h.indexOf('.');
                    sb.append(dot < 0 ? h : h.substring(0, dot));
                }
                case 'H' -> sb.append(ctx.hostname());
                case 'w' -> sb.append(tilde(ctx.cwd(), state.get("HOME")));
                case 'W' -> {
                    String cwd = ctx.cwd();
                    String home = state.get("HOME");
                    sb.append(cwd.equals(home) ? "~" : cwd.equals("/") ? "/" : cwd.substring(cwd.lastIndexOf('/') + 1));
                }
                case '$' -> sb.append(ctx.credentials().isRoot() ? '#' : '$');
                case 'n' -> sb.append('\n');
                case 's' -> sb.append(shellName);
                case 'v' -> sb.append("5.0");
                case 'V' -> sb.append("5.0.3");
                case '\\' -> sb.append('\\');
                case '[', ']' -> { } // non-printing markers: nothing to show
                default -> sb.append('\\').append(e);
            }
        }
        return sb.toString();
    }

    private static String tilde(String cwd, String home) {
        if (home != null && !home.isEmpty() && !home.equals("/")) {
            if (cwd.equals(home)) {
                return "~";
            }
            if (cwd.startsWith(home + "/")) {
                return "~" + cwd.substring(home.length());
            }
        }
        return cwd;
    }

    /** The user name for the process's uid from /etc/passwd, as bash's user escape looks it up. */
    static String userName(ProcessContext ctx) {
        int uid = ctx.credentials().uid();
        try {
            for (String line : ctx.fs().readString("/etc/passwd").split("\n", 10_000)) {
                String[] f = line.split(":", 4);
                if (f.length >= 3 && f[2].equals(String.valueOf(uid))) {
                    return f[0];
                }
            }
        } catch (RuntimeException e) {
            // no /etc/passwd: fall through
        }
        return "I have no name!";
    }
}
