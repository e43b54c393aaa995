package clusterlab.kernel.programs.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one shell (or subshell): values, which are exported to commands, positional
 * parameters, $? and the options. A subshell gets a {@link #copy()}, so its changes stay inside it.
 */
final class ShellState {
    /** A bound on variables so that a runaway script cannot grow the shell without limit. */
    static final int MAX_VARIABLES = 10_000;

    final LinkedHashMap<String, String> vars = new LinkedHashMap<>();
    final Set<String> exported = new LinkedHashSet<>();
    List<String> positional = new ArrayList<>();
    String arg0;
    int lastStatus;
    int lastBackgroundPid = -1;
    boolean errexit;
    /** $$: the pid of the shell proper, which subshells keep. */
    int shellPid;

    ShellState copy() {
        ShellState c = new ShellState();
        c.vars.putAll(vars);
        c.exported.addAll(exported);
        c.positional = new ArrayList<>(positional);
        c.arg0 = arg0;
        c.lastStatus = lastStatus;
        c.lastBackgroundPid = lastBackgroundPid;
        c.errexit = errexit;
        c.shellPid = shellPid;
        return c;
    }

    String get(String name) {
        return vars.get(name);
    }

    void set(String name, String value) {
        if (vars.size() < MAX_VARIABLES || vars.containsKey(name)) {
            vars.put(name, value);
        }
    }

    void unset(String name) {
        vars.remove(name);
        exported.remove(name);
    }

    /** The environment a command gets: exported variables plus the command's own assignments. */
    Map<String, String> environment(Map<String, String> extra) {
        LinkedHashMap<String, String> env = new LinkedHashMap<>();
        for (String name : exported) {
            String v = vars.get(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        env.putAll(extra);
        return env;
    }

    static boolean isName(String s) {
        return s.matches("[A-Za-z_][A-Za-z0-9_]*");
    }
}
